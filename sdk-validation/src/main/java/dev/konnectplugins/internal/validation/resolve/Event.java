package dev.konnectplugins.internal.validation.resolve;

import dev.konnectplugins.internal.validation.lua.SourcePosition;
import java.util.List;

/**
 * One thing the resolver found in a file, in the order of the walk: reads and writes of globals, calls, requires,
 * and the facts LuaJIT's compiler limits are judged on. Events state what the code does, never what a rule makes of
 * it.
 */
public sealed interface Event {

    /** How a global path was read. */
    enum ReadKind {
        /** Indexed, called or passed on where it is written. */
        USE,
        /** Stored in a local ({@code local f = os.getenv}): only the last step's nil is not yet used. */
        ALIAS,
        /** The first use of such a local, at the position of its declaration. */
        ALIAS_USED
    }

    /** A global path read (tested-only reads, such as {@code if ngx.timer then}, are not events). */
    record Read(List<String> path, ReadKind kind, SourcePosition at, Context context) implements Event {
        public Read {
            path = List.copyOf(path);
        }
    }

    /** {@code name = value} or {@code function name()} on a global. */
    record GlobalWrite(String name, boolean function, SourcePosition at, Context context) implements Event {
    }

    /** {@code table.name = value} where {@code table} is a global path ({@code _G} is the empty path). */
    record FieldWrite(List<String> table, String name, SourcePosition at, Context context) implements Event {
        public FieldWrite {
            table = List.copyOf(table);
        }
    }

    /** A call of {@code callee} from the body of {@code caller}, after its arguments were resolved. */
    record Call(Value callee, FunctionInfo caller, SourcePosition at, Context context) implements Event {
    }

    /**
     * {@code require(module)}; {@code module} is null when the name is computed. {@code protectedCall}: through
     * {@code pcall(require, ...)} or {@code xpcall(require, ...)}.
     */
    record Require(String module, boolean protectedCall, SourcePosition at, Context context) implements Event {
    }

    /** A {@code break} with no loop around it in its function. */
    record BreakOutsideLoop(SourcePosition at) implements Event {
    }

    /** {@code ...} in a function that is not vararg. */
    record VarargOutsideVarargFunction(SourcePosition at) implements Event {
    }

    /** A key given twice in one table constructor. */
    record DuplicateKey(String name, SourcePosition at) implements Event {
    }

    /** An outermost call and the stack slots LuaJIT's compiler needs for it and the calls nested in it. */
    record CallNesting(int slots, SourcePosition at) implements Event {
    }

    /** A goto whose label is not visible from it. */
    record Goto(String label, SourcePosition at) {
    }

    /** The end of a function's body (the main chunk's too) with what LuaJIT counts in it. */
    record FunctionEnd(int line, int maxActiveLocals, int upvalues, List<Goto> unresolvedGotos) implements Event {
        public FunctionEnd {
            unresolvedGotos = List.copyOf(unresolvedGotos);
        }
    }
}
