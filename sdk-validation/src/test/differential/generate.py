#!/usr/bin/env python3
"""Generates plugin folders (handler.lua + schema.lua) for differential fuzzing of the validator against the Kong
oracle. See README.md next to this file.

usage: generate.py OUT_DIR SEED [SCALE]

Every folder is named <family>-<n> (the upload name: the validator and the oracle both take the folder's name), so
that compare.py can break the agreement down by family. SCALE (default 1.0) multiplies every family's count.

Families (what each varies, and why the verdict depends on it):
  lib      a library computation (bit, math, string, table, tostring/tonumber, select, os.date...) whose LuaJIT value
           feeds a checked field: the schema's name, PRIORITY, VERSION, or a default checked against one_of.
           The expected values are computed with the oracle's LuaJIT (luajit_values.lua) at generation time.
  config   schema features inside `config`: every field type, validator, entity checker, record-valued attribute,
           shorthand_fields, deprecation, json_schema, auto fields, foreign fields, with valid and invalid defaults.
  typedef  every typedef of kong-typedefs.json, bare or called with a valid or invalid default.
  real     Kong's bundled plugin schemas (f6b4167a, read from the Kong mirror) and Kong 3.6's rate-limiting, as they
           are and with one random edit.
  idiom    handlers written the way real plugins are (classes with metatables, kong.meta versions, module-level
           caches, requires, dead helpers, phase-only sandbox failures, init_worker, response + filters).
  lexical  lexical forms of LuaJIT's dialect in checked places (number literals, escapes, long strings, comments,
           goto, malformed tokens).
  limits   LuaJIT's limits: locals, upvalues, nesting, call depth, recursion at the top level, big strings.
"""
import glob, json, os, random, re, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
LUAJIT = os.environ.get("LUAJIT", "/tmp/kong-oracle/luajit/bin/luajit")
KONG_GIT = os.environ.get("KONG_GIT", "/work/.mirror/Kong+kong/repo")
KONG_COMMIT = "f6b4167a3bf2584c9db2cec183e5ade110ddbaaa"
RESOURCES = os.path.join(HERE, "..", "..", "main", "resources", "dev", "konnectplugins", "internal", "validation")
PARITY = os.path.join(HERE, "..", "resources", "dev", "konnectplugins", "internal", "validation", "sandbox",
                      "luajit-parity.tsv")

HANDLER = '''local plugin = {
  PRIORITY = %(priority)s,
  VERSION = %(version)s,
}

function plugin:access(conf)
  kong.service.request.set_header("x-greeting", conf.greeting or "hi")
end

function plugin:header_filter(conf)
  kong.response.set_header("x-plugin", "on")
end

return plugin
'''

SCHEMA = '''local typedefs = require "kong.db.schema.typedefs"

return {
  name = %(name)s,
  fields = {
    { protocols = typedefs.protocols_http },
    { config = {
        type = "record",
        fields = {
          %(fields)s
        },
      },
    },
  },
}
'''

GREETING = '{ greeting = { type = "string", default = "hi" } },'


def handler(priority="1000", version='"1.0.0"'):
    return HANDLER % {"priority": priority, "version": version}


def schema(name, fields=GREETING):
    return SCHEMA % {"name": name, "fields": fields}


class Out:
    def __init__(self, root):
        self.root = root
        self.counts = {}

    def add(self, family, make):
        """make(name) -> (handler_text, schema_text)"""
        n = self.counts.get(family, 0)
        self.counts[family] = n + 1
        name = "%s-%d" % (family, n)
        h, s = make(name)
        d = os.path.join(self.root, name)
        os.makedirs(d)
        with open(os.path.join(d, "handler.lua"), "w", encoding="utf-8", newline="") as f:
            f.write(h)
        with open(os.path.join(d, "schema.lua"), "w", encoding="utf-8", newline="") as f:
            f.write(s)


def q(name):
    return '"%s"' % name


# ---------------------------------------------------------------------------------------------------------------- lib
NUMS = ["0", "1", "-1", "0.5", "-0.5", "1.5", "2.5", "-2.5", "3", "7", "10", "31", "32", "33", "255", "1000",
        "65535", "2^31", "2^31-1", "-2^31", "2^32", "2^32-1", "2^53", "2^53+1", "2^63", "1e15", "1e16", "1e100",
        "0.1", "123.456", "-123.456", "0xdeadbeef", "0x7fffffff", "1e-7", "-0.75", "1/3", "100.0", "1e21"]
SMALL = ["0", "1", "2", "3", "4", "7", "8", "16", "31", "32", "-1", "-3", "0.5", "2.5", "-2.5", "100"]
STRS = ['"abc"', '"Hello World"', '""', '"a,b,,c"', '"  10  "', '"0x1F"', '"1e3"', '"\\0x"', '"caf\\195\\169"',
        '"\\200\\255"', '"key=val"', '"%d"', '"ABC"', '"a.b.c"', '"1.2.3"', '"z"', '"10"', '"-0"', '"inf"', '"nan"']
