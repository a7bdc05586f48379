package dev.konnectplugins.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test projects written for one test: a pom and Kong plugins, under target/it. */
final class TestProjects {
    static final String VALID_HANDLER = """
            local Handler = {
              PRIORITY = 810,
              VERSION = "1.0.0",
            }

            function Handler:access(conf)
              kong.service.request.set_header("X-Greeting", conf.greeting)
            end

            return Handler
            """;

    /** Line 7, column 3: the call Kong's sandbox refuses (timers). */
    static final String HANDLER_WITH_TIMER = """
            local Handler = {
              PRIORITY = 810,
              VERSION = "1.0.0",
            }

            function Handler:access(conf)
              ngx.timer.at(0, function() end)
            end

            return Handler
            """;

    private TestProjects() {
    }

    /** A fresh project folder with a pom declaring the plugin as {@code pluginXml} says. */
    static Path project(String name, String pluginXml) throws IOException {
        Path project = Path.of(System.getProperty("konnect.it.work", "target/it")).toAbsolutePath().resolve(name);
        deleteRecursively(project);
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                %s
                    </plugins>
                  </build>
                </project>
                """.formatted(name, pluginXml.indent(6).stripTrailing()));
        return project;
    }

    /** The plugin declared with this configuration and no execution: the tests run its goals by name. */
    static String plugin(String configuration) {
        return """
                <plugin>
                  <groupId>dev.konnectplugins</groupId>
                  <artifactId>konnect-plugins-maven-plugin</artifactId>
                  <version>%s</version>
                  <configuration>
                %s
                  </configuration>
                </plugin>
                """.formatted(System.getProperty("konnect.it.plugin.version"), configuration.indent(4).stripTrailing());
    }

    /** Writes {@code src/main/kong-plugins/<name>/} with this handler and a schema naming {@code name}. */
    static Path kongPlugin(Path project, String name, String handler) throws IOException {
        Path folder = project.resolve("src/main/kong-plugins").resolve(name);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("handler.lua"), handler);
        Files.writeString(folder.resolve("schema.lua"), """
                local typedefs = require "kong.db.schema.typedefs"

                return {
                  name = "%s",
                  fields = {
                    { protocols = typedefs.protocols_http },
                    { config = {
                        type = "record",
                        fields = {
                          { greeting = { type = "string", required = true, default = "hello" } },
                        },
                    } },
                  },
                }
                """.formatted(name));
        return folder;
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.delete(paths.get(i));
        }
    }
}
