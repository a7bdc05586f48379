package dev.konnectplugins.validation.cli;

/**
 * Just enough JSON writing for the reports: string escaping per RFC 8259, and also of the characters that are valid
 * JSON but unsafe on a terminal or in a line-based consumer (DEL, C1 controls, line separators, bidi overrides).
 */
final class Json {
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