TEMPLATES = [
    "bit.band({n}, {n})", "bit.bor({n}, {n})", "bit.bxor({n}, {n})", "bit.bnot({n})", "bit.tobit({n})",
    "bit.lshift({n}, {s})", "bit.rshift({n}, {s})", "bit.arshift({n}, {s})", "bit.rol({n}, {s})",
    "bit.ror({n}, {s})", "bit.bswap({n})", "bit.tohex({n})", "bit.tohex({n}, {s})",
    "math.floor({n})", "math.ceil({n})", "math.abs({n})", "math.sqrt({n})", "math.log({n})", "math.log10({n})",
    "math.log({n}, {s})", "math.exp({s})", "math.fmod({n}, {s})", "math.modf({n})", "math.max({n}, {n})",
    "math.min({n}, {n}, {n})", "math.pow({s}, {s})", "math.frexp({n})", "math.ldexp({s}, {s})", "math.huge",
    "math.pi", "math.floor({n} / {s})", "{n} % {s}", "{n} ^ {s}", "-{n}", "{n} + {n}", "{n} * {s}",
    "tostring({n})", "tostring({n} / {s})", "tostring(-{n})", "tostring(math.floor({n}))", "tostring(0/0)",
    "tostring(-(0/0))", "tostring(math.huge)", "tostring(-math.huge)", "tostring(-0.0)", "tostring(1e300 * 1e10)",
    "tonumber({str})", "tonumber({str}, {base})", "tonumber(\"{num_text}\")", "tonumber(\"{num_text}\", {base})",
    "string.format(\"%d\", {n})", "string.format(\"%5.2f\", {n})", "string.format(\"%g\", {n})",
    "string.format(\"%x\", {n})", "string.format(\"%X\", {n})", "string.format(\"%.3s\", {str})",
    "string.format(\"%5s|%-5s|\", {str}, {str})", "string.format(\"%q\", {str})", "string.format(\"%e\", {n})",
    "string.format(\"%.14g\", {n})", "string.format(\"%i\", {n})", "string.format(\"%o\", {n})",
    "string.format(\"%c\", 65 + {s} % 26)", "string.format(\"%s\", {n})", "string.format(\"%.0f\", {n})",
    "string.format(\"%a\", {n})",
    "string.rep({str}, {s})", "string.rep({str}, {s}, \"-\")", "string.sub({str}, {s}, {s})", "string.byte({str}, {s})",
    "string.len({str})", "#{str}", "string.upper({str})", "string.lower({str})", "string.reverse({str})",
    "string.find({str}, {str}, 1, true)", "string.find({str}, \"%d+\")", "string.match({str}, \"(%w+)\")",
    "(string.gsub({str}, \"%s\", \"_\"))", "select(2, string.gsub({str}, \"a\", \"b\"))", "{str} < {str}",
    "{str} .. {n}", "{n} .. \"\"", "string.char(104, 105)", "(\"%d.%d.%d\"):format({s}, {s}, {s})",
    "select(\"#\", {n}, nil, {n})", "select(-1, {n}, {s})", "select(2, {n}, {s}, {n})",
    "#{{{n}, {n}, {n}}}", "#{{{n}, nil, {n}}}", "#{{nil, nil, {n}}}", "table.concat({{{n}, {s}}}, \",\")",
    "table.concat({{1, 2, 3, 4}}, \"-\", {s}, 3)", "table.maxn({{[{s}] = 1, [2.5] = 2}})",
    "(function() local t = {{1, 2, 3}} table.insert(t, 1, {s}) return t[1] + #t end)()",
    "(function() local t = {{1, 2, 3}} table.remove(t, 1) return #t * 10 + t[1] end)()",
    "(function() local t = {{5, 2, 8, 1}} table.sort(t) return t[1] * 1000 + t[4] end)()",
    "(function() local t = {{}} for i = 1, {s} do t[#t + 1] = i end return #t end)()",
    "(function() local n = 0 for _ in pairs({{a = 1, b = 2, {n}}}) do n = n + 1 end return n end)()",
    "(function(...) return select(\"#\", ...) end)({n}, nil, nil)",
    "os.date(\"!%Y-%m-%d\", {n})", "os.date(\"!%H:%M:%S\", 86399)", "os.difftime(10, {s})", "os.time({{year = 2020, "
    "month = 1, day = 1, hour = 12}}) - os.time({{year = 2020, month = 1, day = 1, hour = 0}})",
    "type({n})", "type(bit)", "type(table.new)", "type(string.buffer)", "math.floor(-0.0)",
    "({n} == {n}) and 1 or 2", "{n} < {n}", "{n} <= {n}", "not {n}", "#tostring({n})",
    "#string.format(\"%.17g\", {n})", "tostring({n}):len()", "tostring(2^53 + {s})", "math.floor(2^31 + 0.5)",
    "tostring(1e15 + 0.3)", "tostring(123456789012)", "tostring(0.1 + 0.2)", "tostring(1/3)",
]
NUM_TEXTS = ["10", "0x10", " 7 ", "1e2", "0x1p4", "1e", "0b101", "10LL", ".5", "5.", "inf", "nan", "0x", "1_000",
             "ff", "zz", "-0x10", "- 1", "1.5e+3", "\\t12\\n"]


def fill(template, rnd):
    out = template
    while True:
        m = re.search(r"\{(n|s|str|base|num_text)\}", out)
        if not m:
            break
        k = m.group(1)
        v = {"n": lambda: rnd.choice(NUMS), "s": lambda: rnd.choice(SMALL), "str": lambda: rnd.choice(STRS),
             "base": lambda: rnd.choice(["2", "8", "10", "16", "36", "37", "1", "16.5"]),
             "num_text": lambda: rnd.choice(NUM_TEXTS)}[k]()
        out = out[:m.start()] + v + out[m.end():]
    return out.replace("{{", "{").replace("}}", "}")


def luajit_values(exprs):
    res = subprocess.run([LUAJIT, os.path.join(HERE, "luajit_values.lua")], input="\n".join(exprs) + "\n",
                         capture_output=True, text=True, check=True)
    out = []
    for line in res.stdout.splitlines():
        if line == "err":
            out.append(None)
        else:
            _, typ, lit = line.split(" ", 2)
            out.append((typ, lit))
    assert len(out) == len(exprs), (len(out), len(exprs))
    return out


def wrong(typ, lit):
    if typ == "number":
        return "(" + lit + ") + 1"
    if typ == "string":
        return lit + ' .. "x"'
    return "not " + lit


def gen_lib(out, rnd, count):
    exprs = []
    parity = [l.split("\t")[0] for l in open(PARITY, encoding="utf-8").read().splitlines()[1:] if "\t" in l]
    while len(exprs) < count:
        if rnd.random() < 0.25:
            exprs.append(rnd.choice(parity))
        else:
            exprs.append(fill(rnd.choice(TEMPLATES), rnd))
    values = luajit_values(exprs)
    for expr, val in zip(exprs, values):
        sinks = ["priority", "version"]
        if val is not None and val[0] in ("number", "string", "boolean"):
            sinks += ["name", "name", "default", "priority-eq"]
        sink = rnd.choice(sinks)
        ok = rnd.random() < 0.75
        lit = None
        if val is not None:
            lit = val[1] if ok else wrong(*val)

        def make(name, expr=expr, sink=sink, lit=lit, val=val):
            if sink == "priority":
                return handler(priority=expr), schema(q(name))
            if sink == "version":
                return handler(version="tostring(%s)" % expr), schema(q(name))
            if sink == "priority-eq":
                return handler(priority="(%s) == %s and 1000 or 1000.5" % (expr, lit)), schema(q(name))
            if sink == "name":
                return handler(), schema('"%s" .. ((%s) == %s and "" or "-x")' % (name, expr, lit))
            typ = {"number": "number", "string": "string", "boolean": "boolean"}[val[0]]
            field = '{ v = { type = "%s", one_of = { %s }, default = %s } },' % (typ, lit, expr) if typ != "boolean" \
                else '{ v = { type = "boolean", eq = %s, default = %s } },' % (lit, expr)
            return handler(), schema(q(name), GREETING + "\n          " + field)
        out.add("lib", make)


