package dev.konnectplugins.validation;

import java.util.List;
import java.util.Random;

/**
 * Makes fuzz inputs for the validator from one seed: real plugins mutated (characters, lines, hostile snippets
 * spliced in) and random Lua from a small grammar (statements, expressions, sandbox globals, schema-like tables).
 * Everything is a function of the {@link Random} given, so a case is reproduced from its seed.
 */
final class LuaFuzz {
    private static final String ALPHABET = " \n\t()[]{}=.,:;\"'\\-+*/%^#<>~0123456789abcxyzLLUi_é\u0000";
    private static final List<String> KEYWORDS = List.of("local", "function", "end", "return", "if", "then", "else",
            "elseif", "for", "in", "do", "while", "repeat", "until", "goto", "break", "nil", "true", "false", "and",
            "or", "not", "::l::", "[[", "]]", "--", "--[[", "...", "..", "=", "==", "~=");
    /** Things a hostile plugin does; each must give a verdict within the validator's limits. */
    private static final List<String> HOSTILE = List.of(
            "while true do end",
            "repeat until false",
            "local function f() return f() end f()",
            "local function f(n) return 1 + f(n + 1) end f(1)",
            "local t = {} for i = 1, 1e7 do t[i] = i end",
            "local s = 'x' for i = 1, 40 do s = s .. s end",
            "local r = { type = 'record' } r.fields = { { inner = r } } return { name = 'fuzz', fields = { { config = r } } }",
            "local t = setmetatable({}, { __index = function(t, k) return t[k] end }) local _ = t.x",
            "local ok = pcall(error, setmetatable({}, { __tostring = function() while true do end end }))",
            "error(setmetatable({}, { __tostring = function() return '\\n::error::x' end }))",
            "error('line one\\n::error file=x::y')",
            "ngx.timer.at(0, function() end)",
            "local at = ngx.timer.at at(0, print)",
            "require('resty.timer')",
            "os.exit(1)",
            "io.open('/etc/passwd')",
            "load('return 1')()",
            "string.dump(print)",
            "local co = coroutine.create(function() coroutine.yield(1) end) coroutine.resume(co)",
            "collectgarbage('collect')",
            "rawset(_G, 'x', 1)",
            "getmetatable('').__index.x = 1",
            "return " + "(".repeat(300) + "1" + ")".repeat(300),
            "return 1" + " + 1".repeat(500),
            "local x = " + "{".repeat(250) + "}".repeat(250),
            "local t = {} t[t] = t return t",
            // inside one library call: backtracking, output, memory and copying are all under the budget
            "string.find(('a'):rep(20), ('a*'):rep(20) .. 'b')",
            "local s = ('x'):rep(5000) s = s:gsub('.', s)",
            "for i = 1, 20 do local s = string.rep('x', '1000000000') end",
            "local t = {} for i = 1, 100 do t[i] = ('x'):rep(1e6) end local s = table.concat(t)",
            "local s = string.rep('ab', 1e6, (','):rep(1e3))",
            "local s = string.format('%099d%s', 1, ('x'):rep(1e8))",
            "for w in (('a '):rep(1e6)):gmatch('%a+') do end",
            "local t = {} for i = 1, 1e4 do t[i] = i end local _ = { unpack(t) }",
            // coroutines: a limit inside one is not an ordinary error, and suspended ones do not outlive the call
            "coroutine.wrap(function() while true do end end)()",
            "pcall(coroutine.wrap(function() local s = ('x'):rep(1e9) end))",
            "for i = 1, 100 do coroutine.resume(coroutine.create(function() coroutine.yield() end)) end",
            "local co = coroutine.wrap(function() for i = 1, 1e9 do coroutine.yield(i) end end) for i = 1, 1e7 do co() end");
    private static final List<String> GLOBALS = List.of("ngx", "kong", "string", "table", "math", "os", "io", "_G",
            "ngx.var", "ngx.ctx", "kong.log", "kong.request", "kong.response", "kong.service.request", "ngx.shared",
            "typedefs", "conf", "print", "tostring", "tonumber", "type", "pairs", "ipairs", "select", "next",
            "unpack", "setmetatable", "getmetatable", "rawget", "pcall", "error", "assert", "require");
    private static final List<String> CALLS = List.of("string.format('%d %s', 1, 'x')", "string.sub('abc', 2)",
            "string.rep('ab', 3)", "string.find('abc', 'b', 1, true)", "('x'):upper()", "table.insert({}, 1)",
            "table.concat({ 'a', 'b' }, ',')", "math.floor(1.5)", "math.max(1, 2)", "tostring(nil)", "type({})",
            "select('#', 1, 2)", "next({})", "pcall(error, 'x')", "require('cjson.safe')",
            "require('kong.db.schema.typedefs')", "kong.log.err('x')", "ngx.now()", "kong.request.get_header('x')");
    private static final List<String> FIELD_TYPES = List.of("string", "number", "integer", "boolean", "record",
            "array", "set", "map", "strng", "function", "json");
    private static final int MAX_DEPTH = 4;

