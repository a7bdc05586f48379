package dev.konnectplugins.internal.validation;

/**
 * A small valid plugin that runs every stage of a validation: the preload validates it to warm the validator up
 * ({@link Preload}), and the CLI's training run validates it while the launcher records its class-data archive.
 */
public final class WarmUpPlugin {
    /** The upload name, which the schema's name equals. */
    public static final String NAME = "warm-up";
    /** Its handler.lua. */
    public static final String HANDLER = "local Handler = {\n  PRIORITY = 810,\n  VERSION = \"1.0.0\",\n}\n\n"
            + "function Handler:access(conf)\n  kong.service.request.set_header(\"X-Warm-Up\", conf.value)\nend\n\n"
            + "return Handler\n";
    /** Its schema.lua. */
    public static final String SCHEMA = "local typedefs = require \"kong.db.schema.typedefs\"\n\nreturn {\n"
            + "  name = \"" + NAME + "\",\n  fields = {\n    { protocols = typedefs.protocols_http },\n"
            + "    { consumer = typedefs.no_consumer },\n    { config = {\n        type = \"record\",\n"
            + "        fields = {\n          { value = { type = \"string\", required = true, default = \"on\" } },\n"
            + "          { hosts = { type = \"array\", elements = typedefs.host, default = {} } },\n"
            + "        },\n    } },\n  },\n}\n";

    private WarmUpPlugin() {
    }
}
