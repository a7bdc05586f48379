package dev.konnectplugins.internal.validation.analysis;

import dev.konnectplugins.internal.validation.Findings;
import dev.konnectplugins.internal.validation.lua.PreparedSource;
import dev.konnectplugins.internal.validation.lua.SourceRange;
import dev.konnectplugins.internal.validation.analysis.SandboxSpec.Kind;
import dev.konnectplugins.internal.validation.analysis.Scope.FunctionContext;
import dev.konnectplugins.internal.validation.analysis.Scope.PendingGoto;
import dev.konnectplugins.internal.validation.analysis.Scope.Symbol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.ast.Block;
import org.luaj.vm2.ast.Chunk;
import org.luaj.vm2.ast.Exp;
import org.luaj.vm2.ast.FuncBody;
import org.luaj.vm2.ast.FuncName;
import org.luaj.vm2.ast.Name;
import org.luaj.vm2.ast.Stat;
import org.luaj.vm2.ast.SyntaxElement;
import org.luaj.vm2.ast.TableConstructor;
import org.luaj.vm2.ast.TableField;

/**
 * The resolver: walks one file's AST with lexical scopes, following local aliases of globals and fields ({@code local
 * t = ngx.timer}, {@code ngx["timer"]["at"]}, {@code local ngx = ngx}), local tables and functions (so a wrapper
 * around a timer is a timer), and whether code can run at all in the sandbox ({@code if ngx.timer then}) or runs
 * under a pcall. It hands what it resolves to the rule passes, each of which owns its rule id, severity and
 * messages: {@link CompileLimits} ({@code lua.syntax}), {@link SandboxAccess} ({@code sandbox.global}),
 * {@link Timers} ({@code sandbox.timer}) and {@link Requires} ({@code sandbox.require}); and it returns the facts
 * the handler and schema rules need ({@link ChunkFacts}).
 */
public final class ChunkAnalyzer {
    private final SandboxSpec spec;
    private final Kind kind;
    private final PreparedSource prepared;
    private final CompileLimits limits;
    private final SandboxReports reports;
    private final SandboxAccess access;
    private final Timers timers;
    private final Requires requires;
    private Scope scope;
    private FunctionContext function;
    private int fallbackLine = 1;
    private int fallbackColumn = 1;
    private TableShape returned;
    private boolean returns;
    private int returnLine;
    private int returnColumn;
    private Value extraReturn;
    private final Set<Integer> raiseLines = new HashSet<>();
    private final List<SourceRange> overriddenConstants = new ArrayList<>();
    /** The bodies of the functions no path can call. */
    private java.util.Set<FuncBody> uncalled = java.util.Set.of();
    /** How many calls the walk is inside (their slots are counted once, at the outermost call). */
    private int nestedCalls;

    public ChunkAnalyzer(SandboxSpec spec, Kind kind, PreparedSource prepared, Findings out) {
        this.spec = spec;
        this.kind = kind;
        this.prepared = prepared;
        this.limits = new CompileLimits(out, kind.file());
        this.reports = new SandboxReports(out, kind.file());
        this.access = new SandboxAccess(spec, kind, reports, out);
        this.timers = new Timers(reports);
        this.requires = new Requires(spec, kind, reports);
    }

    /** Walks the chunk, reporting into the findings, and returns what it learned of the module's value. */
    public ChunkFacts analyze(Chunk chunk) {
        uncalled = UncalledFunctions.of(chunk);
        function = new FunctionContext(null, true, new FunctionInfo("main chunk", 1), 1);
        scope = new Scope(null, function);
        statements(chunk.block, true);
        scope.close();
        limits.functionEnded(function);
        access.finish();
        return new ChunkFacts(returned, returns, returnLine, returnColumn, extraReturn, raiseLines,
                overriddenConstants);
    }

    // ---- statements ----------------------------------------------------------------------------------------

    private void block(Block block) {
        Scope outer = scope;
        scope = new Scope(outer, function);
        statements(block, false);
        scope.close();
        scope = outer;
    }

    private void statements(Block block, boolean mainBlock) {
        if (block == null || block.stats == null) {
            return;
        }
        for (Object stat : block.stats) {
            if (stat != null) {
                statement((Stat) stat, mainBlock);
            }
        }
    }

