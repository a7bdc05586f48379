package dev.konnectplugins.benchmarks;

/** Plugins the benchmarks validate: Kong's plugin template, and a handler grown to a given size. */
final class SamplePlugins {
    static final String TEMPLATE_HANDLER = """
            local plugin = {
              PRIORITY = 1000, -- set the plugin priority, which determines plugin execution order
              VERSION = "0.1", -- version in X.Y.Z format. Check hybrid-mode compatibility requirements.
            }

            -- runs in the 'access_by_lua_block'
            function plugin:access(plugin_conf)
              kong.log.inspect(plugin_conf)   -- check the logs for a pretty-printed config!
              kong.service.request.set_header(plugin_conf.request_header, "this is on a request")
            end

            -- runs in the 'header_filter_by_lua_block'
            function plugin:header_filter(plugin_conf)
              kong.response.set_header(plugin_conf.response_header, "this is on the response")
            end

            return plugin
            """;

    static final String TEMPLATE_SCHEMA = """
            local typedefs = require "kong.db.schema.typedefs"

            local PLUGIN_NAME = "myplugin"

            local schema = {
              name = PLUGIN_NAME,
              fields = {
                { consumer = typedefs.no_consumer },
                { protocols = typedefs.protocols_http },
                { config = {
                    type = "record",
                    fields = {
                      { request_header = typedefs.header_name { required = true, default = "Hello-World" } },
                      { response_header = typedefs.header_name { required = true, default = "Bye-World" } },
                      { ttl = { type = "integer", default = 600, required = true, gt = 0, } },
                    },
                    entity_checks = {
                      { at_least_one_of = { "request_header", "response_header" }, },
                      { distinct = { "request_header", "response_header"} },
                    },
                  },
                },
              },
            }

            return schema
            """;

    private static final String METHOD = """

            -- helper %1$d: normalizes a header and records it for the log phase
            function plugin:helper_%1$d(conf, name)
              local value = kong.request.get_header(name)
              if not value or value == "" then
                return nil, "missing header " .. name
              end
              local parts = {}
              for part in string.gmatch(value, "[^,]+") do
                table.insert(parts, (part:gsub("^%%s+", ""):gsub("%%s+$", "")))
              end
              if #parts > (conf.max_parts or 10) then
                return kong.response.exit(400, { message = "too many values in " .. name })
              end
              kong.ctx.plugin["h%1$d"] = table.concat(parts, ",")
              kong.service.request.set_header(name, kong.ctx.plugin["h%1$d"])
              return true
            end
            """;

    /** The template handler with helper methods added until it is {@code bytes} long. */
    static String largeHandler(int bytes) {
        String head = TEMPLATE_HANDLER.substring(0, TEMPLATE_HANDLER.lastIndexOf("return plugin"));
        StringBuilder out = new StringBuilder(head);
        for (int i = 1; ; i++) {
            String method = String.format(METHOD, i);
            if (out.length() + method.length() + "return plugin\n".length() > bytes) {
                break;
            }
            out.append(method);
        }
        return out.append("return plugin\n").toString();
    }

    private SamplePlugins() {
    }
}
