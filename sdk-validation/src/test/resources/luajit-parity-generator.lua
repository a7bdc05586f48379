-- Writes luajit-parity/schema.lua: run with LuaJIT 2.1 (the oracle's build), luajit luajit-parity-generator.lua > luajit-parity/schema.lua.
-- Each line of the output asserts that an expression evaluates in the validator to what LuaJIT computed.
local exprs = {
 [[string.find("hello world", "o w")]], [[string.find("hello world", "l+")]], [[string.find("hello", "l", 1, true)]],
 [[string.find("abc", "b", -1)]], [[string.find("abc", "", 10)]], [[string.find("abc", "", 4)]],
 [[string.match("key=value", "(%w+)=(%w+)")]], [[string.match("  trim  ", "^%s*(.-)%s*$")]],
 [[string.match("2024-01-02", "(%d+)-(%d+)-(%d+)")]], [[string.match("hello", "()ll()")]],
 [[string.match("[test]", "%[(.-)%]")]], [[string.match("f(a(b)c)d", "%b()")]], [[string.match("abc", "^(b)")]],
 [[string.match("aaa", "a-b")]], [[string.match("aaab", "a-b")]], [[string.match("x=1, y=2", "y=(%d)")]],
 [[string.gsub("hello world", "o", "0")]], [[string.gsub("hello", "", "-")]], [[string.gsub("abc", "%w", "%0%0")]],
 [[string.gsub("abc", "(b)", "[%1]")]], [[string.gsub("hello world", "%w+", {hello="HI"})]],
 [[string.gsub("a,b,,c", ",", ";", 2)]], [[string.gsub("abc", ".", function(c) return c:upper() end)]],
 [[string.gsub("THE (quick) fox", "%f[%a]%a+", "X")]], [[string.gsub("x^2", "%^", "**")]],
 [[select("#", string.gsub("", "x*", "y"))]], [[string.gsub("", "x*", "y")]],
 [[string.format("%5.2f %-8s| %08.3f %x %X %o %e %E %g %G", 3.14159, "ab", -3.5, 255, 255, 8, 1234.5, 0.00012, 1e-10, 1e300)]],
 [[string.format("%.3s|%10.4s|%-10s|", "abcdef", "abcdef", "xy")]], [[string.format("%c%c%c", 76, 117, 97)]],
 [[string.format("%q", "line1\nline2\t\0end\\")]], [[string.format("%5d|%-5d|%05d|% d|%+.3d", 42, 42, 42, 42, 7)]],
 [[string.format("%.0f %.1f %.2f %.10f", 2.5, 0.05, 1.005, 1/3)]], [[string.format("%g %g %g %g %g", 1e15, 1e16, 123456, 1234567, 0.1)]],
 [[string.format("%#x %#o %#.0f %#g", 255, 8, 3, 1.5)]], [[string.format("%i", -0.0)]], [[string.format("%.14g", 2^63)]],
 [[tostring(1/3)]], [[tostring(-1/3)]], [[tostring(1e300)]], [[tostring(123456789012)]], [[tostring(2^31)]], [[tostring(-2^63)]],
 [[tostring(5e-324)]], [[tostring(0.1 + 0.2)]], [[tostring(100 / 3)]], [[tostring(1e-5)]], [[tostring(12345678901234567890)]],
 [[tonumber("  10  ")]], [[tonumber("1e2")]], [[tonumber(".5e-1")]], [[tonumber("0X1F")]], [[tonumber("1_000")]], [[tonumber("ff", 16)]],
 [[tonumber("777", 8)]], [[tonumber("zz", 36)]], [[tonumber("9", 8)]], [[tonumber("")]], [[tonumber("0x1.8")]], [[tonumber("1.")]],
 [[("abc"):upper() .. ("ABC"):lower() .. ("abc"):reverse() .. ("abcdef"):sub(2, -2) .. ("abc"):sub(-10, 10) .. ("abc"):sub(3, 2)]],
 [[table.concat({1, 2, 3}, ", ", 2, 3)]], [[table.concat({}, "x")]], [[select("#", string.byte("abc", 1, -1))]], [[string.byte("abc", 10)]],
 [[string.rep("ab", 3)]], [[#string.rep("a", 0)]],
}
print("local function pack(...) return { n = select('#', ...), ... } end")
print("local function same(a, b) if a.n ~= b.n then return false end for i = 1, a.n do if a[i] ~= b[i] and not (a[i] ~= a[i] and b[i] ~= b[i]) then return false end end return true end")
print("local function show(t) local s = {} for i = 1, t.n do s[i] = tostring(t[i]) end return table.concat(s, ',') end")
for i, e in ipairs(exprs) do
  local r = { n = select("#", assert(loadstring("return " .. e))()), assert(loadstring("return " .. e))() }
  local lits = {}
  for j = 1, r.n do
    local v = r[j]
    if type(v) == "string" then lits[j] = string.format("%q", v)
    elseif type(v) == "number" then lits[j] = (v ~= v) and "0/0" or (v == math.huge and "math.huge" or (v == -math.huge and "-math.huge" or string.format("%.17g", v)))
    else lits[j] = tostring(v) end
  end
  print(("do local got, want = pack(%s), pack(%s) assert(same(got, want), %q .. ': got ' .. show(got) .. ' want ' .. show(want)) end"):format(e, table.concat(lits, ", "), "#" .. i))
end
print('return { name = "my-plugin", fields = { { config = { type = "record", fields = {} } } } }')