# ------------------------------------------------------------------------------------------------------------- config
SCALARS = {
    "string": ['"x"', '""', '"abc"', '"{vault://env/x}"', '"/p"', "12", "true", "{}"],
    "integer": ["0", "3", "-1", "1.5", '"3"', "2^31", "1e100", "0/0"],
    "number": ["0", "0.5", "-1", "1e300", '"1"', "1/0", "0/0"],
    "boolean": ["true", "false", '"true"', "0"],
}
VALIDATORS = {
    "string": ['len_min = 2', 'len_max = 2', 'len_min = 0', 'one_of = { "x", "abc" }', 'not_one_of = { "x" }',
               'match = "^a"', 'not_match = "b"', 'match_all = { { pattern = "^a", err = "a" }, { pattern = "c$" } }',
               'match_none = { { pattern = "x", err = "no x" } }', 'match_any = { patterns = { "^a", "^x" } }',
               'match_any = { patterns = { "^a" }, err = "e" }', 'starts_with = "/"', 'uuid = true',
               'is_regex = true', 'eq = "x"', 'ne = "x"', 'referenceable = true', 'err = "custom"',
               'match = "("', 'match = "[a-"', 'one_of = "x"', 'len_min = 1.5', 'len_min = -1', 'one_of = {}',
               'encrypted = true', 'unique = true', 'auto = true', 'immutable = true', 'indexed = true',
               'description = "a field with a description"', 'description = "short"', 'examples = { "x" }',
               'deprecation = { message = "gone", removal_in_version = "4.0" }',
               'deprecation = { message = "gone" }', 'deprecation = { message = "m", removal_in_version = "4.0", '
               'old_default = "x" }', 'translate_backwards = { "a" }', 'legacy = true', 'nilable = true',
               'required = false', 'required = true', 'required = "yes"', 'custom_validator = function(v) '
               'return v == "x" or nil, "not x" end', 'custom_validator = "f"', 'json_schema = {}',
               'between = { 1, 2 }', 'gt = 1', 'timestamp = true', 'contains = "x"', 'len_eq = 3', 'len_eq = 1',
               'mutually_exclusive_subsets = { { "a" } }', 'default = nil', 'unique_across_ws = true',
               'on_delete = "cascade"', 'on_delete = "nope"', 'abstract = true', 'generate_admin_api = true'],
    "integer": ['between = { 1, 5 }', 'between = { 5, 1 }', 'between = { 1 }', 'between = { "1", 5 }', 'gt = 0',
                'one_of = { 1, 2, 3 }', 'not_one_of = { 0 }', 'eq = 3', 'ne = 0', 'timestamp = true',
                'between = { 0, 2^31 }', 'gt = 2.5', 'one_of = { 1.5 }', 'required = true', 'len_min = 1',
                'err = 1', 'auto = true', 'description = "an integer field here"'],
    "number": ['between = { 0, 1 }', 'gt = 0', 'one_of = { 0.5, 1 }', 'timestamp = true', 'eq = 0',
               'between = { -1/0, 1/0 }', 'required = true', 'between = { 0, "x" }'],
    "boolean": ['eq = true', 'ne = false', 'one_of = { true }', 'required = true', 'required = false',
                'default = nil'],
}
COMPOUND = [
    '{ a = { type = "array", elements = { type = "string" }, %(v)s } }',
    '{ a = { type = "set", elements = { type = "string" }, %(v)s } }',
    '{ a = { type = "array", elements = { type = "integer", between = { 1, 3 } }, %(v)s } }',
    '{ a = { type = "map", keys = { type = "string" }, values = { type = "integer" }, %(v)s } }',
    '{ a = { type = "map", keys = { type = "string", match = "^k" }, values = { type = "string" }, %(v)s } }',
    '{ a = { type = "array", %(v)s } }', '{ a = { type = "map", %(v)s } }',
]
COMPOUND_V = ['default = {}', 'default = { "a" }', 'default = { "a", "a" }', 'default = { 1, 2 }', 'default = { 4 }',
              'default = { k = 1 }', 'default = { k = "v" }', 'default = { x = "v" }', 'default = { k1 = 1, k2 = 2 }',
              'len_min = 1, default = {}', 'len_max = 1, default = { "a", "b" }', 'len_eq = 2, default = { "a" }',
              'contains = "b", default = { "a" }', 'contains = "a", default = { "a" }', 'uniqueness = true',
              'mutually_exclusive_subsets = { { "a" }, { "b" } }, default = { "a", "b" }',
              'mutually_exclusive_subsets = { { "a", "b" } }, default = { "a", "b" }', 'required = true',
              'elements = { type = "record", fields = { { b = { type = "integer", required = true } } } }, '
              'default = { {} }', 'default = ngx.null', 'description = "a list of things"']
RECORD_CHECKS = [
    '{ at_least_one_of = { "b", "c" } }', '{ only_one_of = { "b", "c" } }', '{ mutually_required = { "b", "c" } }',
    '{ mutually_exclusive = { "b", "c" } }', '{ distinct = { "b", "c" } }', '{ at_least_one_of = { "nope" } }',
    '{ conditional = { if_field = "b", if_match = { eq = "x" }, then_field = "c", then_match = { required = true } } }',
    '{ conditional = { if_field = "b", if_match = { eq = "x" }, then_field = "c", then_match = { one_of = { "z" } },'
    ' then_err = "bad %s" } }',
    '{ conditional = { if_field = "b", if_match = { frob = 1 }, then_field = "c", then_match = {} } }',
    '{ conditional = { if_field = "b", then_field = "c", then_match = { required = true } } }',
    '{ conditional_at_least_one_of = { if_field = "b", if_match = { eq = "x" }, then_at_least_one_of = { "c" } } }',
    '{ conditional_at_least_one_of = { if_field = "b", if_match = { eq = "x" }, then_at_least_one_of = { "c" },'
    ' else_match = { eq = "y" }, else_then_at_least_one_of = { "c" } } }',
    '{ mutually_exclusive_sets = { set1 = { "b" }, set2 = { "c" } } }',
    '{ mutually_exclusive_sets = { set1 = { "b" }, set3 = { "c" } } }',
    '{ custom_entity_check = { field_sources = { "b" }, fn = function(e) return true end } }',
    '{ custom_entity_check = { field_sources = { "b" }, fn = "f" } }',
    '{ custom_entity_check = { field_sources = { "b" } } }',
    '{ frobnicate = { "b" } }', '{ at_least_one_of = "b" }', '{ at_least_one_of = { "b" }, only_one_of = { "c" } }',
    '{ unknown_check = { "b" } }', '{}',
]
RECORD_DEFAULTS = ['', 'default = {},', 'default = { b = "x" },', 'default = { b = "x", c = "y" },',
                   'default = { b = "x", c = "x" },', 'default = { c = "z" },', 'default = { d = 1 },',
                   'default = "x",', 'required = true,', 'required = true, default = { b = "y" },']