    private void statement(Stat stat, boolean mainBlock) {
        if (stat.beginLine > 0) {
            fallbackLine = stat.beginLine;
            fallbackColumn = column(stat);
        }
        if (stat instanceof Stat.LocalAssign s) {
            localAssign(s);
        } else if (stat instanceof Stat.Assign s) {
            assign(s);
        } else if (stat instanceof Stat.FuncCallStat s) {
            exp(s.funccall);
        } else if (stat instanceof Stat.LocalFuncDef s) {
            localFunction(s);
        } else if (stat instanceof Stat.FuncDef s) {
            functionDefinition(s);
        } else if (stat instanceof Stat.Return s) {
            returnStatement(s, mainBlock && function.parent == null);
        } else if (stat instanceof Block s) {
            block(s);
        } else {
            controlStatement(stat);
        }
    }

    private void controlStatement(Stat stat) {
        if (stat instanceof Stat.IfThenElse s) {
            boolean dead = isAbsent(test(s.ifexp));
            deadIf(dead, () -> block(s.ifblock));
            if (s.elseifexps != null) {
                for (int i = 0; i < s.elseifexps.size(); i++) {
                    Block body = (Block) s.elseifblocks.get(i);
                    deadIf(isAbsent(test((Exp) s.elseifexps.get(i))), () -> block(body));
                }
            }
            if (s.elseblock != null) {
                block(s.elseblock);
            }
        } else if (stat instanceof Stat.WhileDo s) {
            boolean dead = isAbsent(test(s.exp));
            deadIf(dead, () -> loop(() -> block(s.block)));
        } else if (stat instanceof Stat.RepeatUntil s) {
            // The condition sees the body's locals.
            loop(() -> {
                Scope outer = scope;
                scope = new Scope(outer, function);
                statements(s.block, false);
                test(s.exp);
                scope.close();
                scope = outer;
            });
        } else if (stat instanceof Stat.NumericFor s) {
            exp(s.initial);
            exp(s.limit);
            if (s.step != null) {
                exp(s.step);
            }
            loopWithLocals(List.of(s.name), s.block);
        } else if (stat instanceof Stat.GenericFor s) {
            expressions(s.exps);
            loopWithLocals(names(s.names), s.block);
        } else if (stat instanceof Stat.Break) {
            if (function.loopDepth == 0) {
                limits.breakOutsideLoop(line(stat), column(stat));
            }
        } else if (stat instanceof Stat.Goto s) {
            function.gotos.add(new PendingGoto(s.name, scope, line(stat), column(stat)));
        } else if (stat instanceof Stat.Label s) {
            scope.labels.add(s.name);
        }
    }

    private void loop(Runnable body) {
        function.loopDepth++;
        try {
            body.run();
        } finally {
            function.loopDepth--;
        }
    }

    private void loopWithLocals(List<Name> names, Block body) {
        loop(() -> {
            Scope outer = scope;
            scope = new Scope(outer, function);
            for (Name name : names) {
                declare(name.name, Value.UNKNOWN);
            }
            statements(body, false);
            scope.close();
            scope = outer;
        });
    }

    private void localAssign(Stat.LocalAssign s) {
        List<?> exps = s.values == null ? List.of() : s.values;
        List<Value> values = new ArrayList<>();
        List<Runnable> deferred = new ArrayList<>();
        for (Object o : exps) {
            Exp e = (Exp) o;
            Runnable[] pending = new Runnable[1];
            Exp unwrapped = unparenthesized(e);
            values.add(unwrapped instanceof Exp.VarExp ? aliasValue(unwrapped, pending) : exp(e));
            deferred.add(pending[0]);
        }
        List<Name> names = names(s.names);
        for (int i = 0; i < names.size(); i++) {
            Value value = i < values.size() ? values.get(i) : Value.UNKNOWN;
            Symbol symbol = declare(names.get(i).name, value);
            if (i < deferred.size()) {
                symbol.pending = deferred.get(i);
            }
        }
    }

