package dev.konnectplugins.internal.validation.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonDataTest {
    private static final List<String> RESOURCES = List.of("/dev/konnectplugins/internal/validation/kong-typedefs.json",
            "/dev/konnectplugins/internal/validation/schema/restricted-metaschema.json",
            "/dev/konnectplugins/internal/validation/schema/plugins-entity.json");

    @Test
    void readsEveryDataFileAsObjectMapperDoes() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (String resource : RESOURCES) {
            JsonNode expected;
            try (InputStream in = JsonDataTest.class.getResourceAsStream(resource)) {
                expected = mapper.readTree(in);
            }
            try (InputStream in = JsonDataTest.class.getResourceAsStream(resource)) {
                JsonNode read = JsonData.read(in);
                assertThat(read.size()).as(resource).isPositive();
                assertThat(read).as(resource).isEqualTo(expected);
            }
        }
    }

    @Test
    void typesNumbersAndScalarsAsReadTreeDoes() throws IOException {
        String json = "{\"i\": 1, \"l\": 5000000000, \"b\": 123456789012345678901234567890, \"d\": 1.5,"
                + " \"t\": true, \"f\": false, \"n\": null, \"s\": \"x\", \"a\": [1, [], {}], \"i\": 2}";
        assertThat(read(json)).isEqualTo(new ObjectMapper().readTree(json));
        assertThat(read(json).get("l").isLong()).isTrue();
        assertThat(read(json).get("i").intValue()).as("the last of a repeated key wins").isEqualTo(2);
    }

    @Test
    void refusesEmptyDataAndTrailingValues() {
        assertThatThrownBy(() -> read("")).isInstanceOf(IOException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("{} {}")).isInstanceOf(IOException.class)
                .hasMessageContaining("more than one JSON value");
        assertThatThrownBy(() -> read("{\"a\": ")).isInstanceOf(IOException.class);
    }

    private static JsonNode read(String json) throws IOException {
        return JsonData.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