SHORTHANDS = [
    '{ s = { type = "string", func = function(v) return { b = v } end } }',
    '{ s = { type = "record", func = function(v) return { b = v } end } }',
    '{ s = { type = "array", elements = { type = "string" }, func = function(v) return { b = v[1] } end } }',
    '{ s = { type = "string" } }',
    '{ s = { type = "string", func = "f" } }',
    '{ s = { type = "string", translate_backwards = { "b" }, func = function(v) return { b = v } end } }',
    '{ s = { type = "string", func = function(v) return { b = v } end, deprecation = { message = "m", '
    'removal_in_version = "4.0", replaced_with = { { path = { "b" } } } } } }',
    '{ s = { type = "string", func = function(v) return { b = v } end, deprecation = { message = "m" } } }',
    '{ s = { type = "string", func = function(v) return { b = v } end, default = "x" } }',
    '{ s = { type = "string", func = function(v) return { b = v } end, description = "a shorthand field" } }',
    '{ s = { type = "string", func = function(v) return { b = v } end }, t = { type = "string" } }',
]
JSON_SCHEMAS = ['json_schema = { inline = { type = "string" } }', 'json_schema = { namespace = "x", '
                'parent_subschema_key = "y" }', 'json_schema = {}', 'json_schema = { inline = {}, optional = true }',
                'json_schema = { inline = { type = "object" }, default = { type = "x" } }', 'json_schema = "x"',
                'json_schema = { frob = 1 }']
DEPRECATIONS = ['deprecation = { message = "gone", removal_in_version = "4.0" }',
                'deprecation = { message = "gone", removal_in_version = 4 }',
                'deprecation = { message = "gone", removal_in_version = "4.0", replaced_with = { { path = { "b" } } } }',
                'deprecation = { message = "gone", removal_in_version = "4.0", replaced_with = { { path = {} } } }',
                'deprecation = { message = "gone", removal_in_version = "4.0", replaced_with = { { path = { "b" },'
                ' reverse_mapping_function = function(d) return d end } } }',
                'deprecation = { message = "gone", removal_in_version = "4.0", extra = 1 }',
                'deprecation = { removal_in_version = "4.0" }', 'deprecation = "gone"',
                'deprecation = { message = "gone", removal_in_version = "4.0", old_default = 5 }']


def config_field(rnd):
    r = rnd.random()
    if r < 0.35:
        typ = rnd.choice(list(SCALARS))
        vs = rnd.sample(VALIDATORS[typ], rnd.choice([1, 1, 2]))
        if rnd.random() < 0.7 and not any(v.startswith("default") for v in vs):
            vs.append("default = " + rnd.choice(SCALARS[typ]))
        return '{ a = { type = "%s", %s } }' % (typ, ", ".join(vs))
    if r < 0.55:
        return rnd.choice(COMPOUND) % {"v": rnd.choice(COMPOUND_V)}
    if r < 0.75:
        checks = rnd.sample(RECORD_CHECKS, rnd.choice([1, 1, 2]))
        return ('{ a = { type = "record", %s fields = { { b = { type = "string" } }, { c = { type = "string" } } },'
                ' entity_checks = { %s } } }' % (rnd.choice(RECORD_DEFAULTS), ", ".join(checks)))
    if r < 0.85:
        return ('{ a = { type = "record", fields = { { b = { type = "string" } } }, shorthand_fields = { %s } } }'
                % rnd.choice(SHORTHANDS))
    if r < 0.92:
        return '{ a = { type = "json", %s } }' % rnd.choice(JSON_SCHEMAS)
    if r < 0.97:
        return '{ a = { type = "string", %s } }' % rnd.choice(DEPRECATIONS)
    return rnd.choice([
        '{ a = { type = "record", fields = { { b = { type = "string", auto = true } } }, default = {} } }',
        '{ a = { type = "record", fields = { { id = { type = "string", uuid = true, auto = true } } }, default = {} } }',
        '{ a = { type = "record", fields = { { t = { type = "integer", timestamp = true, auto = true } } },'
        ' default = {} } }',
        '{ a = { type = "foreign", reference = "consumers" } }', '{ a = { type = "foreign", reference = "nope" } }',
        '{ a = { type = "foreign" } }', '{ a = { type = "record", fields = { { b = { type = "string" } }, nil,'
        ' { c = { type = "string" } } } } }', '{ a = { type = "record" } }', '{ a = { type = "strng" } }',
        '{ a = { required = true } }', '{ a = { type = "string" }, b = { type = "string" } }', '{ }',
        '{ a = { type = "function" } }', '{ a = { type = "any" } }'])


TOPS = [('', '{ protocols = typedefs.protocols_http },'), ('', '{ protocols = typedefs.protocols },'),
        ('', '{ protocols = { type = "array", elements = { type = "string" } } },'),
        ('', '{ protocols = { type = "set", elements = { type = "integer" } } },'),
        ('', '{ consumer = typedefs.no_consumer },'), ('', '{ route = typedefs.no_route },'),
        ('', '{ service = typedefs.no_service },'),
        ('', '{ consumer = { type = "foreign", reference = "nope" } },'),
        ('', '{ consumer = { type = "foreign", reference = "consumer_groups" } },'),
        ('', '{ consumer = { type = "string" } },'), ('', '{ tags = typedefs.tags },'),
        ('', '{ tags = { type = "set", elements = { type = "integer" } } },'), ('', '{ header_name = { type = "string" } },'),
        ('', '{ ordering = typedefs.plugin_ordering },'), ('', '{ consumer_group = typedefs.no_consumer_group },'),
        ('entity_checks = { { at_least_one_of = { "config.a0" } } },', ''),
        ('entity_checks = { { frobnicate = { "config.a0" } } },', ''),
        ('entity_checks = { { conditional = { if_field = "config.a0", if_match = { eq = "x" }, then_field = '
         '"protocols", then_match = { required = true } } } },', ''),
        ('shorthand_fields = {},', ''), ('transformations = {},', ''), ('supported_partials = {},', ''),
        ('no_consumer = true,', ''), ('dao = "x",', '')]


def top_schema(name, fields, rnd, top_share=0.3):
    extra, field = rnd.choice(TOPS) if rnd.random() < top_share else ('', '')
    protocols = "" if "protocols" in field else "{ protocols = typedefs.protocols_http },\n    "
    return '''local typedefs = require "kong.db.schema.typedefs"

return {
  name = "%s",
  %s
  fields = {
    %s%s
    { config = { type = "record", fields = {
      %s
    } } },
  },
}
''' % (name, extra, protocols, field, ",\n      ".join(fields))


def gen_config(out, rnd, count):
    for _ in range(count):
        fs = [config_field(rnd) for _ in range(rnd.choice([1, 1, 2]))]
        fs = [re.sub(r"^\{ (a|s) = ", lambda m: "{ %s%d = " % (m.group(1), i), f, count=1) for i, f in enumerate(fs)]
        out.add("config", lambda name, fs=fs: (handler(), top_schema(name, fs, rnd)))