    /**
     * {@code local f = os.getenv}: the value of a name/field chain stored in a local. Reading a field the sandbox
     * lacks only gives nil, so when nothing nil is indexed on the way the finding waits until the local is used
     * (an unused {@code local setmetatable = setmetatable} is harmless).
     */
    private Value aliasValue(Exp e, Runnable[] pending) {
        Value value = chain(e);
        if (value instanceof Value.Global g && !g.path().isEmpty()
                && spec.lookup(kind, g.path()) instanceof SandboxSpec.Missing missing
                && missing.length() == g.path().size()) {
            int line = line(e);
            int column = column(e);
            pending[0] = () -> reportReadAt(value, line, column);
            return value;
        }
        reportRead(value, e);
        return value;
    }

    private void assign(Stat.Assign s) {
        List<Value> values = expressions(s.exps);
        List<?> vars = s.vars == null ? List.of() : s.vars;
        for (int i = 0; i < vars.size(); i++) {
            Value value = i < values.size() ? values.get(i) : Value.UNKNOWN;
            assignTo((Exp) vars.get(i), value);
        }
    }

    private void assignTo(Exp target, Value value) {
        if (target instanceof Exp.NameExp n) {
            Symbol symbol = resolveLocal(n.name.name);
            if (symbol != null) {
                symbol.value = value;
                symbol.pending = null;
            } else if (!n.name.name.equals("_ENV")) {
                access.globalAssigned(n.name.name, false, line(n), column(n));
            }
        } else if (target instanceof Exp.FieldExp f) {
            writeField(f.lhs, f.name.name, value, target);
        } else if (target instanceof Exp.IndexExp ix) {
            Value key = exp(ix.exp);
            if (key instanceof Value.Str s) {
                writeField(ix.lhs, s.value(), value, target);
            } else {
                Value object = exp(ix.lhs);
                if (object instanceof Value.Table table) {
                    table.shape().markDynamicKeys();
                }
            }
        }
    }

    /** {@code object.name = value}: records fields of local tables, refuses writes to protected sandbox tables. */
    private void writeField(Exp objectExp, String name, Value value, SyntaxElement at) {
        Value object = exp(objectExp);
        TableShape shape = null;
        if (object instanceof Value.Table table) {
            shape = table.shape();
        } else if (objectExp instanceof Exp.NameExp n && object instanceof Value.Unknown) {
            Symbol symbol = resolveLocal(n.name.name);
            shape = symbol == null ? null : symbol.shapeForWrites();
        } else if (object instanceof Value.Global g && access.isProtected(g.path())) {
            access.fieldAssigned(g.path(), name, line(at), column(at));
        }
        if (shape != null) {
            shape.put(name, value, line(at), column(at));
        }
    }

    private void localFunction(Stat.LocalFuncDef s) {
        FunctionInfo info = new FunctionInfo(s.name.name, line(s));
        // Declared before the body so that the function can call itself.
        declare(s.name.name, new Value.Function(info));
        functionBody(s.body, info, false, line(s));
    }

    private void functionDefinition(Stat.FuncDef s) {
        FuncName name = s.name;
        List<?> dots = name.dots == null ? List.of() : name.dots;
        String display = name.name.name + (dots.isEmpty() ? "" : "." + String.join(".", castStrings(dots)))
                + (name.method == null ? "" : ":" + name.method);
        FunctionInfo info = new FunctionInfo(display, line(s));
        Value function = new Value.Function(info);
        if (dots.isEmpty() && name.method == null) {
            Symbol symbol = resolveLocal(name.name.name);
            if (symbol != null) {
                symbol.value = function;
            } else {
                access.globalAssigned(name.name.name, true, line(s), column(s));
            }
        } else {
            defineMember(s, name, castStrings(dots), function);
        }
        functionBody(s.body, info, name.method != null, line(s));
    }

    /** {@code function a.b.c:m()}: a field assignment on the table {@code a.b.c}. */
    private void defineMember(Stat.FuncDef s, FuncName name, List<String> dots, Value function) {
        Exp.PrimaryExp object = new Exp.NameExp(name.name.name);
        copyPosition(s, object);
        int fields = name.method == null ? dots.size() - 1 : dots.size();
        for (int i = 0; i < fields; i++) {
            object = new Exp.FieldExp(object, dots.get(i));
            copyPosition(s, object);
        }
        String key = name.method != null ? name.method : dots.get(dots.size() - 1);
        writeField(object, key, function, s);
    }

