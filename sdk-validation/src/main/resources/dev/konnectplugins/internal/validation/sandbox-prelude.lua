-- Runs once per evaluation, trusted, in the evaluation's own luaj Globals holding the libraries (luaj's, with the
-- budgeted string, table, coroutine, tostring and tonumber of the eval package). Everything it needs from them it
-- keeps in locals: the Java side then empties that Globals, puts the allowlisted names in it and calls
-- build(env, kind, requires), which completes
-- `env` (the same Globals) so that it mirrors Kong's plugin-streaming sandbox closely enough to
-- evaluate the top level of handler.lua and schema.lua: only the allowlisted names, read-only tables (except ngx),
-- a require that refuses other modules, and stand-ins for Kong's modules. Values we cannot reproduce (kong.*,
-- ngx.* functions, cjson...) are permissive stubs: tables marked __stub that can be indexed, called and combined.

local setmetatable, getmetatable, rawset, rawget, pairs, ipairs, next, type, error, tostring, select =
      setmetatable, getmetatable, rawset, rawget, pairs, ipairs, next, type, error, tostring, select
local string, table, math, os, coroutine, bit = string, table, math, os, coroutine, bit

-- Set once the plugin's code consults a stand-in (calls, indexes, combines or measures one, or requires a stand-in
-- module): from then on its run may differ from Kong's. (This prelude runs once per evaluation.)
local touched = false

local STUB_MT = { __stub = true }
local function stub()
  return setmetatable({}, STUB_MT)
end
local function stub_function()
  touched = true
  return stub()
end
STUB_MT.__index = stub_function
STUB_MT.__call = stub_function
for _, event in ipairs({ "__concat", "__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm" }) do
  STUB_MT[event] = stub_function
end
STUB_MT.__lt = function() touched = true return false end
STUB_MT.__le = function() touched = true return false end
STUB_MT.__len = function() touched = true return 0 end
STUB_MT.__tostring = function() touched = true return "stub" end

local NULL = NGX_NULL -- a userdata (eval/NgxNull.java): indexing it fails as cjson's NULL does in Kong
local TYPEDEFS = KONG_TYPEDEFS -- Kong's typedefs as data (kong-typedefs.json, read by eval/KongTypedefs.java)

-- Lua's and LuaJIT's libraries, by dotted name. Anything listed in the allowlist but absent here is a stub. The table
-- comes from eval/Sandbox.java made large enough for all of them, so that filling it never grows it.
local source = SOURCE_TABLE
local function provide(prefix, t)
  for k, v in pairs(t) do
    source[prefix .. k] = v
  end
end
for _, name in ipairs({ "assert", "error", "ipairs", "next", "pairs", "pcall", "select", "tonumber", "tostring",
                        "type", "xpcall" }) do
  source[name] = _G[name]
end
source._VERSION = "Lua 5.1"
source.print = function() end
source.unpack = table.unpack
provide("string.", string)
provide("table.", table)
provide("math.", math)
provide("coroutine.", coroutine)
source["os.clock"], source["os.date"] = os.clock, os.date
source["io.type"] = function() return nil end