# ------------------------------------------------------------------------------------------------------------ typedef
TYPEDEF_VALUES = {
    "string": ['"x"', '""', '"example.com"', '"*.example.com"', '"example.com:8080"', '"10.0.0.1"', '"10.0.0.0/8"',
               '"::1"', '"fe80::1/64"', '"300.1.1.1"', '"10.0.0.1/33"', '"-bad-.com"', '"a_b.com"', '"exa mple"',
               '"X-Foo"', '"X Foo"', '"/p"', '"/p//q"', '"/p%20q"', '"/p%zz"', '"~/\\\\d+"', '"~/[a-"', '"p"',
               '"http://example.com/x"', '"https://user@host:8443/p?q=1"', '"example"', '"1.2.3"', '"1.2.3-beta"',
               '"v1"', '"caf\\195\\169"', '"\\200"', '"GET"', '"get"', '"http"', '"ftp"', '"first"', '"session"',
               '"bad cookie"', '"a,b"', '"foo.bar_baz~1"', '"6A4F1B2C-3D5E-4F60-8A7B-9C0D1E2F3A4B"',
               '"example.com."', '"localhost"', '"[::1]:80"', '"10.0.0.1:99999"', '"*.example.*"', '"ex*mple.com"',
               '"1.2.3.4:80"', '"return 1"', '"return ("', "12", '"{vault://env/x}"'],
    "integer": ["0", "80", "-1", "70000", "65535", "1.5", "2147483646", "2147483647", '"80"'],
    "number": ["0", "-1", "100000000", "100000001", "0.5", '"1"'],
    "set": ['{}', '{ "http" }', '{ "ftp" }', '{ "http", "http" }', '{ "GET" }', '{ "get" }', '{ "a,b" }',
            '{ { ip = "10.0.0.1" } }', '{ { port = 70000 } }', '{ {} }', '{ 1 }'],
    "array": ['{}', '{ "example.com" }', '{ "-bad-" }', '{ "/p" }', '{ "p" }', '{ "~/[a-" }', '{ 1 }'],
    "map": ['{}', '{ ["X-Foo"] = { "v" } }', '{ ["X Foo"] = { "v" } }', '{ k = "return 1" }', '{ k = "return (" }',
            '{ before = { access = { "x" } } }', '{ during = {} }', '{ k = 1 }'],
    "record": ['{}', '{ max_batch_size = 0 }', '{ max_batch_size = 10 }', '{ extract = { "w3c" } }',
               '{ extract = { "nope" } }', '{ default_format = "w3c" }', '{ x = 1 }', '{ max_coalescing_delay = -1 }'],
    "foreign": ['ngx.null', '{ id = "x" }', '{}'],
}


def gen_typedef(out, rnd, count):
    typedefs = json.load(open(os.path.join(RESOURCES, "kong-typedefs.json")))["typedefs"]
    names = sorted(typedefs)
    for i in range(count):
        td = names[i % len(names)] if i < 2 * len(names) else rnd.choice(names)
        typ = typedefs[td].get("type", "string")
        form = rnd.random()
        if form < 0.15:
            expr = "typedefs.%s" % td
        elif form < 0.25:
            expr = "typedefs.%s {}" % td
        else:
            expr = "typedefs.%s { default = %s }" % (td, rnd.choice(TYPEDEF_VALUES.get(typ, TYPEDEF_VALUES["string"])))
        if rnd.random() < 0.1:
            expr = expr.replace("{ default", "{ required = false, default")
        field = "{ t = %s }" % expr
        out.add("typedef", lambda name, field=field: (handler(), top_schema(name, [field], rnd, top_share=0.0)))


# --------------------------------------------------------------------------------------------------------------- real
REAL_ALLOWED = {"kong.db.schema.typedefs", "kong.tools.redis.schema", "kong.meta", "kong.constants"}
MUTATIONS = [
    (r'default = (\d+)', 'default = "x"'), (r'default = (\d+)', 'default = -1'), (r'default = (\d+)', 'default = 1.5'),
    (r'default = "([^"]*)"', 'default = ""'), (r'default = "([^"]*)"', 'default = 12'),
    (r'default = "([^"]*)"', 'default = "zzz"'), (r'default = true', 'default = "yes"'),
    (r'default = false', 'default = ngx.null'), (r'type = "string"', 'type = "strng"'),
    (r'type = "integer"', 'type = "number"'), (r'type = "number"', 'type = "integer"'),
    (r'type = "boolean"', 'type = "string"'), (r'required = true', 'required = "true"'),
    (r'required = true', 'required = false'), (r'one_of = \{', 'one_of = { {}, '), (r'one_of = \{ *"', 'one_of = { 1, "'),
    (r'between = \{ *(\d+)', 'between = { "a"'), (r'len_min = (\d+)', 'len_min = 1.5'),
    (r'description = "[^"]*"', 'description = "short"'), (r'description = "[^"]*"', 'description = 5'),
    (r'type = "record",', 'type = "record", nilable = true,'),
    (r'type = "string",', 'type = "string", translate_backwards = { "a" },'),
    (r'elements = \{ *type = "string"', 'elements = { type = "integer"'), (r'entity_checks = \{', 'entity_checks = { { frob = { "a" } },'),
    (r'fields = \{', 'fields = { nil,'), (r'default = \{', 'default = { 1, '), (r'default = \{', 'default = { x = 1, '),
    (r'referenceable = true', 'referenceable = true, default = "{vault://env/x}"'),
    (r'encrypted = true', 'encrypted = "yes"'), (r'typedefs\.(\w+)', 'typedefs.\\1 { default = "%%%" }'),
    (r'typedefs\.protocols_http', 'typedefs.protocols_http { default = { "ftp" } }'),
    (r'consumer = typedefs.no_consumer', 'consumer = { type = "foreign", reference = "nope" }'),
    (r'protocols = typedefs.protocols_http', 'protocols = { type = "set", elements = { type = "integer" } }'),
    (r'\{ *config *=', '{ extra_top = { type = "string" } }, { config ='), (r'type = "record"', 'type = "map"'),
    (r'at_least_one_of = \{', 'at_least_one_of = { "nope", '), (r'mutually_exclusive = \{', 'mutually_required = {'),
    (r'only_one_of', 'at_least_one_of'), (r'\bfields = \{', 'fields = { { added = { type = "string", default = 1 } },'),
    (r'between = \{ *(\d+) *, *(\d+) *\}', 'between = { \\2, \\1 }'), (r'gt = (\d+)', 'gt = "x"'),
    (r'match = "', 'match = "(' ), (r'len_max = (\d+)', 'len_max = 0'), (r'uuid = true', 'uuid = true, default = "x"'),
    (r'shorthand_fields = \{', 'shorthand_fields = { { sh = { type = "string" } },'),
    (r'deprecation = \{', 'deprecation = { frob = 1, '), (r'\bauto = true', 'auto = 1'),
]


