package dev.konnectplugins.internal.validation.resolve;

import dev.konnectplugins.internal.validation.lua.PreparedSource;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.resolve.Scope.FunctionContext;
import dev.konnectplugins.internal.validation.resolve.Scope.PendingGoto;
import dev.konnectplugins.internal.validation.resolve.Scope.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.luaj.vm2.ast.Block;
import org.luaj.vm2.ast.Chunk;
import org.luaj.vm2.ast.Exp;
import org.luaj.vm2.ast.FuncBody;
import org.luaj.vm2.ast.FuncName;
import org.luaj.vm2.ast.Name;
import org.luaj.vm2.ast.Stat;
import org.luaj.vm2.ast.SyntaxElement;

/**
 * The resolver: walks one file's AST with lexical scopes, following local aliases of globals and fields ({@code local
 * t = ngx.timer}, {@code ngx["timer"]["at"]}, {@code local ngx = ngx}), local tables and functions, and whether code
 * can run at all in the file's {@link Environment} ({@code if ngx.timer then}) or runs under a pcall. It produces
 * {@link Event}s (reads, writes, calls, requires, and what LuaJIT's compile limits are judged on) and the facts of
 * the module value ({@link ChunkFacts}); it decides no rule. This half resolves statements and function bodies,
 * {@link Expressions} the expressions.
 */
public final class Resolver {
    private final Walk walk;
    private final Expressions expressions;
    private TableShape returned;
    private boolean returns;
    private SourcePosition returnAt = SourcePosition.NONE;
    private Value extraReturn;
    /** The bodies of the functions no path can call. */
    private Set<FuncBody> uncalled = Set.of();

    private Resolver(Environment environment, PreparedSource prepared) {
        this.walk = new Walk(environment);
        this.expressions = new Expressions(walk, prepared, this);
    }

    /** Resolves a parsed file; {@code prepared} is the source it was parsed from. */
    public static Resolution resolve(Chunk chunk, PreparedSource prepared, Environment environment) {
        return new Resolver(environment, prepared).run(chunk);
    }

    private Resolution run(Chunk chunk) {
        uncalled = UncalledFunctions.of(chunk);
        walk.function = new FunctionContext(null, true, new FunctionInfo("main chunk", 1), 1);
        walk.scope = new Scope(null, walk.function);
        statements(chunk.block, true);
        walk.scope.close();
        functionEnded(walk.function);
        return new Resolution(walk.events(), new ChunkFacts(returned, returns, returnAt, extraReturn,
                expressions.raiseLines(), expressions.overriddenConstants()));
    }

    // ---- statements ----------------------------------------------------------------------------------------

    private void block(Block block) {
        Scope outer = walk.scope;
        walk.scope = new Scope(outer, walk.function);
        statements(block, false);
        walk.scope.close();
        walk.scope = outer;
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
        walk.statementStarts(stat);
        if (stat instanceof Stat.LocalAssign s) {
            localAssign(s);
        } else if (stat instanceof Stat.Assign s) {
            assign(s);
        } else if (stat instanceof Stat.FuncCallStat s) {
            expressions.exp(s.funccall);
        } else if (stat instanceof Stat.LocalFuncDef s) {
            localFunction(s);
        } else if (stat instanceof Stat.FuncDef s) {
            functionDefinition(s);
        } else if (stat instanceof Stat.Return s) {
            returnStatement(s, mainBlock && walk.function.parent == null);
        } else if (stat instanceof Block s) {
            block(s);
        } else {
            controlStatement(stat);
        }
    }

