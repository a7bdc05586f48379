package dev.konnectplugins.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ApiPathTest {
    @Test
    void encodesAsUrlEncoderWithSpacesAsPercentTwenty() {
        String alphabet = "abcXYZ019.-_~*+ /?#%&=[]\\\"\u00e9\u4e2d";
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String expected = URLEncoder.encode(value.toString(), StandardCharsets.UTF_8).replace("+", "%20");
            assertThat(ApiPath.encode(value.toString())).as(value.toString()).isEqualTo(expected);
        }
    }

    @Test
    void buildsPathsAndQueries() {
        assertThat(ApiPath.of("v2", "control-planes").segment("0b3e2a4c-6d7e").literal("core-entities")
                .segment("a/b c").query("size", 100).query("tags", null).query("offset", "ab+/==").toString())
                .isEqualTo("/v2/control-planes/0b3e2a4c-6d7e/core-entities/a%2Fb%20c?size=100&offset=ab%2B%2F%3D%3D");
        assertThat(ApiPath.of("v2").segment("plugin-0").toString()).isEqualTo("/v2/plugin-0");
    }

    @Test
    void refusesDotSegments() {
        assertThatThrownBy(() -> ApiPath.of("v2").segment("..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiPath.of("v2").segment(".")).isInstanceOf(IllegalArgumentException.class);
    }
}