    private void returnStatement(Stat.Return s, boolean moduleReturn) {
        List<Value> values = expressions(s.values);
        if (!moduleReturn) {
            return;
        }
        returns = !values.isEmpty();
        returnLine = line(s);
        returnColumn = column(s);
        if (values.size() > 1 && (values.get(1) instanceof Value.Str || values.get(1) instanceof Value.Num
                || values.get(1) instanceof Value.Table)) {
            extraReturn = values.get(1);
        }
        if (!values.isEmpty() && values.get(0) instanceof Value.Table table) {
            returned = table.shape();
        } else if (!values.isEmpty()) {
            returned = passedThrough((Exp) s.values.get(0));
        }
    }

    /**
     * {@code return tablex.deepcopy(Handler)}: a library call on a local table, whose result the validator cannot
     * evaluate (the library is a stand-in); the table passed in is the best statement of the module's fields.
     */
    private TableShape passedThrough(Exp returnedExp) {
        if (returnedExp instanceof Exp.FuncCall call && !(call instanceof Exp.MethodCall) && call.args != null
                && call.args.exps != null && !call.args.exps.isEmpty()
                && call.args.exps.get(0) instanceof Exp.NameExp name) {
            Symbol symbol = scope.find(name.name.name);
            if (symbol != null && symbol.value instanceof Value.Table table) {
                return table.shape();
            }
        }
        return null;
    }

    // ---- functions ------------------------------------------------------------------------------------------

    private void functionBody(FuncBody body, FunctionInfo info, boolean method, int line) {
        FunctionContext outerFunction = function;
        Scope outerScope = scope;
        boolean vararg = body.parlist != null && body.parlist.isvararg;
        function = new FunctionContext(outerFunction, vararg, info, line);
        scope = new Scope(outerScope, function);
        if (method) {
            declare("self", Value.UNKNOWN);
        }
        if (body.parlist != null) {
            for (Name parameter : names(body.parlist.names)) {
                declare(parameter.name, Value.UNKNOWN);
            }
        }
        // A function no path can call is walked for its compile limits only: what it reaches never runs.
        reports.inFunction(() -> reports.deadIf(uncalled.contains(body), () -> {
            statements(body.block, false);
            return null;
        }));
        scope.close();
        limits.functionEnded(function);
        function = outerFunction;
        scope = outerScope;
    }

    // ---- expressions ----------------------------------------------------------------------------------------

    private List<Value> expressions(List<?> exps) {
        List<Value> values = new ArrayList<>();
        if (exps != null) {
            for (Object e : exps) {
                values.add(exp((Exp) e));
            }
        }
        return values;
    }

    /** Visits an expression, reports what it reaches, and returns what is known of its value. */
    private Value exp(Exp e) {
        if (e == null) {
            return Value.UNKNOWN;
        }
        if (e instanceof Exp.VarExp) {
            Value value = chain(e);
            reportRead(value, e);
            return value;
        }
        if (e instanceof Exp.FuncCall call) {
            return call(call);
        }
        if (e instanceof Exp.Constant c) {
            int type = c.value.type();
            if (type == LuaValue.TNUMBER && prepared.isCdataLiteral(c.endLine, c.endColumn)) {
                return new Value.Cdata(c.value.tojstring());
            }
            return type == LuaValue.TSTRING ? new Value.Str(c.value.tojstring())
                    : type == LuaValue.TNUMBER ? new Value.Num(c.value.todouble()) : Value.UNKNOWN;
        }
        if (e instanceof Exp.ParensExp p) {
            return exp(p.exp);
        }
        if (e instanceof Exp.BinopExp b) {
            return binop(b);
        }
        if (e instanceof Exp.UnopExp u) {
            if (u.op == Lua.OP_NOT) {
                test(u.rhs);
            } else {
                exp(u.rhs);
            }
            return Value.UNKNOWN;
        }
        if (e instanceof Exp.AnonFuncDef f) {
            FunctionInfo info = new FunctionInfo("anonymous function", line(f));
            functionBody(f.body, info, false, line(f));
            return new Value.Function(info);
        }
        if (e instanceof TableConstructor t) {
            return table(t);
        }
        if (e instanceof Exp.VarargsExp && !function.vararg) {
            limits.varargOutsideVarargFunction(line(e), column(e));
        }
        return Value.UNKNOWN;
    }