    private void controlStatement(Stat stat) {
        if (stat instanceof Stat.IfThenElse s) {
            boolean dead = walk.isAbsent(expressions.test(s.ifexp));
            walk.deadIf(dead, () -> block(s.ifblock));
            if (s.elseifexps != null) {
                for (int i = 0; i < s.elseifexps.size(); i++) {
                    Block body = (Block) s.elseifblocks.get(i);
                    walk.deadIf(walk.isAbsent(expressions.test((Exp) s.elseifexps.get(i))), () -> block(body));
                }
            }
            if (s.elseblock != null) {
                block(s.elseblock);
            }
        } else if (stat instanceof Stat.WhileDo s) {
            boolean dead = walk.isAbsent(expressions.test(s.exp));
            walk.deadIf(dead, () -> loop(() -> block(s.block)));
        } else if (stat instanceof Stat.RepeatUntil s) {
            // The condition sees the body's locals.
            loop(() -> {
                Scope outer = walk.scope;
                walk.scope = new Scope(outer, walk.function);
                statements(s.block, false);
                expressions.test(s.exp);
                walk.scope.close();
                walk.scope = outer;
            });
        } else if (stat instanceof Stat.NumericFor s) {
            expressions.exp(s.initial);
            expressions.exp(s.limit);
            if (s.step != null) {
                expressions.exp(s.step);
            }
            loopWithLocals(List.of(s.name), s.block);
        } else if (stat instanceof Stat.GenericFor s) {
            expressions.expressions(s.exps);
            loopWithLocals(names(s.names), s.block);
        } else if (stat instanceof Stat.Break) {
            if (walk.function.loopDepth == 0) {
                walk.emit(new Event.BreakOutsideLoop(walk.at(stat)));
            }
        } else if (stat instanceof Stat.Goto s) {
            walk.function.gotos.add(new PendingGoto(s.name, walk.scope, walk.at(stat)));
        } else if (stat instanceof Stat.Label s) {
            walk.scope.labels.add(s.name);
        }
    }

    private void loop(Runnable body) {
        walk.function.loopDepth++;
        try {
            body.run();
        } finally {
            walk.function.loopDepth--;
        }
    }

    private void loopWithLocals(List<Name> names, Block body) {
        loop(() -> {
            Scope outer = walk.scope;
            walk.scope = new Scope(outer, walk.function);
            for (Name name : names) {
                walk.declare(name.name, Value.UNKNOWN);
            }
            statements(body, false);
            walk.scope.close();
            walk.scope = outer;
        });
    }

    private void localAssign(Stat.LocalAssign s) {
        List<?> exps = s.values == null ? List.of() : s.values;
        List<Value> values = new ArrayList<>();
        List<Runnable> deferred = new ArrayList<>();
        for (Object o : exps) {
            Exp e = (Exp) o;
            Runnable[] pending = new Runnable[1];
            Exp unwrapped = Expressions.unparenthesized(e);
            values.add(unwrapped instanceof Exp.VarExp ? expressions.alias(unwrapped, pending) : expressions.exp(e));
            deferred.add(pending[0]);
        }
        List<Name> names = names(s.names);
        for (int i = 0; i < names.size(); i++) {
            Value value = i < values.size() ? values.get(i) : Value.UNKNOWN;
            Symbol symbol = walk.declare(names.get(i).name, value);
            if (i < deferred.size()) {
                symbol.pending = deferred.get(i);
            }
        }
    }

    private void assign(Stat.Assign s) {
        List<Value> values = expressions.expressions(s.exps);
        List<?> vars = s.vars == null ? List.of() : s.vars;
        for (int i = 0; i < vars.size(); i++) {
            Value value = i < values.size() ? values.get(i) : Value.UNKNOWN;
            assignTo((Exp) vars.get(i), value);
        }
    }

    private void assignTo(Exp target, Value value) {
        if (target instanceof Exp.NameExp n) {
            Symbol symbol = walk.resolveLocal(n.name.name);
            if (symbol != null) {
                symbol.value = value;
                symbol.pending = null;
            } else if (!n.name.name.equals("_ENV")) {
                walk.emit(new Event.GlobalWrite(n.name.name, false, walk.at(n), walk.context()));
            }
        } else if (target instanceof Exp.FieldExp f) {
            writeField(f.lhs, f.name.name, value, target);
        } else if (target instanceof Exp.IndexExp ix) {
            Value key = expressions.exp(ix.exp);
            if (key instanceof Value.Str s) {
                writeField(ix.lhs, s.value(), value, target);
            } else {
                Value object = expressions.exp(ix.lhs);
                if (object instanceof Value.Table table) {
                    table.shape().markDynamicKeys();
                }
            }
        }
    }