    private final Random random;

    LuaFuzz(Random random) {
        this.random = random;
    }

    /** A plugin: a mutated real one, a real one with random Lua spliced in, or random Lua entirely. */
    String[] plugin(List<String[]> corpus) {
        String[] base = corpus.get(random.nextInt(corpus.size()));
        return switch (random.nextInt(5)) {
            case 0 -> new String[] {mutate(base[0]), base[1]};
            case 1 -> new String[] {base[0], mutate(base[1])};
            case 2 -> new String[] {splice(base[0]), base[1]};
            case 3 -> new String[] {base[0], random.nextBoolean() ? splice(base[1]) : schema()};
            default -> new String[] {handler(), schema()};
        };
    }

    /** 1 to 8 character or line edits, or a hostile or random snippet in place of a line. */
    String mutate(String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length());
            switch (random.nextInt(7)) {
                case 0 -> {
                    if (out.length() > 0) {
                        out.deleteCharAt(at);
                    }
                }
                case 1 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> out.insert(at, " " + pick(KEYWORDS) + " ");
                case 3 -> out.setLength(at);
                case 4 -> {
                    int end = Math.min(out.length(), at + random.nextInt(80));
                    out.insert(at, out.substring(at, end));
                }
                case 5 -> out.insert(at, "\n" + pick(HOSTILE) + "\n");
                default -> out.insert(at, "\n" + statement(0) + "\n");
            }
        }
        return out.toString();
    }

    /** The text with random statements or a hostile snippet inserted between its lines. */
    String splice(String text) {
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
        int inserts = 1 + random.nextInt(3);
        for (int i = 0; i < inserts; i++) {
            lines.add(random.nextInt(lines.size() + 1), random.nextInt(4) == 0 ? pick(HOSTILE) : statement(0));
        }
        return String.join("\n", lines);
    }

    /** A handler-like chunk: a table with PRIORITY and VERSION (mostly), random statements, a return. */
    String handler() {
        StringBuilder out = new StringBuilder("local H = { PRIORITY = ").append(expression(MAX_DEPTH - 1))
                .append(", VERSION = ").append(random.nextInt(4) == 0 ? expression(MAX_DEPTH - 1) : "\"1.0.0\"")
                .append(" }\n");
        int statements = random.nextInt(12);
        for (int i = 0; i < statements; i++) {
            out.append(statement(0)).append('\n');
        }
        out.append("function H:").append(pick(List.of("access", "log", "header_filter", "body_filter", "response",
                "init_worker", "rewrite"))).append("(conf)\n").append(statement(1)).append("\nend\n");
        return out.append(random.nextInt(6) == 0 ? "return " + expression(0) : "return H").append('\n').toString();
    }

    /** A schema-like chunk: random field definitions, sometimes cyclic, sometimes broken. */
    String schema() {
        StringBuilder out = new StringBuilder("local typedefs = require 'kong.db.schema.typedefs'\n");
        if (random.nextInt(4) == 0) {
            out.append("local shared = ").append(field(1)).append('\n');
            out.append(random.nextBoolean() ? "shared.fields = { { again = shared } }\n" : "");
        }
        out.append("return { name = ").append(random.nextInt(5) == 0 ? expression(MAX_DEPTH - 1) : "\"fuzz\"")
                .append(", fields = { { protocols = typedefs.protocols_http }, { config = { type = \"record\", "
                        + "fields = {");
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            out.append(" { f").append(i).append(" = ")
                    .append(out.indexOf("local shared") >= 0 && random.nextBoolean() ? "shared" : field(0))
                    .append(" },");
        }
        return out.append(" } } } } }\n").toString();
    }

    private String field(int depth) {
        String type = pick(FIELD_TYPES);
        StringBuilder out = new StringBuilder("{ type = \"").append(type).append('"');
        if (random.nextInt(3) == 0) {
            out.append(", default = ").append(expression(MAX_DEPTH - 1));
        }
        if (random.nextInt(4) == 0) {
            out.append(", ").append(pick(List.of("required = true", "one_of = { 'a', 'b' }", "between = { 1, 10 }",
                    "len_min = 1", "match = '^a'", "description = 'a field of the fuzz plugin'", "enum = { 1 }")));
        }
        if (depth < MAX_DEPTH && (type.equals("record") || type.equals("array") || type.equals("set")
                || type.equals("map"))) {
            out.append(switch (type) {
                case "record" -> ", fields = { { inner = " + field(depth + 1) + " } }";
                case "map" -> ", keys = { type = 'string' }, values = " + field(depth + 1);
                default -> ", elements = " + field(depth + 1);
            });
        }
        return out.append(" }").toString();
    }

    private String statement(int depth) {
        if (depth >= MAX_DEPTH) {
            return "local x = " + expression(depth);
        }
        return switch (random.nextInt(12)) {
            case 0 -> "local v" + random.nextInt(5) + " = " + expression(depth + 1);
            case 1 -> "v" + random.nextInt(5) + " = " + expression(depth + 1);
            case 2 -> "if " + expression(depth + 1) + " then " + statement(depth + 1) + " else "
                    + statement(depth + 1) + " end";
            case 3 -> "for i = 1, " + random.nextInt(2000) + " do " + statement(depth + 1) + " end";
            case 4 -> "for k, v in pairs(" + expression(depth + 1) + ") do " + statement(depth + 1) + " end";
            case 5 -> "local function g" + random.nextInt(3) + "(a, b) " + statement(depth + 1) + " return "
                    + expression(depth + 1) + " end";
            case 6 -> "local t = { " + expression(depth + 1) + ", k = " + expression(depth + 1) + " } t.x = "
                    + expression(depth + 1);
            case 7 -> "pcall(function() " + statement(depth + 1) + " end)";
            case 8 -> "do local ok, err = pcall(" + pick(GLOBALS) + ") end";
            case 9 -> pick(CALLS);
            case 10 -> "while " + expression(depth + 1) + " do break end";
            default -> pick(GLOBALS) + "." + pick(List.of("x", "timer", "shared", "log", "get", "err")) + " = "
                    + expression(depth + 1);
        };
    }

    private String expression(int depth) {
        if (depth >= MAX_DEPTH) {
            return atom();
        }
        return switch (random.nextInt(9)) {
            case 0, 1 -> atom();
            case 2 -> expression(depth + 1) + " " + pick(List.of("+", "-", "*", "/", "%", "^", "..", "==", "<",
                    "and", "or")) + " " + expression(depth + 1);
            case 3 -> pick(List.of("-", "not ", "#")) + expression(depth + 1);
            case 4 -> "{ " + expression(depth + 1) + ", [" + expression(depth + 1) + "] = " + expression(depth + 1)
                    + " }";
            case 5 -> pick(CALLS);
            case 6 -> pick(GLOBALS) + "(" + expression(depth + 1) + ")";
            case 7 -> "function(...) return " + expression(depth + 1) + " end";
            default -> "(" + expression(depth + 1) + ")";
        };
    }

    private String atom() {
        return switch (random.nextInt(8)) {
            case 0 -> Integer.toString(random.nextInt(2000) - 1000);
            case 1 -> "'" + pick(List.of("", "x", "1.0.0", "fuzz", "%s", "\\n::error::x", "\\0")) + "'";
            case 2 -> pick(List.of("nil", "true", "false", "...", "1e308", "0/0", "0x7fffffff", "1LL"));
            case 3 -> "v" + random.nextInt(5);
            default -> pick(GLOBALS);
        };
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