    private Value binop(Exp.BinopExp b) {
        if (b.op == Lua.OP_AND || b.op == Lua.OP_OR) {
            return logical(b);
        }
        if (b.op == Lua.OP_EQ || b.op == Lua.OP_NEQ) {
            test(b.lhs);
            test(b.rhs);
            return Value.UNKNOWN;
        }
        Value left = exp(b.lhs);
        Value right = exp(b.rhs);
        if (b.op == Lua.OP_CONCAT && left instanceof Value.Str l && right instanceof Value.Str r) {
            return new Value.Str(l.value() + r.value());
        }
        return Value.UNKNOWN;
    }

    /**
     * {@code a and b}, {@code a or b}: {@code a} is only tested, so reading an absent name there is fine
     * ({@code bit32 or bit}); after an absent {@code a}, {@code and} never runs {@code b} and {@code or} gives {@code b}.
     */
    private Value logical(Exp.BinopExp b) {
        Value left = test(b.lhs);
        boolean absent = isAbsent(left);
        Value[] right = new Value[1];
        deadIf(absent && b.op == Lua.OP_AND, () -> right[0] = exp(b.rhs));
        if (b.op == Lua.OP_AND) {
            // nil and b is nil: absent still, so that (_G.kong and kong.x) and kong.x.y never runs its right side
            return absent ? left : right[0];
        }
        return left instanceof Value.Unknown || absent ? right[0] : left;
    }

    /**
     * Visits an expression whose value is only tested (a condition, an operand of {@code not}, {@code ==},
     * {@code and}, {@code or}): a name or field the sandbox lacks reads as nil there, which fails nothing.
     */
    private Value test(Exp e) {
        if (e instanceof Exp.ParensExp p) {
            return test(p.exp);
        }
        if (e instanceof Exp.VarExp) {
            Value value = chain(e);
            if (!isAbsent(value)) {
                reportRead(value, e);
            }
            return value;
        }
        return exp(e);
    }

    /** {@code type(x)} only looks at x: an absent x is "nil", not a failure. */
    private List<Value> tested(List<?> exps) {
        List<Value> values = new ArrayList<>();
        if (exps != null) {
            for (Object e : exps) {
                values.add(test((Exp) e));
            }
        }
        return values;
    }

    private static Exp unparenthesized(Exp e) {
        Exp current = e;
        while (current instanceof Exp.ParensExp p) {
            current = p.exp;
        }
        return current;
    }

    /** Whether a value is a global path the sandbox lacks: nil when read in the sandbox. */
    private boolean isAbsent(Value value) {
        return value instanceof Value.Global g && !g.path().isEmpty()
                && spec.lookup(kind, g.path()) instanceof SandboxSpec.Missing;
    }

    private void deadIf(boolean dead, Runnable walk) {
        reports.deadIf(dead, () -> {
            walk.run();
            return null;
        });
    }

    private Value table(TableConstructor t) {
        TableShape shape = new TableShape(true);
        TableTemplate template = new TableTemplate(prepared);
        if (t.fields != null) {
            for (Object o : t.fields) {
                TableField field = (TableField) o;
                if (field.name != null || field.index != null) {
                    template.add(field);
                }
                if (field.name != null) {
                    if (shape.field(field.name) != null) {
                        limits.duplicateKey(field.name, line(field), column(field));
                    }
                    shape.put(field.name, exp(field.rhs), line(field), column(field));
                } else if (field.index != null) {
                    Value key = exp(field.index);
                    Value value = exp(field.rhs);
                    if (key instanceof Value.Str s) {
                        shape.put(s.value(), value, line(field), column(field));
                    } else if (!(key instanceof Value.Num)) {
                        shape.markDynamicKeys();
                    }
                } else {
                    exp(field.rhs);
                }
            }
        }
        overriddenConstants.addAll(template.overriddenConstants());
        return new Value.Table(shape);
    }

