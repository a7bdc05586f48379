package dev.konnectplugins.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The READMEs as a new user reads them: no placeholder in a block meant to be run or read, every
 * {@code konnect-plugins} command and option they show exists, the exit codes are those of {@code --help}, and the
 * complete pom.xml matches this build. (The Java blocks are compiled by examples' ReadmeSnippetsTest.)
 */
class ReadmeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** A fenced block: its info string and its text. */
    private static final Pattern FENCE = Pattern.compile("(?ms)^```([\\w-]*)\\n(.*?)^```");
    private static final Pattern INLINE = Pattern.compile("`([^`\\n]+)`");
    /** The CLI as the docs invoke it: the command, the jar or JBang's coordinates, then the subcommand. */
    private static final Pattern INVOCATION = Pattern.compile(
            "(?:^|[\\s$(])(?:konnect-plugins|\\S*konnect-plugins-cli\\S*)\\s+([a-z][\\w-]*)((?:[ \\t]+[^\\s|;&#>)`]+)*)");
    /** What is left in a text by mistake: XX, TODO, FIXME, TBD (but not a JVM option such as -XX:AOTCache). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\b(XX+(?!:)|TODO|FIXME|TBD)\\b");
    /** Shell words of a command a user runs; <...> there is a placeholder (the help text's <name> is not). */
    private static final Pattern ANGLE = Pattern.compile("<[a-z][\\w-]*>");
    private static final List<String> SHELL = List.of("", "sh", "bash", "shell", "console");

    private static List<Path> readmes;
    private static CommandSpec cli;

    @BeforeAll
    static void readmesAndTheCommandLine() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 2)) {
            readmes = files.filter(file -> file.getFileName().toString().equals("README.md"))
                    .filter(file -> !file.toString().contains("target")).sorted().toList();
        }
        assertThat(readmes).as("the root README and the modules'").hasSizeGreaterThan(5);
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        cli = Subcommands.addAll(new CommandLine(new KonnectPluginsCommand(Map.of(), nowhere, nowhere, false,
                Optional.empty()))).getCommandSpec();
    }

    @Test
    void noBlockAUserRunsOrReadsHasAPlaceholder() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path readme : readmes) {
            for (Block block : blocks(readme)) {
                if (block.language().equals("java")) {
                    continue;
                }
                block.text().lines().filter(line -> PLACEHOLDER.matcher(line).find())
                        .forEach(line -> found.add(block.where() + ": " + line));
                if (block.shell()) {
                    block.text().lines().filter(ReadmeTest::isCommand)
                            .filter(line -> ANGLE.matcher(withoutComment(line)).find())
                            .forEach(line -> found.add(block.where() + ": " + line));
                }
            }
        }
        assertThat(found).as("placeholders").isEmpty();
    }

    @Test
    void noReadmeLineAnywhereHasAPlaceholderWord() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path readme : readmes) {
            List<String> lines = Files.readAllLines(readme);
            for (int i = 0; i < lines.size(); i++) {
                if (PLACEHOLDER.matcher(lines.get(i)).find()) {
                    found.add(ROOT.relativize(readme) + ":" + (i + 1) + ": " + lines.get(i));
                }
            }
        }
        assertThat(found).as("placeholder words (XX, TODO, FIXME, TBD) in prose, code or blocks").isEmpty();
    }

    @Test
    void thePlaceholderCheckWouldCatchWhatIssue19Found() {
        // sdk-testkit/README.md's "Standalone" block was once the literal text XX.
        assertThat(PLACEHOLDER.matcher("XX").find()).isTrue();
        assertThat(PLACEHOLDER.matcher("java -jar app.jar --port XXXX").find()).isTrue();
        assertThat(ANGLE.matcher("konnect-plugins sync <folder>").find()).isTrue();
        assertThat(PLACEHOLDER.matcher("Fixes the XXL case; TODOS and TBDs are words").find()).isFalse();
        assertThat(PLACEHOLDER.matcher("java -XX:TieredStopAtLevel=1 -jar app.jar").find()).isFalse();
    }

    @Test
    void everyKonnectPluginsCommandAndOptionTheDocsShowExists() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Path readme : readmes) {
            String text = Files.readString(readme);
            List<String> snippets = new ArrayList<>();
            blocks(readme).stream().filter(block -> !block.language().equals("java"))
                    .forEach(block -> snippets.addAll(block.text().lines().toList()));
            Matcher inline = INLINE.matcher(text.replaceAll("(?ms)^```.*?^```", ""));
            while (inline.find()) {
                snippets.add(inline.group(1));
            }
            for (String snippet : snippets) {
                Matcher invocation = INVOCATION.matcher(withoutComment(snippet));
                while (invocation.find()) {
                    checked++;
                    problem(invocation.group(1), invocation.group(2))
                            .ifPresent(problem -> wrong.add(ROOT.relativize(readme) + ": " + snippet.strip()
                                    + " -> " + problem));
                }
            }
        }
        assertThat(checked).as("invocations found").isGreaterThan(10);
        assertThat(wrong).as("commands or options konnect-plugins does not have").isEmpty();
    }

    @Test
    void theReadmeListsTheExitCodesHelpPrints() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("Exit status:\n" + String.join("\n", ExitCode.FOOTER) + "\n");
    }

    @Test
    void theCompleteMinimalPomMatchesThisBuild() throws Exception {
        Block pom = blocks(ROOT.resolve("README.md")).stream()
                .filter(block -> block.language().equals("xml") && block.text().startsWith("<?xml"))
                .findFirst().orElseThrow(() -> new AssertionError("README.md has no complete pom.xml block"));
        Document project = xml(pom.text());
        Document build = xml(Files.readString(ROOT.resolve("pom.xml")));
        String version = text(build.getDocumentElement(), "version");

        assertThat(text(project.getDocumentElement(), "modelVersion")).isEqualTo("4.0.0");
        assertThat(property(project, "maven.compiler.release")).isEqualTo("17");
        Element bom = dependency(project, "konnect-plugins-bom");
        assertThat(text(bom, "version")).isEqualTo(version);
        assertThat(text(bom, "scope")).isEqualTo("import");
        assertThat(text(dependency(project, "junit-jupiter"), "version")).isEqualTo(property(build, "junit.version"));
        assertThat(text(dependency(project, "assertj-core"), "version"))
                .isEqualTo(property(build, "assertj.version"));
        for (String module : List.of("sdk-core", "sdk-validation", "sdk-testkit")) {
            assertThat(Files.readString(ROOT.resolve("bom/pom.xml"))).as(module + " is in the BOM")
                    .contains("<artifactId>" + module + "</artifactId>");
            assertThat(dependency(project, module).getElementsByTagName("version").getLength()).isZero();
        }
        for (String plugin : List.of("maven-resources-plugin", "maven-compiler-plugin", "maven-surefire-plugin",
                "maven-jar-plugin")) {
            assertThat(text(plugin(project, plugin), "version")).as(plugin).isEqualTo(text(plugin(build, plugin),
                    "version"));
        }
    }

    /** Why {@code konnect-plugins <command> <words>} would fail to parse, or empty when it would not. */
    private static Optional<String> problem(String command, String words) {
        CommandSpec sub = cli.subcommands().containsKey(command) ? cli.subcommands().get(command).getCommandSpec()
                : null;
        if (sub == null) {
            return cli.optionsMap().containsKey(command) ? Optional.empty()
                    : Optional.of("no command '" + command + "'");
        }
        for (String word : words.trim().split("\\s+")) {
            String option = word.split("=", 2)[0];
            if (option.startsWith("-") && !option.equals("-") && !sub.optionsMap().containsKey(option)) {
                return Optional.of(command + " has no option " + option);
            }
        }
        return Optional.empty();
    }

    private static boolean isCommand(String line) {
        String command = line.strip().replaceFirst("^\\$\\s+", "");
        return Stream.of("mvn ", "java ", "jbang ", "konnect-plugins ", "curl ", "export ", "./")
                .anyMatch(command::startsWith);
    }

    private static String withoutComment(String line) {
        int comment = line.indexOf(" #");
        return comment < 0 ? line : line.substring(0, comment);
    }

    private static List<Block> blocks(Path readme) throws IOException {
        List<Block> blocks = new ArrayList<>();
        String text = Files.readString(readme);
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            int line = (int) text.substring(0, fence.start()).lines().count() + 1;
            blocks.add(new Block(ROOT.relativize(readme) + ":" + line, fence.group(1), fence.group(2)));
        }
        return blocks;
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String property(Document pom, String name) {
        return text((Element) pom.getElementsByTagName("properties").item(0), name);
    }

    private static Element dependency(Document pom, String artifactId) {
        return withArtifactId(pom.getElementsByTagName("dependency"), artifactId);
    }

    private static Element plugin(Document pom, String artifactId) {
        return withArtifactId(pom.getElementsByTagName("plugin"), artifactId);
    }

    private static Element withArtifactId(NodeList elements, String artifactId) {
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (artifactId.equals(text(element, "artifactId"))) {
                return element;
            }
        }
        throw new AssertionError("no " + artifactId);
    }

    /** The text of the first direct child named {@code name}. */
    private static String text(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().trim();
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    /** A fenced block of a README. */
    private record Block(String where, String language, String text) {
        boolean shell() {
            return SHELL.contains(language);
        }
    }
}