def real_schemas():
    sources = []
    files = subprocess.run(["git", "--git-dir=" + KONG_GIT, "ls-tree", "-r", "--name-only", KONG_COMMIT, "--",
                            "kong/plugins"], capture_output=True, text=True, check=True).stdout.split()
    for path in sorted(f for f in files if f.endswith("/schema.lua") and f.count("/") == 3):
        s = subprocess.run(["git", "--git-dir=" + KONG_GIT, "show", "%s:%s" % (KONG_COMMIT, path)],
                           capture_output=True, text=True).stdout
        reqs = set(re.findall(r'require\s*\(?\s*["\']([^"\']+)["\']', s))
        if reqs <= REAL_ALLOWED and re.search(r'name = ', s):
            sources.append((path.split("/")[2], s))
    rl = subprocess.run(["git", "--git-dir=" + KONG_GIT, "show", "3.6.0:kong/plugins/rate-limiting/schema.lua"],
                        capture_output=True, text=True).stdout
    if rl:
        rl = rl.replace('local deprecation = require "kong.deprecation"', 'local deprecation = function() end')
        sources.append(("rate-limiting-3.6", rl))
    return sources


def rename(s, name):
    s2, n = re.subn(r'name = "[^"]*"', 'name = "%s"' % name, s, count=1)
    if n == 0:
        s2 = re.sub(r'name = [A-Za-z_][A-Za-z_0-9.]*', 'name = "%s"' % name, s, count=1)
    return s2


def gen_real(out, rnd, count):
    sources = real_schemas()
    variants = [s for _, s in sources]
    while len(variants) < count:
        _, s = rnd.choice(sources)
        pat, rep = rnd.choice(MUTATIONS)
        ms = list(re.finditer(pat, s))
        if not ms:
            continue
        m = rnd.choice(ms)
        variants.append(s[:m.start()] + re.sub(pat, rep, m.group(0), count=1) + s[m.end():])
    for v in variants[:count]:
        out.add("real", lambda name, v=v: (handler(), rename(v, name)))


# -------------------------------------------------------------------------------------------------------------- idiom
IDIOM_TOP = [
    '', 'local kong_meta = require "kong.meta"\n', 'local cjson = require "cjson.safe"\n',
    'local cjson = require "cjson"\n', 'local http = require "resty.http"\n', 'local lrucache = require "resty.lrucache"\n',
    'local BasePlugin = require "kong.plugins.base_plugin"\n', 'local utils = require "kong.tools.utils"\n',
    'local pl_stringx = require "pl.stringx"\n', 'local ok, redis = pcall(require, "resty.redis")\n',
    'local ffi = require "ffi"\n', 'local x = require "kong.plugins.%(name)s.access"\n',
    'local ngx_re = require "ngx.re"\n', 'local fmt = string.format\nlocal insert = table.insert\n',
    'local cache = setmetatable({}, { __mode = "k" })\n', 'local ngx_timer_at = ngx.timer.at\n',
    'local shm = ngx.shared.kong\n', 'local env = os.getenv("HOME")\n', 'local lfs = require "lfs"\n',
    'local tablex = require "pl.tablex"\n', 'local base64 = ngx.encode_base64\n', 'local json = require "kong.tools.cjson"\n',
    'local uuid = require "kong.tools.uuid"\n', 'local kong = kong\nlocal ngx = ngx\n',
    'local sha256 = require "resty.sha256"\n', 'local str = require "resty.string"\n',
    'local function helper(x)\n  return io.open(x)\nend\n', 'local function helper2()\n  return ngx.timer.at(0, function() end)\nend\n',
    'local function unused()\n  return os.execute("ls")\nend\n', 'local debug_info = debug.traceback\n',
    'local M = {}\nfunction M.unused() return require("socket") end\n', 'print("loading")\n',
    'local t0 = os.clock()\n', 'local now = ngx.now()\n', 'local log = kong.log\nlog.debug("loaded")\n',
    'kong.log.info("loading plugin")\n', 'local v = kong.version\n', 'local cfg = kong.configuration.prefix\n',
    'local dt = os.date("%%Y")\n', 'local rnd = math.random(10)\n', 'math.randomseed(42)\n',
    'local tx = require("pl.tablex")\n', 'local loadstr = loadstring("return 1")\n', 'local d = load("return 1")\n',
    'local g = _G.ngx\n', 'local gg = getfenv and getfenv(1)\n', 'local s = string.dump\n', 'rawset(_G, "x", 1)\n',
    'GLOBAL_X = 1\n', 'ngx.ctx.x = 1\n', 'kong.x = 1\n', 'string.x = 1\n', 'local unpack = unpack or table.unpack\n',
    'local co = coroutine.wrap(function() coroutine.yield(1) end)\nco()\n', 'local s = require("string.buffer").new()\n',
    'local nt = require "table.new"\n', 'local ok, err = pcall(error, "x")\n', 'error("top level failure")\n',
    'assert(false, "nope")\n', 'local x = nil + 1\n', 'local y = ngx.null.field\n',
]
IDIOM_CLASS = [
    ('local plugin = {\n  PRIORITY = %(p)s,\n  VERSION = %(v)s,\n}\n', 'plugin'),
    ('local plugin = {}\nplugin.PRIORITY = %(p)s\nplugin.VERSION = %(v)s\n', 'plugin'),
    ('local H = {}\nH.__index = H\nH.PRIORITY = %(p)s\nH.VERSION = %(v)s\n\nfunction H.new()\n  return setmetatable({}, H)\nend\n', 'H'),
    ('local H = {}\nH.__index = H\n\nfunction H.new()\n  return setmetatable({}, H)\nend\n\nlocal plugin = H.new()\nplugin.PRIORITY = %(p)s\nplugin.VERSION = %(v)s\n', 'plugin'),
    ('local plugin = setmetatable({ PRIORITY = %(p)s, VERSION = %(v)s }, { __index = function(t, k) return nil end })\n', 'plugin'),
    ('local plugin = BasePlugin and BasePlugin:extend() or {}\nplugin.PRIORITY = %(p)s\nplugin.VERSION = %(v)s\n', 'plugin'),
    ('local Plugin = {}\nPlugin.__index = Plugin\nlocal plugin = setmetatable({ PRIORITY = %(p)s, VERSION = %(v)s }, Plugin)\n', 'plugin'),
    ('local function new()\n  return { PRIORITY = %(p)s, VERSION = %(v)s }\nend\nlocal plugin = new()\n', 'plugin'),
]
IDIOM_PRIO = ["1000", "10", "-5", "0", "1000.5", '"1000"', "1e3", "2^31", "1000LL", "nil", "math.huge", "-0.0",
              "0x3E8", "900 + 100"]
IDIOM_VER = ['"1.0.0"', '"0.1"', '"1"', '"1.0.0-beta"', '"1.0.0.0"', '"v1.0.0"', '"1.0.0+build"', '"1.0.0-1"',
             "1.0", '""', "kong_meta and kong_meta.version", "kong_meta and kong_meta.core_version", "kong.version",
             '"3.10.0"', "nil", '"1.0."', '"1..0"', '" 1.0.0"', '"1.0.0 "', '"1.2.3.4"', '"1.x"', '"a.b.c"',
             'string.format("%d.%d.%d", 1, 2, 3)', "kong.version:match(\"^%d+%.%d+%.%d+\")", '"1.0.0-alpha.1"']
