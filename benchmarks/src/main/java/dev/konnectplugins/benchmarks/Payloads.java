package dev.konnectplugins.benchmarks;

/** The JSON the stub answers with: plugins of about 3 KB, like a real streaming plugin with its schema. */
final class Payloads {
    private Payloads() {
    }

    /** One custom plugin as Konnect returns it, about 3 KB. */
    static String pluginJson(String name) {
        return "{\"id\":\"" + java.util.UUID.nameUUIDFromBytes(name.getBytes()) + "\",\"name\":\"" + name
                + "\",\"handler\":" + quoted(SamplePlugins.largeHandler(1900)) + ",\"schema\":"
                + quoted(SamplePlugins.TEMPLATE_SCHEMA) + ",\"tags\":[\"team-a\",\"benchmark\"],"
                + "\"created_at\":1764150000,\"updated_at\":1764150001}";
    }

    /** A JSON array of {@code count} plugins. */
    static String pluginArray(int count) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ",").append(pluginJson("plugin-" + i));
        }
        return out.append(']').toString();
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