local function table_clear(t) for k in pairs(t) do t[k] = nil end end
local function table_clone(t) local c = {} for k, v in pairs(t) do c[k] = v end return c end
local function table_nkeys(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local function table_isempty(t) return next(t) == nil end
local table_isarray = table.isarray -- LuaJIT's lj_tab_isarray (eval/LuaJitTables.java)
source["table.clear"] = table_clear
source["table.clone"] = table_clone
source["table.nkeys"] = table_nkeys
source["table.isempty"] = table_isempty
source["table.isarray"] = table_isarray
source["table.new"] = function() return {} end
source["table.getn"] = function(t) return #t end
source["table.maxn"] = function(t) local m = 0 for k in pairs(t) do if type(k) == "number" and k > m then m = k end end return m end
source["table.foreach"] = function(t, f) for k, v in pairs(t) do local r = f(k, v) if r ~= nil then return r end end end
source["table.foreachi"] = function(t, f) for i = 1, #t do local r = f(i, t[i]) if r ~= nil then return r end end end
-- LuaJIT's argument errors ("bad argument #2 to 'move' (number expected, got nil)"), raised without a position.
local function arg_error(n, name, expected, value, given)
  local got = given and type(value) or "no value"
  error(("bad argument #%d to '%s' (%s expected, got %s)"):format(n, name, expected, got), 0)
end
local function check_number(n, name, value, given)
  local x = (type(value) == "number" or type(value) == "string") and tonumber(value) or nil
  if x == nil then arg_error(n, name, "number", value, given) end
  return x
end
-- LuaJIT 2.1's table.move (Lua 5.3's): copies backwards when the ranges overlap upwards in one table.
source["table.move"] = function(a1, f, e, t, a2)
  -- Written in Lua in LuaJIT too (lib_table.c), so a missing argument is "got nil".
  if type(a1) ~= "table" then arg_error(1, "move", "table", a1, true) end
  f = check_number(2, "move", f, true)
  e = check_number(3, "move", e, true)
  t = check_number(4, "move", t, true)
  if a2 == nil then a2 = a1 elseif type(a2) ~= "table" then arg_error(5, "move", "table", a2, true) end
  if e >= f then
    if t > e or t <= f or a1 ~= a2 then
      for i = 0, e - f do a2[t + i] = a1[f + i] end
    else
      for i = e - f, 0, -1 do a2[t + i] = a1[f + i] end
    end
  end
  return a2
end
-- C's (time_t) conversion on x64: toward zero; NaN and what does not fit read as -2^63.
local function time_t(x)
  if x ~= x or x >= 2^63 or x < -2^63 then return -2^63 end
  return x >= 0 and math.floor(x) or math.ceil(x)
end
-- os.difftime(t2 [, t1]): t1 defaults to 0 in LuaJIT, and both are time_t.
source["os.difftime"] = function(...)
  local n = select("#", ...)
  local a, b = ...
  a = check_number(1, "difftime", a, n >= 1)
  if b ~= nil then b = check_number(2, "difftime", b, true) else b = 0 end
  return time_t(a) - time_t(b)
end
-- os.time's argument checks and messages as LuaJIT's (day, month and year are required, in that order).
local os_time = os.time
source["os.time"] = function(...)
  local t = ...
  if t ~= nil then
    if type(t) ~= "table" then arg_error(1, "time", "table", t, true) end
    for _, field in ipairs({ "day", "month", "year" }) do
      if t[field] == nil then error(("field '%s' missing in date table"):format(field), 0) end
    end
  end
  return os_time(...)
end

-- LuaJIT's BitOp (eval/LuaBit.java).
provide("bit.", bit)
source["jit.arch"], source["jit.os"] = "x64", "Linux"
source["jit.version"], source["jit.version_num"] = "LuaJIT 2.1.1736781742", 20100

local META = { _NAME = "kong", _VERSION = "3.10.0.0-enterprise-edition", version = "3.10.0.0", core_version = "3.10.0",
               _VERSION_TABLE = { major = 3, minor = 10, patch = 0, ee_patch = 0 } }
-- kong/global.lua at f6b4167a: kong.version is meta.version, and kong.version_num is written with "%d%.2d%.2d" from
-- major * 100, minor * 10 and patch (30010000 for 3.10.0, as Kong computes it).
source["kong.version"] = META.version
source["kong.version_num"] = tonumber(string.format("%d%.2d%.2d", META._VERSION_TABLE.major * 100,
                                                     META._VERSION_TABLE.minor * 10, META._VERSION_TABLE.patch))
