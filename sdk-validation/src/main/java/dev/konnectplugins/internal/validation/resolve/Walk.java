package dev.konnectplugins.internal.validation.resolve;

import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.resolve.Scope.FunctionContext;
import dev.konnectplugins.internal.validation.resolve.Scope.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.luaj.vm2.ast.Exp;
import org.luaj.vm2.ast.Stat;
import org.luaj.vm2.ast.SyntaxElement;

/**
 * The state of one file's walk, shared by the statement and expression halves of the resolver: the current scope
 * and function, the control-flow context events are resolved in, the positions of AST nodes, and the events so far.
 */
final class Walk {
    private final Environment environment;
    private final List<Event> events = new ArrayList<>();
    Scope scope;
    FunctionContext function;
    private SourcePosition fallback = new SourcePosition(1, 1);
    private int deadCode;
    private int caught;
    private int functions;

    Walk(Environment environment) {
        this.environment = environment;
    }

    List<Event> events() {
        return events;
    }

    void emit(Event event) {
        events.add(event);
    }

    Context context() {
        return new Context(functions > 0, caught > 0, deadCode > 0);
    }

    /** Whether a value is a global path the environment lacks: nil when read there. */
    boolean isAbsent(Value value) {
        return value instanceof Value.Global g && !g.path().isEmpty() && environment.absent(g.path());
    }

    Symbol declare(String name, Value value) {
        return scope.declare(name, value);
    }

    /** Finds a local and counts it as an upvalue of every function between its owner and the current one. */
    Symbol resolveLocal(String name) {
        Symbol symbol = scope.find(name);
        if (symbol != null) {
            for (FunctionContext f = function; f != null && f != symbol.owner; f = f.parent) {
                f.upvalues.add(symbol);
            }
        }
        return symbol;
    }

    /** Resolves code that cannot run in the environment when {@code dead}. */
    <T> T deadIf(boolean dead, Supplier<T> walk) {
        if (dead) {
            deadCode++;
        }
        try {
            return walk.get();
        } finally {
            if (dead) {
                deadCode--;
            }
        }
    }

    void deadIf(boolean dead, Runnable walk) {
        deadIf(dead, () -> {
            walk.run();
            return null;
        });
    }

    /** Resolves a function that pcall runs on the spot. */
    <T> T caught(Supplier<T> walk) {
        caught++;
        try {
            return walk.get();
        } finally {
            caught--;
        }
    }

    /** Resolves the body of a function: what it reaches, it reaches when the function is called. */
    void inFunction(Runnable walk) {
        functions++;
        try {
            walk.run();
        } finally {
            functions--;
        }
    }

    /** A statement starts: nodes without a position of their own are placed there. */
    void statementStarts(Stat stat) {
        if (stat.beginLine > 0) {
            fallback = at(stat);
        }
    }

    /** Where a node starts (1-based line and column), or where the current statement starts. */
    SourcePosition at(SyntaxElement e) {
        SyntaxElement start = start(e);
        if (start == null || start.beginLine <= 0) {
            return fallback;
        }
        return new SourcePosition(start.beginLine, Math.max(1, start.beginColumn & 0xFFFF));
    }

    /**
     * Where an expression starts. luaj positions a field or index expression at its last name, so walk down to
     * the base of the chain: {@code ngx.timer.at(...)} is placed where {@code ngx} is.
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
}