    /**
     * Resolves a name/field/index chain without reporting the chain itself (only its outermost expression is
     * reported, once), but visiting and reporting everything else inside it.
     */
    private Value chain(Exp e) {
        if (e instanceof Exp.NameExp n) {
            return resolveName(n.name.name);
        }
        if (e instanceof Exp.FieldExp f) {
            return member(chainOrExp(f.lhs), f.name.name);
        }
        if (e instanceof Exp.IndexExp ix) {
            Value object = chainOrExp(ix.lhs);
            Value key = exp(ix.exp);
            return key instanceof Value.Str s ? member(object, s.value()) : Value.UNKNOWN;
        }
        return exp(e);
    }

    private Value chainOrExp(Exp e) {
        if (e instanceof Exp.ParensExp p && p.exp instanceof Exp.VarExp) {
            return chain(p.exp);
        }
        return e instanceof Exp.VarExp ? chain(e) : exp(e);
    }

    private static Value member(Value object, String name) {
        if (object instanceof Value.Global g) {
            return g.field(name);
        }
        if (object instanceof Value.Module m) {
            return m;
        }
        if (object instanceof Value.Table t) {
            TableShape.Field field = t.shape().field(name);
            return field == null ? Value.UNKNOWN : field.value();
        }
        return Value.UNKNOWN;
    }

    private Value resolveName(String name) {
        Symbol symbol = resolveLocal(name);
        if (symbol != null) {
            if (symbol.pending != null) {
                Runnable pending = symbol.pending;
                symbol.pending = null;
                pending.run();
            }
            return symbol.value;
        }
        return name.equals("_G") ? new Value.Global(List.of()) : new Value.Global(List.of(name));
    }

    /** Finds a local and counts it as an upvalue of every function between its owner and the current one. */
    private Symbol resolveLocal(String name) {
        Symbol symbol = scope.find(name);
        if (symbol != null) {
            for (FunctionContext f = function; f != null && f != symbol.owner; f = f.parent) {
                f.upvalues.add(symbol);
            }
        }
        return symbol;
    }

    private Value call(Exp.FuncCall call) {
        if (nestedCalls == 0) {
            int slots = CallSlots.needed(call, function.activeLocals);
            if (slots >= CallSlots.MAX_SLOTS) {
                limits.tooManySlots(line(call), column(call));
            }
        }
        nestedCalls++;
        try {
            return resolveCall(call);
        } finally {
            nestedCalls--;
        }
    }

    private Value resolveCall(Exp.FuncCall call) {
        Value callee;
        if (call instanceof Exp.MethodCall m) {
            Value object = exp(m.lhs);
            callee = member(object, m.name);
            reportRead(callee, call);
        } else {
            callee = exp(call.lhs);
            if (callee instanceof Value.Global g && g.path().size() == 1
                    && spec.lookup(kind, g.path()) instanceof SandboxSpec.Missing missing && missing.undefined()) {
                access.undefined(g.path().get(0), true, line(call), column(call));
            }
        }
        List<?> argumentExps = call.args == null ? null : call.args.exps;
        List<Value> args = callee instanceof Value.Global g && isProtectedCall(g.path())
                ? protectedArguments(argumentExps)
                : callee instanceof Value.Global g && g.path().equals(List.of("type")) ? tested(argumentExps)
                : expressions(argumentExps);
        if (callee instanceof Value.Global g && function.parent == null
                && (g.path().equals(List.of("error")) || g.path().equals(List.of("assert")))) {
            raiseLines.add(line(call));
        }
        return callResult(call, callee, args);
    }

    private Value callResult(Exp.FuncCall call, Value callee, List<Value> args) {
        if (callee instanceof Value.Global g) {
            List<String> path = g.path();
            if (path.equals(List.of("require"))) {
                return require(call, args.isEmpty() ? null : args.get(0), false);
            }
            if (isProtectedRequire(path, args)) {
                int moduleArgument = path.get(0).equals("pcall") ? 1 : 2;
                return require(call, moduleArgument < args.size() ? args.get(moduleArgument) : null, true);
            }
            if (!path.isEmpty() && SandboxMessages.createsTimer(path)) {
                function.info.createsTimer(g.dotted());
            }
        } else if (callee instanceof Value.Function f && f.info().createsTimer() && f.info() != function.info) {
            timers.wrapperCalled(f.info(), line(call), column(call));
            function.info.createsTimer(f.info().timerSource());
        } else if (callee instanceof Value.Module m && SandboxMessages.TIMER_MODULES.contains(m.module())) {
            function.info.createsTimer(m.module());
        }
        return Value.UNKNOWN;
    }

