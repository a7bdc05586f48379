-- stream-headers: tags each request on its way to the upstream service, and each response on its way back.
--
-- Written for Konnect plugin streaming, so it keeps to what the streaming sandbox allows: no init_worker
-- method, no timers, and only the kong.* PDK calls the sandbox exposes.
local StreamHeaders = {
  -- Runs after authentication plugins (priorities 1000 and up) so it never tags a request that gets refused.
  PRIORITY = 810,
  VERSION = "1.0.0",
}

function StreamHeaders:access(conf)
  kong.service.request.set_header(conf.request_header, conf.request_value)
end

function StreamHeaders:header_filter(conf)
  if conf.echo_version then
    kong.response.set_header(conf.response_header, StreamHeaders.VERSION)
  end
end

return StreamHeaders