    /** {@code object.name = value}: records fields of local tables; a write to a global table is an event. */
    private void writeField(Exp objectExp, String name, Value value, SyntaxElement at) {
        Value object = expressions.exp(objectExp);
        TableShape shape = null;
        if (object instanceof Value.Table table) {
            shape = table.shape();
        } else if (objectExp instanceof Exp.NameExp n && object instanceof Value.Unknown) {
            Symbol symbol = walk.resolveLocal(n.name.name);
            shape = symbol == null ? null : symbol.shapeForWrites();
        } else if (object instanceof Value.Global g) {
            walk.emit(new Event.FieldWrite(g.path(), name, walk.at(at), walk.context()));
        }
        if (shape != null) {
            shape.put(name, value, walk.at(at));
        }
    }

    private void localFunction(Stat.LocalFuncDef s) {
        FunctionInfo info = new FunctionInfo(s.name.name, walk.at(s).line());
        // Declared before the body so that the function can call itself.
        walk.declare(s.name.name, new Value.Function(info));
        functionBody(s.body, info, false, walk.at(s).line());
    }

    private void functionDefinition(Stat.FuncDef s) {
        FuncName name = s.name;
        List<?> dots = name.dots == null ? List.of() : name.dots;
        String display = name.name.name + (dots.isEmpty() ? "" : "." + String.join(".", castStrings(dots)))
                + (name.method == null ? "" : ":" + name.method);
        FunctionInfo info = new FunctionInfo(display, walk.at(s).line());
        Value function = new Value.Function(info);
        if (dots.isEmpty() && name.method == null) {
            Symbol symbol = walk.resolveLocal(name.name.name);
            if (symbol != null) {
                symbol.value = function;
            } else {
                walk.emit(new Event.GlobalWrite(name.name.name, true, walk.at(s), walk.context()));
            }
        } else {
            defineMember(s, name, castStrings(dots), function);
        }
        functionBody(s.body, info, name.method != null, walk.at(s).line());
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
        List<Value> values = expressions.expressions(s.values);
        if (!moduleReturn) {
            return;
        }
        returns = !values.isEmpty();
        returnAt = walk.at(s);
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
            Symbol symbol = walk.scope.find(name.name.name);
            if (symbol != null && symbol.value instanceof Value.Table table) {
                return table.shape();
            }
        }
        return null;
    }

    // ---- functions ------------------------------------------------------------------------------------------

    void functionBody(FuncBody body, FunctionInfo info, boolean method, int line) {
        FunctionContext outerFunction = walk.function;
        Scope outerScope = walk.scope;
        boolean vararg = body.parlist != null && body.parlist.isvararg;
        walk.function = new FunctionContext(outerFunction, vararg, info, line);
        walk.scope = new Scope(outerScope, walk.function);
        if (method) {
            walk.declare("self", Value.UNKNOWN);
        }
        if (body.parlist != null) {
            for (Name parameter : names(body.parlist.names)) {
                walk.declare(parameter.name, Value.UNKNOWN);
            }
        }
        // A function no path can call is resolved as dead code: what it reaches never runs (its compile limits count).
        walk.inFunction(() -> walk.deadIf(uncalled.contains(body), () -> statements(body.block, false)));
        walk.scope.close();
        functionEnded(walk.function);
        walk.function = outerFunction;
        walk.scope = outerScope;
    }

    private void functionEnded(FunctionContext context) {
        List<Event.Goto> unresolved = context.gotos.stream().filter(pending -> !pending.labelVisible())
                .map(pending -> new Event.Goto(pending.label(), pending.at())).toList();
        walk.emit(new Event.FunctionEnd(context.line, context.maxLocals, context.upvalues.size(), unresolved));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static void copyPosition(SyntaxElement from, SyntaxElement to) {
        to.beginLine = from.beginLine;
        to.beginColumn = from.beginColumn;
        to.endLine = from.endLine;
        to.endColumn = from.endColumn;
    }

    @SuppressWarnings("unchecked")
    static List<Name> names(List<?> names) {
        return names == null ? List.of() : (List<Name>) names;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castStrings(List<?> strings) {
        return (List<String>) strings;
    }
}
