-- How a parity case's outcome is written, in LuaJIT (by src/test/parity/generate.lua) and in the validator's sandbox
-- (by LuaJitParityTest): show(pcall(f)) is "error: <message>" or "<count>: <value> | <value>...", where a string is
-- quoted with its bytes outside printable ASCII as \ddd, a number is tostring's text, and a table lists its pairs
-- sorted (so that the order of pairs() does not matter).
local tostring, type, select, pairs, concat, sort = tostring, type, select, pairs, table.concat, table.sort

local function quote(s)
  return '"' .. s:gsub('[^ -~]', function(c) return ("\\%03d"):format(c:byte()) end):gsub('"', '\\"') .. '"'
end

local function scalar(v)
  local t = type(v)
  if t == "string" then return quote(v) end
  if t == "number" or t == "boolean" or t == "nil" then return tostring(v) end
  return t
end

local function render(v)
  if type(v) ~= "table" then return scalar(v) end
  local entries = {}
  for k, x in pairs(v) do
    entries[#entries + 1] = "[" .. scalar(k) .. "]=" .. scalar(x)
  end
  sort(entries)
  return "{" .. concat(entries, ",") .. "}"
end

return function(ok, ...)
  if not ok then
    local message = ...
    if type(message) == "string" then
      message = message:gsub("^[^:]*:%d+: ", "")
    end
    return "error: " .. scalar(message)
  end
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do
    parts[i] = render((select(i, ...)))
  end
  return n .. ": " .. concat(parts, " | ")
end
