package dev.konnectplugins.validation.report;

import java.util.Map;

/**
 * Just enough JSON writing for the reports: string escaping per RFC 8259, and also of the characters that are valid
 * JSON but unsafe on a terminal or in a line-based consumer (DEL, C1 controls, line separators, bidi overrides).
 */
final class Json {
    /** A flat object of strings, numbers and booleans, in the map's order, on one line. */
    static String object(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((name, value) -> {
            out.append(out.length() == 1 ? "" : ",").append(quote(name)).append(':');
            out.append(value instanceof Number || value instanceof Boolean ? String.valueOf(value)
                    : quote(String.valueOf(value)));
        });
        return out.append('}').toString();
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (Printable.unsafe(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private Json() {
    }
}
