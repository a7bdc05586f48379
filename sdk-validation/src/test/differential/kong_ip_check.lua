-- Kong's IP typedef validators with a working resty.ipmatcher, for the cases where the oracle's stand-in (which
-- accepts every value) cannot judge: run with the oracle's LuaJIT from the oracle's work folder,
--   cd /tmp/kong-oracle && luajit .../kong_ip_check.lua VALUE...
-- and it prints Kong's verdict of typedefs.ip, ip_or_cidr and cidr_v4 (kong/db/schema/typedefs.lua and
-- kong/tools/ip.lua of f6b4167a, read from kong-f6b/) for each value. parse_ipv4/parse_ipv6 are resty.ipmatcher's:
-- inet_pton through the FFI, brackets stripped from an IPv6 address.
local ffi = require "ffi"
ffi.cdef [[
int inet_pton(int af, const char *src, void *dst);
]]
local function parse(af, size)
  return function(ip)
    if type(ip) ~= "string" then return false end
    if af == 10 and ip:sub(1, 1) == "[" and ip:sub(-1) == "]" then ip = ip:sub(2, -2) end
    local buf = ffi.new("unsigned char[?]", size)
    return ffi.C.inet_pton(af, ip, buf) == 1
  end
end
package.loaded["resty.ipmatcher"] = { parse_ipv4 = parse(2, 4), parse_ipv6 = parse(10, 16) }
package.loaded["kong.tools.string"] = { split = function() return {} end }
package.path = "kong-f6b/?.lua;lib/?.lua;" .. package.path
local ip = dofile("kong-f6b/kong/tools/ip.lua")
for _, v in ipairs(arg) do
  print(v, "ip=" .. tostring(ip.is_valid_ip(v)), "ip_or_cidr=" .. tostring(ip.is_valid_ip_or_cidr(v)),
        "cidr_v4=" .. tostring(ip.is_valid_ip_or_cidr_v4(v)))
end
