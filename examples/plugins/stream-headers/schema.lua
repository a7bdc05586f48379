local typedefs = require "kong.db.schema.typedefs"

return {
  -- Konnect requires this to equal the uploaded plugin name, which is the folder name.
  name = "stream-headers",
  fields = {
    { protocols = typedefs.protocols_http },
    { config = {
        type = "record",
        fields = {
          { request_header = { type = "string", required = true, default = "X-Streamed-By" } },
          { request_value = { type = "string", required = true, default = "konnect" } },
          { echo_version = { type = "boolean", required = true, default = true } },
          { response_header = { type = "string", required = true, default = "X-Stream-Headers-Version" } },
        },
    } },
  },
}
