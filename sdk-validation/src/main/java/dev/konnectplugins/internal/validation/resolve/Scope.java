package dev.konnectplugins.internal.validation.resolve;

import dev.konnectplugins.internal.validation.lua.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A block's local names and labels; lookups continue into enclosing blocks and enclosing functions. */
final class Scope {
    final Scope parent;
    final FunctionContext function;
    private final Map<String, Symbol> names = new HashMap<>();
    final Set<String> labels = new HashSet<>();
    /** Locals declared in this block, counting a redeclared name again (LuaJIT gives it a new slot). */
    private int declared;

    Scope(Scope parent, FunctionContext function) {
        this.parent = parent;
        this.function = function;
    }

    Symbol declare(String name, Value value) {
        Symbol symbol = new Symbol(name, value, function);
        names.put(name, symbol);
        declared++;
        function.activeLocals++;
        function.maxLocals = Math.max(function.maxLocals, function.activeLocals);
        return symbol;
    }

    Symbol find(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Symbol symbol = s.names.get(name);
            if (symbol != null) {
                return symbol;
            }
        }
        return null;
    }

    /** Ends the block: its locals go out of scope. */
    void close() {
        function.activeLocals -= declared;
    }

    /** A local variable and what is known of its current value. */
    static final class Symbol {
        final String name;
        final FunctionContext owner;
        Value value;
        /** A finding deferred until the local is used: {@code local f = os.getenv} alone does not fail. */
        Runnable pending;

        Symbol(String name, Value value, FunctionContext owner) {
            this.name = name;
            this.value = value;
            this.owner = owner;
        }

        /** The table this local holds, created on the first field assignment when its value was unknown. */
        TableShape shapeForWrites() {
            if (value instanceof Value.Table table) {
                return table.shape();
            }
            if (value instanceof Value.Unknown) {
                TableShape shape = new TableShape(false);
                value = new Value.Table(shape);
                return shape;
            }
            return null;
        }
    }

    /** Per-function state: varargs, loops (for break), gotos, and the counts LuaJIT limits. */
    static final class FunctionContext {
        final FunctionContext parent;
        final boolean vararg;
        final FunctionInfo info;
        final int line;
        int loopDepth;
        int activeLocals;
        int maxLocals;
        final Set<Symbol> upvalues = new LinkedHashSet<>();
        final List<PendingGoto> gotos = new ArrayList<>();

        FunctionContext(FunctionContext parent, boolean vararg, FunctionInfo info, int line) {
            this.parent = parent;
            this.vararg = vararg;
            this.info = info;
            this.line = line;
        }
    }

    /** A goto waiting for the end of its function to find its label. */
    record PendingGoto(String label, Scope scope, SourcePosition at) {
        /** Whether the label is declared in the goto's block or a block around it, in the same function. */
        boolean labelVisible() {
            for (Scope s = scope; s != null && s.function == scope.function; s = s.parent) {
                if (s.labels.contains(label)) {
                    return true;
                }
            }
            return false;
        }
    }
}
