package dev.konnectplugins.testkit;

import static dev.konnectplugins.testkit.KonnectHttp.json;
import static dev.konnectplugins.testkit.KonnectHttp.pluginBody;
import static dev.konnectplugins.testkit.KonnectHttp.plugins;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeKonnectServerTest {

    @Test
    void printsMachineReadableCoordinatesAndServesPlainHttp() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String controlPlaneId = UUID.randomUUID().toString();
        String[] args = {"--port", "0", "--token", "kpat_cli", "--control-plane", "cli",
            "--control-plane-id", controlPlaneId, "--duplicate-status=409"};

        try (FakeKonnect fake = FakeKonnectServer.start(args, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            Map<String, String> lines = keyValues(printed.toString(StandardCharsets.UTF_8).lines().toList());

            assertThat(lines).containsEntry("KONNECT_BASE_URL", fake.baseUrl().toString())
                    .containsEntry("KONNECT_TOKEN", "kpat_cli")
                    .containsEntry("KONNECT_CONTROL_PLANE_ID", controlPlaneId)
                    .containsEntry("KONNECT_CONTROL_PLANE_NAME", "cli");
            KonnectHttp http = new KonnectHttp(URI.create(lines.get("KONNECT_BASE_URL")), "kpat_cli");
            http.post(plugins(controlPlaneId), pluginBody("hello"));
            assertThat(http.post(plugins(controlPlaneId), pluginBody("hello")).statusCode()).isEqualTo(409);
        }
    }

    @Test
    void rejectsUnknownOptions() {
        assertThatThrownBy(() -> FakeKonnectServer.start(new String[] {"--colour", "red"}, System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--colour");
        assertThatThrownBy(() -> FakeKonnectServer.start(new String[] {"--port"}, System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> FakeKonnectServer.start(new String[] {"--duplicate-status", "418"}, System.out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("400 or 409");
    }

    @Test
    void runsAsASeparateProcessAnsweringAPlainClient() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                FakeKonnectServer.class.getName(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Map<String, String> lines = readCoordinates(process);
            KonnectHttp http = new KonnectHttp(URI.create(lines.get("KONNECT_BASE_URL")), lines.get("KONNECT_TOKEN"));
            String path = plugins(lines.get("KONNECT_CONTROL_PLANE_ID"));

            assertThat(http.post(path, pluginBody("hello")).statusCode()).isEqualTo(201);
            HttpResponse<String> duplicate = http.post(path, pluginBody("hello"));
            assertThat(duplicate.statusCode()).isEqualTo(400);
            assertThat(json(duplicate).get("message").asText()).isEqualTo("data constraint error");
            assertThat(http.withToken("wrong").get(path).body())
                    .isEqualTo("{\"message\":\"Unauthorized\",\"status\":401}");
            assertThat(json(http.get(path)).get("data")).hasSize(1);
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Map<String, String> readCoordinates(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new java.util.ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.startsWith("KONNECT_CONTROL_PLANE_NAME=")) {
                break;
            }
        }
        return keyValues(lines);
    }

    private static Map<String, String> keyValues(List<String> lines) {
        Map<String, String> values = new HashMap<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }
}