source["kong.default_workspace"] = "00000000-0000-0000-0000-000000000000"
source["ngx.null"] = NULL
source["ngx.config.subsystem"], source["ngx.config.debug"] = "http", false
source["ngx.config.nginx_version"], source["ngx.config.ngx_lua_version"] = 1027001, 10026
local NGX_NUMBERS = {
  OK = 0, ERROR = -1, AGAIN = -2, DONE = -4, DECLINED = -5,
  STDERR = 0, EMERG = 1, ALERT = 2, CRIT = 3, ERR = 4, WARN = 5, NOTICE = 6, INFO = 7, DEBUG = 8,
  HTTP_GET = 2, HTTP_HEAD = 4, HTTP_POST = 8, HTTP_PUT = 16, HTTP_DELETE = 32, HTTP_MKCOL = 64, HTTP_COPY = 128,
  HTTP_MOVE = 256, HTTP_OPTIONS = 512, HTTP_PROPFIND = 1024, HTTP_PROPPATCH = 2048, HTTP_LOCK = 4096,
  HTTP_UNLOCK = 8192, HTTP_PATCH = 16384, HTTP_TRACE = 32768,
  HTTP_CONTINUE = 100, HTTP_SWITCHING_PROTOCOLS = 101, HTTP_OK = 200, HTTP_CREATED = 201, HTTP_ACCEPTED = 202,
  HTTP_NO_CONTENT = 204, HTTP_PARTIAL_CONTENT = 206, HTTP_SPECIAL_RESPONSE = 300, HTTP_MOVED_PERMANENTLY = 301,
  HTTP_MOVED_TEMPORARILY = 302, HTTP_SEE_OTHER = 303, HTTP_NOT_MODIFIED = 304, HTTP_TEMPORARY_REDIRECT = 307,
  HTTP_PERMANENT_REDIRECT = 308, HTTP_BAD_REQUEST = 400, HTTP_UNAUTHORIZED = 401, HTTP_PAYMENT_REQUIRED = 402,
  HTTP_FORBIDDEN = 403, HTTP_NOT_FOUND = 404, HTTP_NOT_ALLOWED = 405, HTTP_NOT_ACCEPTABLE = 406,
  HTTP_REQUEST_TIMEOUT = 408, HTTP_CONFLICT = 409, HTTP_GONE = 410, HTTP_UPGRADE_REQUIRED = 426,
  HTTP_TOO_MANY_REQUESTS = 429, HTTP_CLOSE = 444, HTTP_ILLEGAL = 451, HTTP_INTERNAL_SERVER_ERROR = 500,
  HTTP_METHOD_NOT_IMPLEMENTED = 501, HTTP_NOT_IMPLEMENTED = 501, HTTP_BAD_GATEWAY = 502,
  HTTP_SERVICE_UNAVAILABLE = 503, HTTP_GATEWAY_TIMEOUT = 504, HTTP_VERSION_NOT_SUPPORTED = 505,
  HTTP_INSUFFICIENT_STORAGE = 507,
}
provide("ngx.", NGX_NUMBERS)

-- kong.db.schema.typedefs: Kong Enterprise 3.10's typedefs, every attribute, from kong-typedefs.json (dumped from
-- Kong/kong f6b4167a's typedefs.lua), each with the metatable of Kong's Schema.define: calling a typedef fills the
-- argument (the caller's own table) with the typedef's attributes it lacks and returns that same table.
local function define(def)
  return setmetatable(def, { __call = function(t, arg)
    arg = arg or {}
    for k, v in pairs(t) do
      if arg[k] == nil then
        arg[k] = v
      end
    end
    return arg
  end })
end
local function typedefs()
  local t = TYPEDEFS()
  for _, def in pairs(t) do
    define(def)
  end
  -- Kong's typedefs module raises this for a name it does not define (kong/db/schema/typedefs.lua, the
  -- setmetatable at its end), so `typedefs.run_on_first` (removed in 3.0) or a typo fails the schema's load.
  return setmetatable(t, { __index = function(_, k)
    error("schema typedef error: definition " .. tostring(k) .. " does not exist", 2)
  end })
end

local function kong_meta()
  local meta = {}
  for k, v in pairs(META) do meta[k] = v end
  meta._VERSION_TABLE = { major = 3, minor = 10, patch = 0, ee_patch = 0 }
  return setmetatable(meta, { __index = stub_function })
end

