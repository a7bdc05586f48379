-- Reads Lua expressions, one a line, on stdin; prints what LuaJIT computes for each, one line each:
-- "ok <type> <literal>" (a Lua literal that reads back as the same value: %.17g numbers, %q strings), or "err".
-- Used by generate.py (family "lib") with the oracle's LuaJIT, so that a generated plugin's checked field is
-- compared with the value Kong's LuaJIT computes.
for _, name in ipairs({ "isarray", "nkeys", "isempty", "clone", "clear", "new" }) do
  local ok, f = pcall(require, "table." .. name)
  if ok then table[name] = f end
end
local function lit(v)
  local t = type(v)
  if t == "number" then
    if v ~= v then return nil end
    if v == math.huge then return "math.huge" end
    if v == -math.huge then return "-math.huge" end
    if v == 0 and 1 / v < 0 then return "-0.0" end
    return string.format("%.17g", v)
  elseif t == "string" then
    return (string.format("%q", v):gsub("\\\n", "\\n"):gsub("\r", "\\r"):gsub("%z", "\\0"))
  elseif t == "boolean" then
    return tostring(v)
  end
end
for line in io.lines() do
  local f = loadstring("return " .. line)
  local ok, v = false, nil
  if f then ok, v = pcall(f) end
  local l = ok and lit(v)
  if l then print("ok " .. type(v) .. " " .. l) else print("err") end
end