IDIOM_PHASES = [
    'function %(c)s:access(conf)\n  kong.service.request.set_header("x-a", "1")\nend\n',
    'function %(c)s:header_filter(conf)\n  kong.response.set_header("x-b", "1")\nend\n',
    'function %(c)s:body_filter(conf)\n  local chunk = ngx.arg[1]\nend\n',
    'function %(c)s:log(conf)\n  local ok, err = ngx.timer.at(0, function() end)\nend\n',
    'function %(c)s:log(conf)\n  kong.log.info(kong.log.serialize and "x")\nend\n',
    'function %(c)s:response(conf)\n  kong.response.set_header("x-c", "1")\nend\n',
    'function %(c)s:init_worker()\n  kong.log.info("init")\nend\n',
    '%(c)s.init_worker = nil\n',
    'function %(c)s:access(conf)\n  local dict = ngx.shared.cache\n  dict:set("k", 1)\nend\n',
    'function %(c)s:access(conf)\n  local f = io.open("/etc/passwd")\nend\n',
    'function %(c)s:access(conf)\n  local m = require "resty.redis"\nend\n',
    'function %(c)s:access(conf)\n  local m = require "kong.plugins.other.x"\nend\n',
    'function %(c)s:rewrite(conf)\n  ngx.var.upstream_uri = "/x"\nend\n',
    'function %(c)s:certificate(conf)\nend\n', 'function %(c)s:preread(conf)\nend\n',
    'function %(c)s:access(conf)\n  return kong.response.exit(403, { message = "no" })\nend\n',
    'function %(c)s:access(conf)\n  local body = kong.request.get_raw_body()\n  local t = cjson and cjson.decode(body)\nend\n',
    'function %(c)s:access(conf)\n  os.exit(1)\nend\n', 'function %(c)s:access(conf)\n  local t = os.time()\nend\n',
    'function %(c)s:access(conf)\n  kong.ctx.plugin.started = ngx.now()\nend\n',
    'function %(c)s:access(conf)\n  local x = string.format("%%s", conf.greeting)\nend\n',
    'function %(c)s:access(conf)\n  kong.cache:get("k", nil, function() return 1 end)\nend\n',
    'function %(c)s:access(conf)\n  ngx.sleep(0.1)\nend\n', 'function %(c)s:access(conf)\n  load("x=1")()\nend\n',
]
IDIOM_TAIL = ['return %(c)s\n', 'return %(c)s\n', 'return %(c)s, "x"\n', 'return\n', 'return 42\n',
              'return setmetatable({}, { __index = %(c)s })\n', 'return { PRIORITY = %(c)s.PRIORITY, VERSION = %(c)s.VERSION, access = %(c)s.access }\n']


def gen_idiom(out, rnd, count):
    for _ in range(count):
        def make(name):
            top = "".join(rnd.sample(IDIOM_TOP, rnd.choice([0, 1, 1, 2, 3])))
            if "BasePlugin" in IDIOM_CLASS[5][0] and "BasePlugin" not in top and rnd.random() < 0.5:
                pass
            body, c = rnd.choice(IDIOM_CLASS)
            p = rnd.choice(IDIOM_PRIO) if rnd.random() < 0.4 else "1000"
            v = rnd.choice(IDIOM_VER) if rnd.random() < 0.5 else '"1.0.0"'
            if "kong_meta" in v and "kong_meta" not in top:
                top += 'local kong_meta = require "kong.meta"\n'
            phases = "".join(rnd.sample(IDIOM_PHASES, rnd.choice([1, 2, 2, 3])))
            tail = rnd.choice(IDIOM_TAIL) if rnd.random() < 0.25 else "return %(c)s\n"
            text = (top % {"name": name}) + "\n" + body % {"p": p, "v": v} + "\n" + phases % {"c": c} + "\n" + \
                tail % {"c": c}
            return text, schema(q(name))
        out.add("idiom", make)


# ------------------------------------------------------------------------------------------------------------ lexical
LEX_PRIORITY = ["1000", "0x3E8", "0X3e8", "1e3", "1E3", "1000.0", "1000.", "1000LL", "1000ULL", "0x3E8LL", "3i",
                "0b1111101000", "0B11", "0x1p4", "0x.8p1", ".5e4", "1e+3", "1e-0", "0x", "1e", "0x1g", "1.2.3",
                "3..2", "1000i", "1000I", "1000ll", "1000uLL", "1__0", "0xFFFFFFFFFFFFFFFFULL", "18446744073709551616ULL",
                "0xFFFFFFFFFFFFFFFFFLL", "--[[x]] 1000", "1000 --[==[ x ]==]", "(1000)", "- -1000", "~1000", "1000 // 1",
                "1000 & 1", "1000 >> 1", "#'abcd'", "#[[abcd]]", "#[==[a]]b]==]"]
LEX_STRINGS = ['"%s"', "'%s'", "[[%s]]", "[==[%s]==]", "[[\n%s]]", '"%s\\z   "', '"\\z\n  %s"']
LEX_ESCAPES = ["\\x41", "\\u{48}", "\\u{20AC}", "\\065", "\\0", "\\256", "\\u{110000}", "\\u{D800}", "\\xZZ",
               "\\q", "\\'", '\\"', "\\a\\b\\f\\v", "\\\n", "\\u{7FFFFFFF}", "\\u{}", "\\999", "\\x4", "\\r\\n",
               "\\65\\66", "\\z"]
LEX_MISC = [
    'goto done\n::done::\n', ';;\n', 'local a = 1;;; local b = 2\n', 'do local goto = 1 end\n',
    '::top:: ::top::\n', 'goto nowhere\n', 'for i = 1, 2 do if i then goto continue end ::continue:: end\n',
    'local x = a.b:c"str"\n', 'local f = function(...) return ... end\nlocal y = f{1, 2}\n', 'local t = {1, 2, 3,}\n',
    'local t = {1; 2; 3}\n', 'local t = {,}\n', 'local s = [[\n]] .. [==[]==]\n', '--[[ block\ncomment ]]\n',
    '--[==[\nunterminated\n', '-- comment without newline at EOF', 'local x = 1 --[[ inline ]] + 2\n',
    'local ¡ = 1\n', 'local café = 1\n', 'local x = 1 != 2\n', 'local x = 1 ~= 2\n', 'local x = 2 ^ -1\n',
    'local x = - - 1\n', 'local x = not not nil\n', 'local x = "a" .. 1 .. 2\n', 'local x = 1 .. 2\n',
    'local x = 1..2\n', 'local x = 0x10..""\n', 'local x <const> = 1\n', 'local function f() return end f()\n',
    'local x = function() break end\n', 'while false do break; break end\n', 'repeat local z = 1 until z\n',
    'if true then elseif false then else end\n', 'local a, b, c = (function() return 1, 2, 3 end)()\n',
    'local x = ...\n', 'local function v() return ... end\n', 'return\n', 'local t = { [1] = 1, [1] = 2 }\n',
    'local t = { a = 1, a = 2 }\n', 'local x = "\\\r\n"\n', 'x = 1\n', '\n\n\t\v\f \n',
]


