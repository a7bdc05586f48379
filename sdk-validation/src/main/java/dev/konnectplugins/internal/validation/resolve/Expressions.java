package dev.konnectplugins.internal.validation.resolve;

import dev.konnectplugins.internal.validation.lua.PreparedSource;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.lua.SourceRange;
import dev.konnectplugins.internal.validation.resolve.Event.ReadKind;
import dev.konnectplugins.internal.validation.resolve.Scope.Symbol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.ast.Exp;
import org.luaj.vm2.ast.SyntaxElement;
import org.luaj.vm2.ast.TableConstructor;
import org.luaj.vm2.ast.TableField;

/**
 * The expression half of the {@link Resolver}: what is known of each expression's value, and the reads, calls and
 * requires it makes. A read of a global path is an event only where the path is used (indexed, called, passed on),
 * not where it is only tested ({@code if ngx.timer then}, {@code bit32 or bit}, {@code type(x)}).
 */
final class Expressions {
    private final Walk walk;
    private final PreparedSource prepared;
    private final Resolver statements;
    private final Set<Integer> raiseLines = new HashSet<>();
    private final List<SourceRange> overriddenConstants = new ArrayList<>();
    /** How many calls the walk is inside (their slots are counted once, at the outermost call). */
    private int nestedCalls;

    Expressions(Walk walk, PreparedSource prepared, Resolver statements) {
        this.walk = walk;
        this.prepared = prepared;
        this.statements = statements;
    }

    Set<Integer> raiseLines() {
        return raiseLines;
    }

    List<SourceRange> overriddenConstants() {
        return overriddenConstants;
    }

    List<Value> expressions(List<?> exps) {
        List<Value> values = new ArrayList<>();
        if (exps != null) {
            for (Object e : exps) {
                values.add(exp((Exp) e));
            }
        }
        return values;
    }

    /** Visits an expression, resolves what it reaches, and returns what is known of its value. */
    Value exp(Exp e) {
        if (e == null) {
            return Value.UNKNOWN;
        }
        if (e instanceof Exp.VarExp) {
            Value value = chain(e);
            read(value, e);
            return value;
        }
        if (e instanceof Exp.FuncCall call) {
            return call(call);
        }
        if (e instanceof Exp.Constant c) {
            int type = c.value.type();
            if (type == LuaValue.TNUMBER && prepared.isCdataLiteral(new SourcePosition(c.endLine, c.endColumn))) {
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
            FunctionInfo info = new FunctionInfo("anonymous function", walk.at(f).line());
            statements.functionBody(f.body, info, false, walk.at(f).line());
            return new Value.Function(info);
        }
        if (e instanceof TableConstructor t) {
            return table(t);
        }
        if (e instanceof Exp.VarargsExp && !walk.function.vararg) {
            walk.emit(new Event.VarargOutsideVarargFunction(walk.at(e)));
        }
        return Value.UNKNOWN;
    }

    /**
     * {@code local f = os.getenv}: the value of a name/field chain stored in a local. Reading the chain's last field
     * only gives nil, so besides the read where it is written, the local's first use is a read of the same path
     * ({@link ReadKind#ALIAS_USED}; an unused {@code local setmetatable = setmetatable} is harmless).
     */
    Value alias(Exp e, Runnable[] pending) {
        Value value = chain(e);
        if (value instanceof Value.Global g && !g.path().isEmpty()) {
            SourcePosition at = walk.at(e);
            pending[0] = () -> walk.emit(new Event.Read(g.path(), ReadKind.ALIAS_USED, at, walk.context()));
            walk.emit(new Event.Read(g.path(), ReadKind.ALIAS, at, walk.context()));
        }
        return value;
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
     * ({@code bit32 or bit}); after an absent {@code a}, {@code and} never runs {@code b} and {@code or} gives
     * {@code b}.
     */
    private Value logical(Exp.BinopExp b) {
        Value left = test(b.lhs);
        boolean absent = walk.isAbsent(left);
        Value[] right = new Value[1];
        walk.deadIf(absent && b.op == Lua.OP_AND, () -> right[0] = exp(b.rhs));
        if (b.op == Lua.OP_AND) {
            // nil and b is nil: absent still, so that (_G.kong and kong.x) and kong.x.y never runs its right side
            return absent ? left : right[0];
        }
        return left instanceof Value.Unknown || absent ? right[0] : left;
    }

    /**
     * Visits an expression whose value is only tested (a condition, an operand of {@code not}, {@code ==},
     * {@code and}, {@code or}): reading a name or field there fails nothing, even where it is nil.
     */
    Value test(Exp e) {
        if (e instanceof Exp.ParensExp p) {
            return test(p.exp);
        }
        if (e instanceof Exp.VarExp) {
            return chain(e);
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

    static Exp unparenthesized(Exp e) {
        Exp current = e;
        while (current instanceof Exp.ParensExp p) {
            current = p.exp;
        }
        return current;
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
                        walk.emit(new Event.DuplicateKey(field.name, walk.at(field)));
                    }
                    shape.put(field.name, exp(field.rhs), walk.at(field));
                } else if (field.index != null) {
                    Value key = exp(field.index);
                    Value value = exp(field.rhs);
                    if (key instanceof Value.Str s) {
                        shape.put(s.value(), value, walk.at(field));
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
     * Resolves a name/field/index chain without a read event for the chain itself (only its outermost expression
     * is read, once), but visiting everything else inside it.
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
        Symbol symbol = walk.resolveLocal(name);
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

    // ---- calls ----------------------------------------------------------------------------------------------

    private Value call(Exp.FuncCall call) {
        if (nestedCalls == 0) {
            walk.emit(new Event.CallNesting(CallSlots.needed(call, walk.function.activeLocals), walk.at(call)));
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
            read(callee, call);
        } else {
            callee = exp(call.lhs);
        }
        List<?> argumentExps = call.args == null ? null : call.args.exps;
        List<Value> args = callee instanceof Value.Global g && isProtectedCall(g.path())
                ? protectedArguments(argumentExps)
                : callee instanceof Value.Global g && g.path().equals(List.of("type")) ? tested(argumentExps)
                : expressions(argumentExps);
        if (callee instanceof Value.Global g && walk.function.parent == null
                && (g.path().equals(List.of("error")) || g.path().equals(List.of("assert")))) {
            raiseLines.add(walk.at(call).line());
        }
        walk.emit(new Event.Call(callee, walk.function.info, walk.at(call), walk.context()));
        if (callee instanceof Value.Global g && g.path().equals(List.of("require"))) {
            return require(call, args.isEmpty() ? null : args.get(0), false);
        }
        if (callee instanceof Value.Global g && isProtectedRequire(g.path(), args)) {
            int moduleArgument = g.path().get(0).equals("pcall") ? 1 : 2;
            return require(call, moduleArgument < args.size() ? args.get(moduleArgument) : null, true);
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
                values.add(walk.caught(() -> exp(e)));
            } else {
                values.add(exp(e));
            }
        }
        return values;
    }

    private Value require(Exp.FuncCall call, Value argument, boolean protectedCall) {
        String module = argument instanceof Value.Str s ? s.value() : null;
        walk.emit(new Event.Require(module, protectedCall, walk.at(call), walk.context()));
        return module == null ? Value.UNKNOWN : new Value.Module(module);
    }

    /** A read of a global path where it is used. */
    private void read(Value value, SyntaxElement at) {
        if (value instanceof Value.Global g && !g.path().isEmpty()) {
            walk.emit(new Event.Read(g.path(), ReadKind.USE, walk.at(at), walk.context()));
        }
    }
}
