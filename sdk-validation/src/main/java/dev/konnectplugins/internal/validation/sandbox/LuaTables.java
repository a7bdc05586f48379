package dev.konnectplugins.internal.validation.sandbox;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The {@code table} functions of one evaluation that do more than constant work ({@code concat}, {@code insert},
 * {@code remove}, {@code sort}, {@code pack}, {@code unpack}), charging it to the budget before doing it, with
 * LuaJIT's limits and messages ("too many results to unpack", "invalid value (table) at index 1 in table for 'concat'").
 */
final class LuaTables {
    private static final String[] NAMES = {"concat", "insert", "remove", "sort", "pack", "unpack"};

    private final ExecutionBudget budget;

    private LuaTables(ExecutionBudget budget) {
        this.budget = budget;
    }

    /** Replaces the work-doing functions of {@code table} (and the global {@code unpack}) with budgeted ones. */
    static void install(LuaTable env, ExecutionBudget budget) {
        LuaTables tables = new LuaTables(budget);
        LuaTable table = (LuaTable) env.rawget("table");
        for (String name : NAMES) {
            table.rawset(name, tables.new Function(name));
        }
        env.rawset("unpack", table.rawget("unpack"));
        table.rawset("isarray", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                try {
                    return LuaValue.valueOf(LuaJitTables.isArray(LuaArgs.table(args, 1, "isarray")));
                } catch (LuaError e) {
                    throw LibraryError.marked(args, e);
                }
            }
        });
    }

    private final class Function extends LibraryFunction {
        Function(String name) {
            super(name);
        }

        @Override
        Varargs run(Varargs args) {
            return switch (name) {
                case "concat" -> LuaTables.this.concat(args);
                case "insert" -> LuaTables.this.insert(args);
                case "remove" -> LuaTables.this.remove(args);
                case "sort" -> LuaTables.this.sort(args);
                case "pack" -> LuaTables.this.pack(args);
                case "unpack" -> LuaTables.this.unpack(args);
                default -> throw new IllegalStateException(name);
            };
        }
    }

    private LuaValue concat(Varargs args) {
        LuaTable t = LuaArgs.table(args, 1, "concat");
        LuaString sep = args.arg(2).isnil() ? LuaValue.EMPTYSTRING : LuaArgs.string(args, 2, "concat");
        long i = LuaArgs.optInteger(args, 3, "concat", 1);
        long j = args.arg(4).isnil() ? LuaJitTables.length(t) : LuaArgs.integer(args, 4, "concat");
        if (i > j) {
            return LuaValue.EMPTYSTRING;
        }
        // Measure first: the result's size is charged before a byte of it is copied.
        long size = 0;
        for (long k = i; k <= j; k++) {
            size += part(t, k).m_length + (k < j ? sep.m_length : 0);
            budget.step(1);
        }
        budget.allocate(size);
        if (size > Integer.MAX_VALUE - 8) {
            throw budget.exceeded(Limit.MEMORY);
        }
        byte[] bytes = new byte[(int) size];
        int at = 0;
        for (long k = i; k <= j; k++) {
            if (k > i) {
                System.arraycopy(sep.m_bytes, sep.m_offset, bytes, at, sep.m_length);
                at += sep.m_length;
            }
            LuaString part = part(t, k);
            System.arraycopy(part.m_bytes, part.m_offset, bytes, at, part.m_length);
            at += part.m_length;
        }
        return LuaString.valueUsing(bytes);
    }

    private static LuaString part(LuaTable t, long k) {
        LuaValue v = t.rawget(LuaValue.valueOf((double) k));
        if (v.type() == LuaValue.TSTRING) {
            return v.strvalue();
        }
        if (v.type() == LuaValue.TNUMBER) {
            return LuaNumbers.toLuaString(v.todouble());
        }
        throw new LuaError("invalid value (" + v.typename() + ") at index " + k + " in table for 'concat'");
    }

    private Varargs insert(Varargs args) {
        LuaTable t = LuaArgs.table(args, 1, "insert");
        int n = LuaJitTables.length(t);
        switch (args.narg()) {
            case 2 -> {
                budget.allocate(32);
                t.rawset(n + 1, args.arg(2));
            }
            case 3 -> {
                long pos = LuaArgs.integer(args, 2, "insert");
                // LuaJIT moves the elements from pos up by one, one at a time.
                budget.step(Math.max(0, n - pos) + 1);
                budget.allocate(32);
                for (long k = n; k >= pos; k--) {
                    t.rawset(LuaArgs.clamp(k + 1), t.rawget(LuaArgs.clamp(k)));
                }
                t.rawset(LuaArgs.clamp(pos), args.arg(3));
            }
            default -> throw new LuaError("wrong number of arguments to 'insert'");
        }
        return LuaValue.NONE;
    }

    /** LuaJIT's table.remove (lib_table.c): a position outside 1..#t removes and returns nothing. */
    private Varargs remove(Varargs args) {
        LuaTable t = LuaArgs.table(args, 1, "remove");
        int n = LuaJitTables.length(t);
        if (args.arg(2).isnil()) {
            if (n == 0) {
                return LuaValue.NONE;
            }
            LuaValue last = t.rawget(n);
            t.rawset(n, LuaValue.NIL);
            return last;
        }
        long pos = LuaArgs.integer(args, 2, "remove");
        if (pos < 1 || pos > n) {
            return LuaValue.NONE;
        }
        budget.step(n - pos + 1);
        LuaValue removed = t.rawget((int) pos);
        for (long k = pos; k < n; k++) {
            t.rawset((int) k, t.rawget((int) k + 1));
        }
        t.rawset(n, LuaValue.NIL);
        return removed;
    }

    private Varargs sort(Varargs args) {
        LuaTable t = LuaArgs.table(args, 1, "sort");
        LuaValue comparator = args.arg(2);
        if (!comparator.isnil() && !comparator.isfunction()) {
            throw LuaArgs.bad(args, 2, "sort", "function");
        }
        int n = LuaJitTables.length(t);
        // Heap sort: about 2 n log2 n comparisons; a Lua comparator's own instructions are counted as they run.
        budget.step(2L * n * (64 - Long.numberOfLeadingZeros(Math.max(1, n))));
        t.sort(comparator);
        return LuaValue.NONE;
    }

    private LuaValue pack(Varargs args) {
        int n = args.narg();
        budget.allocate(64 + 32L * n);
        LuaTable t = new LuaTable(n, 1);
        for (int i = 1; i <= n; i++) {
            t.rawset(i, args.arg(i));
        }
        t.rawset("n", LuaValue.valueOf(n));
        return t;
    }

    private Varargs unpack(Varargs args) {
        LuaTable t = LuaArgs.table(args, 1, "unpack");
        long i = LuaArgs.optInteger(args, 2, "unpack", 1);
        long j = args.arg(3).isnil() ? LuaJitTables.length(t) : LuaArgs.integer(args, 3, "unpack");
        if (i > j) {
            return LuaValue.NONE;
        }
        long n = j - i + 1;
        if (n <= 0 || n >= LuaStrings.MAX_RESULTS) {
            throw new LuaError("too many results to unpack");
        }
        budget.allocate(8 * n);
        LuaValue[] values = new LuaValue[(int) n];
        for (int k = 0; k < n; k++) {
            values[k] = t.rawget(LuaValue.valueOf((double) (i + k)));
        }
        return LuaValue.varargsOf(values);
    }
}