def gen_lexical(out, rnd, count):
    for i in range(count):
        kind = rnd.random()

        def make(name, kind=kind):
            if kind < 0.3:
                return handler(priority=rnd.choice(LEX_PRIORITY)), schema(q(name))
            if kind < 0.55:
                # the name spelled with escapes and string forms; half of the escapes are wrong
                esc = rnd.choice(LEX_ESCAPES)
                form = rnd.choice(LEX_STRINGS)
                pieces = '"%s" .. %s' % (name, form % esc)
                lit = '(%s):len() >= 0 and "%s" or ""' % (form % esc, name) if rnd.random() < 0.5 else \
                    '"%s" .. ((%s) == "" and "" or "")' % (name, form % esc)
                _ = pieces
                return handler(), schema("(function() return %s end)()" % lit)
            if kind < 0.75:
                misc = rnd.choice(LEX_MISC)
                h = handler()
                return misc + h, schema(q(name))
            if kind < 0.85:
                misc = rnd.choice(LEX_MISC)
                return handler(), misc + schema(q(name))
            prefix = rnd.choice(["\ufeff", "#!/usr/bin/env luajit\n", "\ufeff#!x\n", "#x", "\n#!x\n", " \ufeff"])
            return prefix + handler(), schema(q(name))
        out.add("lexical", make)


# ------------------------------------------------------------------------------------------------------------- limits
def gen_limits(out, rnd, count):
    kinds = ["locals", "locals_top", "upvalues", "parens", "blocks", "calls", "method_calls", "recursion", "strings",
             "constants", "concat", "params", "table_items", "returns", "unary", "nested_functions"]
    for i in range(count):
        kind = kinds[i % len(kinds)]

        def make(name, kind=kind):
            if kind == "locals":
                n = rnd.choice([150, 198, 199, 200, 201, 202, 250])
                body = "".join("  local v%d = %d\n" % (j, j) for j in range(n))
                return "local function big()\n%s  return v0\nend\nbig()\n" % body + handler(), schema(q(name))
            if kind == "locals_top":
                n = rnd.choice([185, 190, 195, 196, 197, 198, 199, 200])
                return "".join("local v%d = %d\n" % (j, j) for j in range(n)) + handler(), schema(q(name))
            if kind == "upvalues":
                n = rnd.choice([55, 59, 60, 61, 62, 100, 119, 120, 121, 122])
                decl = "".join("local u%d = %d\n" % (j, j) for j in range(n))
                use = " + ".join("u%d" % j for j in range(n))
                return "local function f()\n%s  return function() return %s end\nend\nf()\n" % (decl, use) + handler(), \
                    schema(q(name))
            if kind == "parens":
                n = rnd.choice([100, 180, 190, 195, 196, 197, 198, 199, 200, 220])
                return handler(priority="(" * n + "1000" + ")" * n), schema(q(name))
            if kind == "unary":
                n = rnd.choice([100, 190, 195, 196, 197, 198, 199, 200, 250])
                return handler(priority="-" * (2 * (n // 2)) + "1000"), schema(q(name))
            if kind == "blocks":
                n = rnd.choice([100, 150, 190, 195, 196, 197, 198, 199, 200])
                return "do " * n + "local z = 1 " + "end " * n + "\n" + handler(), schema(q(name))
            if kind == "calls":
                n = rnd.choice([60, 100, 115, 119, 120, 121, 122, 123, 125, 130])
                return "local function f(x) return x end\nlocal p = " + "f(" * n + "1000" + ")" * n + "\n" + \
                    handler(priority="p"), schema(q(name))
            if kind == "method_calls":
                n = rnd.choice([40, 70, 78, 79, 80, 81, 82, 83, 90])
                return ("local o = {}\nfunction o:m(x) return x end\nlocal p = " + "o:m(" * n + "1000" + ")" * n +
                        "\n" + handler(priority="p")), schema(q(name))
            if kind == "recursion":
                n = rnd.choice([100, 1000, 10000, 100000, 200000, 1000000])
                return ("local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end\n"
                        "local p = depth(%d) * 0 + 1000\n" % n + handler(priority="p")), schema(q(name))
            if kind == "strings":
                n = rnd.choice(["1e6", "1e7", "2^24", "2^30", "2^31", "-1", "0"])
                return ('local s = string.rep("x", %s)\nlocal p = #s * 0 + 1000\n' % n + handler(priority="p")), \
                    schema(q(name))
            if kind == "constants":
                n = rnd.choice([1000, 10000, 30000, 70000])
                items = ", ".join('"k%d"' % j for j in range(n))
                return "local t = { %s }\n" % items + handler(), schema(q(name))
            if kind == "concat":
                n = rnd.choice([100, 300, 399, 400, 401, 500])
                return handler(), schema('"%s"' % name + ' .. ""' * n)
            if kind == "params":
                n = rnd.choice([100, 198, 199, 200, 201, 255])
                ps = ", ".join("a%d" % j for j in range(n))
                return "local function f(%s) return a0 end\n" % ps + handler(), schema(q(name))
            if kind == "table_items":
                n = rnd.choice([1000, 50000, 100000])
                return ("local t = {}\nfor i = 1, %d do t[i] = i end\nlocal p = #t * 0 + 1000\n" % n +
                        handler(priority="p")), schema(q(name))
            if kind == "returns":
                n = rnd.choice([100, 250, 254, 255, 256, 1000, 8000, 100000])
                return ("local t = {}\nfor i = 1, %d do t[i] = i end\nlocal p = select('#', unpack(t)) * 0 + 1000\n" % n
                        + handler(priority="p")), schema(q(name))
            n = rnd.choice([50, 100, 150, 190, 197, 198, 199, 200])
            return ("local p = " + "(function() return " * n + "1000" + " end)()" * n + "\n" +
                    handler(priority="p")), schema(q(name))
        out.add("limits", make)


FAMILIES = [("lib", gen_lib, 280), ("config", gen_config, 240), ("typedef", gen_typedef, 170),
            ("real", gen_real, 260), ("idiom", gen_idiom, 210), ("lexical", gen_lexical, 130),
            ("limits", gen_limits, 96)]


def main():
    root, seed = sys.argv[1], int(sys.argv[2])
    scale = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    out = Out(root)
    for i, (fam, gen, n) in enumerate(FAMILIES):
        gen(out, random.Random(seed * 1000 + i), max(1, int(n * scale)))
    print(" ".join("%s=%d" % kv for kv in out.counts.items()), "total=%d" % sum(out.counts.values()))


if __name__ == "__main__":
    main()
