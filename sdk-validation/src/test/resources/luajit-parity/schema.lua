local function pack(...) return { n = select('#', ...), ... } end
local function same(a, b) if a.n ~= b.n then return false end for i = 1, a.n do if a[i] ~= b[i] and not (a[i] ~= a[i] and b[i] ~= b[i]) then return false end end return true end
local function show(t) local s = {} for i = 1, t.n do s[i] = tostring(t[i]) end return table.concat(s, ',') end
do local got, want = pack(string.find("hello world", "o w")), pack(5, 7) assert(same(got, want), "#1" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.find("hello world", "l+")), pack(3, 4) assert(same(got, want), "#2" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.find("hello", "l", 1, true)), pack(3, 3) assert(same(got, want), "#3" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.find("abc", "b", -1)), pack(nil) assert(same(got, want), "#4" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.find("abc", "", 10)), pack(nil) assert(same(got, want), "#5" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.find("abc", "", 4)), pack(4, 3) assert(same(got, want), "#6" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.match("key=value", "(%w+)=(%w+)")), pack("key", "value") assert(same(got, want), "#7" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.match("  trim  ", "^%s*(.-)%s*$")), pack("trim") assert(same(got, want), "#8" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.match("2024-01-02", "(%d+)-(%d+)-(%d+)")), pack("2024", "01", "02") assert(same(got, want), "#9" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.match("hello", "()ll()")), pack(3, 5) assert(same(got, want), "#10" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.match("[test]", "%[(.-)%]")), pack("test") assert(same(got, want), "#11" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.match("f(a(b)c)d", "%b()")), pack("(a(b)c)") assert(same(got, want), "#12" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.match("abc", "^(b)")), pack(nil) assert(same(got, want), "#13" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.match("aaa", "a-b")), pack(nil) assert(same(got, want), "#14" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.match("aaab", "a-b")), pack("aaab") assert(same(got, want), "#15" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.match("x=1, y=2", "y=(%d)")), pack("2") assert(same(got, want), "#16" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.gsub("hello world", "o", "0")), pack("hell0 w0rld", 2) assert(same(got, want), "#17" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.gsub("hello", "", "-")), pack("-h-e-l-l-o-", 6) assert(same(got, want), "#18" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.gsub("abc", "%w", "%0%0")), pack("aabbcc", 3) assert(same(got, want), "#19" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.gsub("abc", "(b)", "[%1]")), pack("a[b]c", 1) assert(same(got, want), "#20" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.gsub("hello world", "%w+", {hello="HI"})), pack("HI world", 2) assert(same(got, want), "#21" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.gsub("a,b,,c", ",", ";", 2)), pack("a;b;,c", 2) assert(same(got, want), "#22" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.gsub("abc", ".", function(c) return c:upper() end)), pack("ABC", 3) assert(same(got, want), "#23" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.gsub("THE (quick) fox", "%f[%a]%a+", "X")), pack("X (X) X", 3) assert(same(got, want), "#24" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.gsub("x^2", "%^", "**")), pack("x**2", 1) assert(same(got, want), "#25" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(select("#", string.gsub("", "x*", "y"))), pack(2) assert(same(got, want), "#26" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.gsub("", "x*", "y")), pack("y", 1) assert(same(got, want), "#27" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.format("%5.2f %-8s| %08.3f %x %X %o %e %E %g %G", 3.14159, "ab", -3.5, 255, 255, 8, 1234.5, 0.00012, 1e-10, 1e300)), pack(" 3.14 ab      | -003.500 ff FF 10 1.234500e+03 1.200000E-04 1e-10 1E+300") assert(same(got, want), "#28" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.format("%.3s|%10.4s|%-10s|", "abcdef", "abcdef", "xy")), pack("abc|      abcd|xy        |") assert(same(got, want), "#29" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.format("%c%c%c", 76, 117, 97)), pack("Lua") assert(same(got, want), "#30" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.format("%q", "line1\nline2\t\0end\\")), pack("\"line1\\\
line2\\9\\0end\\\\\"") assert(same(got, want), "#31" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.format("%5d|%-5d|%05d|% d|%+.3d", 42, 42, 42, 42, 7)), pack("   42|42   |00042| 42|+007") assert(same(got, want), "#32" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.format("%.0f %.1f %.2f %.10f", 2.5, 0.05, 1.005, 1/3)), pack("3 0.1 1.00 0.3333333333") assert(same(got, want), "#33" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.format("%g %g %g %g %g", 1e15, 1e16, 123456, 1234567, 0.1)), pack("1e+15 1e+16 123456 1.23457e+06 0.1") assert(same(got, want), "#34" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.format("%#x %#o %#.0f %#g", 255, 8, 3, 1.5)), pack("0xff 010 3. 1.50000") assert(same(got, want), "#35" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.format("%i", -0.0)), pack("0") assert(same(got, want), "#36" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.format("%.14g", 2^63)), pack("9.2233720368548e+18") assert(same(got, want), "#37" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tostring(1/3)), pack("0.33333333333333") assert(same(got, want), "#38" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tostring(-1/3)), pack("-0.33333333333333") assert(same(got, want), "#39" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tostring(1e300)), pack("1e+300") assert(same(got, want), "#40" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tostring(123456789012)), pack("123456789012") assert(same(got, want), "#41" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tostring(2^31)), pack("2147483648") assert(same(got, want), "#42" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tostring(-2^63)), pack("-9.2233720368548e+18") assert(same(got, want), "#43" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tostring(5e-324)), pack("4.9406564584125e-324") assert(same(got, want), "#44" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tostring(0.1 + 0.2)), pack("0.3") assert(same(got, want), "#45" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tostring(100 / 3)), pack("33.333333333333") assert(same(got, want), "#46" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tostring(1e-5)), pack("1e-05") assert(same(got, want), "#47" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tostring(12345678901234567890)), pack("1.2345678901235e+19") assert(same(got, want), "#48" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tonumber("  10  ")), pack(10) assert(same(got, want), "#49" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tonumber("1e2")), pack(100) assert(same(got, want), "#50" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tonumber(".5e-1")), pack(0.050000000000000003) assert(same(got, want), "#51" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tonumber("0X1F")), pack(31) assert(same(got, want), "#52" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tonumber("1_000")), pack(nil) assert(same(got, want), "#53" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tonumber("ff", 16)), pack(255) assert(same(got, want), "#54" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tonumber("777", 8)), pack(511) assert(same(got, want), "#55" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tonumber("zz", 36)), pack(1295) assert(same(got, want), "#56" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tonumber("9", 8)), pack(nil) assert(same(got, want), "#57" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tonumber("")), pack(nil) assert(same(got, want), "#58" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tonumber("0x1.8")), pack(1.5) assert(same(got, want), "#59" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(tonumber("1.")), pack(1) assert(same(got, want), "#60" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(("abc"):upper() .. ("ABC"):lower() .. ("abc"):reverse() .. ("abcdef"):sub(2, -2) .. ("abc"):sub(-10, 10) .. ("abc"):sub(3, 2)), pack("ABCabccbabcdeabc") assert(same(got, want), "#61" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(table.concat({1, 2, 3}, ", ", 2, 3)), pack("2, 3") assert(same(got, want), "#62" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(table.concat({}, "x")), pack("") assert(same(got, want), "#63" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(select("#", string.byte("abc", 1, -1))), pack(3) assert(same(got, want), "#64" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.byte("abc", 10)), pack() assert(same(got, want), "#65" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(string.rep("ab", 3)), pack("ababab") assert(same(got, want), "#66" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
do local got, want = pack(#string.rep("a", 0)), pack(0) assert(same(got, want), "#67" .. ': got ' .. show(got) .. ' want ' .. show(want)) end
return { name = "my-plugin", fields = { { config = { type = "record", fields = {} } } } }
