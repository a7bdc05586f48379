package dev.konnectplugins.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Kong's plugin template (kong/kong-plugin), without its init_worker, is a valid streamed plugin. */
class TemplatePluginTest {
    @Test
    void templatePluginIsValid() throws URISyntaxException {
        Path dir = Path.of(TemplatePluginTest.class.getResource("/plugins/valid/myplugin").toURI());
        ValidationResult result = Plugins.VALIDATOR.validateDirectory(dir);
        assertThat(result.name()).isEqualTo("myplugin");
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.valid()).isTrue();
    }
}
