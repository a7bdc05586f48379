package dev.konnectplugins.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.konnectplugins.internal.sync.SafeText;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pretty JSON for the commands' --output json. Characters that act on a terminal (controls, line separators, bidi
 * overrides) are written as {@code \}{@code uXXXX} escapes ({@link SafeText#escaping}), so the values a program reads
 * are exact and a person's terminal shows them harmlessly.
 */
final class Json {
    private static final ObjectMapper MAPPER = SafeText.escaping(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));

    private Json() {
    }

    /** An ordered object from name, value pairs. */
    static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    /** Writes a JSON array of {@code items} as they come, holding one at a time; the same text as {@link #write}. */
    static void writeArray(PrintStream out, Iterable<?> items) {
        try {
            JsonGenerator generator = MAPPER.getFactory().createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.useDefaultPrettyPrinter();
            generator.writeStartArray();
            for (Object item : items) {
                MAPPER.writeValue(generator, item);
                generator.flush();
            }
            generator.writeEndArray();
            generator.close();
            out.print("\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