    /** {@code pcall(require, "m")} or {@code xpcall(require, handler, "m")}: an optional module. */
    private static boolean isProtectedRequire(List<String> path, List<Value> args) {
        return isProtectedCall(path) && !args.isEmpty() && args.get(0) instanceof Value.Global r
                && r.path().equals(List.of("require"));
    }

    private static boolean isProtectedCall(List<String> path) {
        return path.equals(List.of("pcall")) || path.equals(List.of("xpcall"));
    }

    /** The arguments of pcall/xpcall: an anonymous function there runs at once, under the pcall. */
    private List<Value> protectedArguments(List<?> exps) {
        List<Value> values = new ArrayList<>();
        if (exps == null) {
            return values;
        }
        for (int i = 0; i < exps.size(); i++) {
            Exp e = (Exp) exps.get(i);
            if (i == 0 && e instanceof Exp.AnonFuncDef) {
                values.add(reports.caught(() -> exp(e)));
            } else {
                values.add(exp(e));
            }
        }
        return values;
    }

    private Value require(Exp.FuncCall call, Value argument, boolean protectedCall) {
        if (!(argument instanceof Value.Str s)) {
            requires.computedName(line(call), column(call));
            return Value.UNKNOWN;
        }
        timers.timerModule(s.value(), protectedCall, line(call), column(call));
        requires.required(s.value(), protectedCall, line(call), column(call));
        return new Value.Module(s.value());
    }

    /** Reports a read of a global path the sandbox does not have. */
    private void reportRead(Value value, SyntaxElement at) {
        if (value instanceof Value.Global g && !g.path().isEmpty()) {
            reportReadAt(value, line(at), column(at));
        }
    }

    private void reportReadAt(Value value, int line, int column) {
        if (!(value instanceof Value.Global g) || g.path().isEmpty()) {
            return;
        }
        if (spec.lookup(kind, g.path()) instanceof SandboxSpec.Missing missing) {
            if (missing.undefined()) {
                // Reading an undefined global gives nil; indexing it fails.
                if (g.path().size() > 1) {
                    access.undefined(g.path().get(0), false, line, column);
                }
                return;
            }
            if (Timers.isTimer(g.path())) {
                timers.timerReached(g.dotted(), line, column);
            } else {
                access.missing(g.path(), missing.length(), line, column);
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Symbol declare(String name, Value value) {
        return scope.declare(name, value);
    }

    private int line(SyntaxElement e) {
        SyntaxElement at = start(e);
        return at != null && at.beginLine > 0 ? at.beginLine : fallbackLine;
    }

    private int column(SyntaxElement e) {
        SyntaxElement at = start(e);
        if (at == null || at.beginLine <= 0) {
            return fallbackColumn;
        }
        return Math.max(1, at.beginColumn & 0xFFFF);
    }

    /**
     * Where an expression starts. luaj positions a field or index expression at its last name, so walk down to
     * the base of the chain: {@code ngx.timer.at(...)} is reported where {@code ngx} is.
     */
    private static SyntaxElement start(SyntaxElement e) {
        SyntaxElement current = e;
        while (true) {
            Exp next = null;
            if (current instanceof Exp.FieldExp f) {
                next = f.lhs;
            } else if (current instanceof Exp.IndexExp ix) {
                next = ix.lhs;
            } else if (current instanceof Exp.FuncCall c) {
                next = c.lhs;
            }
            if (next == null || next.beginLine <= 0) {
                return current;
            }
            current = next;
        }
    }

    private static void copyPosition(SyntaxElement from, SyntaxElement to) {
        to.beginLine = from.beginLine;
        to.beginColumn = from.beginColumn;
        to.endLine = from.endLine;
        to.endColumn = from.endColumn;
    }

    @SuppressWarnings("unchecked")
    private static List<Name> names(List<?> names) {
        return names == null ? List.of() : (List<Name>) names;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castStrings(List<?> strings) {
        return (List<String>) strings;
    }
}