-- kong/tools/redis/schema.lua of Kong/kong f6b4167a, field for field (descriptions left out): schema.lua may require
-- it, and reading a key it lacks is nil, as in Kong.
local function redis_schema()
  local t = typedefs()
  return { config_schema = { type = "record", description = "Redis configuration", fields = {
    { host = t.host },
    { port = t.port({ default = 6379 }) },
    { timeout = t.timeout { default = 2000 } },
    { username = { type = "string", referenceable = true } },
    { password = { type = "string", encrypted = true, referenceable = true, len_min = 0 } },
    { database = { type = "integer", default = 0 } },
    { ssl = { type = "boolean", required = false, default = false } },
    { ssl_verify = { type = "boolean", required = false, default = false } },
    { server_name = t.sni { required = false } },
  } } }
end

-- Kong Enterprise's Redis v2 modules (kong/enterprise_edition/tools/redis/v2/init.lua and schema.lua at f6b4167a)
-- with their exact keys: reading a key they lack is nil, as in Kong, while their values are stand-ins. The schema
-- record is marked __stub so that the metaschema checks skip it rather than judge a guess.
local function redis_v2_schema()
  return setmetatable({ type = "record", fields = stub(), entity_checks = stub(), shorthand_fields = stub() },
                      { __stub = true })
end
local function redis_v2()
  return { config_schema = redis_v2_schema(), is_redis_cluster = stub_function, connection = stub_function }
end

local MODULES = {
  ["kong.db.schema.typedefs"] = typedefs,
  ["kong.tools.redis.schema"] = redis_schema,
  ["kong.enterprise_edition.tools.redis.v2"] = redis_v2,
  ["kong.enterprise_edition.tools.redis.v2.schema"] = redis_v2_schema,
  ["kong.meta"] = kong_meta,
  ["table.new"] = function() return source["table.new"] end,
  ["table.clear"] = function() return table_clear end,
  ["table.clone"] = function() return table_clone end,
  ["table.nkeys"] = function() return table_nkeys end,
  ["table.isempty"] = function() return table_isempty end,
  ["table.isarray"] = function() return table_isarray end,
  ["bit"] = function() local b = {} for k, v in pairs(bit) do b[k] = v end return b end,
}

local function make_require(requires)
  local loaded = {}
  return function(name)
    if type(name) ~= "string" or not requires[name] then
      error(("require '%s' not allowed within sandbox"):format(tostring(name)), 2)
    end
    local module = loaded[name]
    if module == nil then
      local make = MODULES[name]
      module = make and make() or stub()
      loaded[name] = module
    end
    if not MODULES[name] then
      touched = true
    end
    return module
  end
end

local function protect(t, name)
  local mt = getmetatable(t) or {}
  mt.__newindex = function(_, k)
    error(("Cannot modify %s.%s. Protected by the sandbox."):format(name, tostring(k)), 2)
  end
  return setmetatable(t, mt)
end

local function protect_all(t, name)
  for k, v in pairs(t) do
    if type(v) == "table" and getmetatable(v) ~= STUB_MT and v ~= NULL then
      protect_all(v, name and (name .. "." .. k) or k)
    end
  end
  if name ~= "ngx" then
    protect(t, name or "_G")
  end
end

-- The allowlisted names are already in `env` when build runs: eval/Sandbox.java puts each there (a nested table per
-- dot) with its value from `source`, or stub_function when the libraries have none; a loop in Lua over some 400
-- names was most of the cost of a sandbox.
local function build(env, kind, requires)
  local ngx, kong = rawget(env, "ngx"), rawget(env, "kong")
  if kong then
    for _, callable in ipairs({ kong.log, kong.log.inspect, kong.log.deprecation }) do
      setmetatable(callable, { __call = stub_function })
    end
  end
  protect_all(env, nil)
  if ngx then
    ngx.var, ngx.arg, ngx.header, ngx.ctx = stub(), stub(), stub(), {}
    ngx.headers_sent, ngx.is_subrequest, ngx.status = false, false, 0
  end
  if kong then
    rawset(kong, "configuration", stub())
    rawset(kong, "ctx", protect({ shared = {}, plugin = {} }, "kong.ctx"))
  end
  rawset(env, "_G", env)
  rawset(env, "require", make_require(requires))
  -- Whether the run was exact: it consulted no stand-in.
  return function() return not touched end
end

return build, source, stub_function
