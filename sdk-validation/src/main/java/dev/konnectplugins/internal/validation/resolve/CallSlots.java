package dev.konnectplugins.internal.validation.resolve;

import java.util.List;
import org.luaj.vm2.ast.Exp;
import org.luaj.vm2.ast.FuncArgs;
import org.luaj.vm2.ast.TableConstructor;
import org.luaj.vm2.ast.TableField;

/**
 * How many stack slots LuaJIT's compiler needs for an expression of nested calls, such as {@code f(g(h(x)))}: each
 * call puts its function in the next free slot, keeps one more for the frame (LuaJIT 2.1's two-slot frames) and
 * its arguments after that, one slot each, with {@code self} first for a method call; a table constructor takes one
 * slot and evaluates its computed values in the next (constants go into its template). A function has at most
 * 250 slots (LJ_MAX_SLOTS, the limit the checks hold); past them LuaJIT refuses the file ("function or expression
 * too complex"). Only calls, parentheses and table constructors are followed; any other expression counts one slot,
 * so the count never exceeds LuaJIT's (measured with the Kong oracle: 122 nested one-argument calls compile after
 * three locals, 123 do not).
 */
final class CallSlots {
    /** The function and the frame slot a call reserves before its arguments. */
    private static final int CALL_HEADER = 2;

    private CallSlots() {
    }

    /** The frame size evaluating {@code e} into slot {@code base} needs. */
    static int needed(Exp e, int base) {
        if (e instanceof Exp.MethodCall m) {
            return Math.max(needed(m.lhs, base), arguments(m.args, base + CALL_HEADER + 1));
        }
        if (e instanceof Exp.FuncCall call) {
            return Math.max(needed(call.lhs, base), arguments(call.args, base + CALL_HEADER));
        }
        if (e instanceof Exp.ParensExp p) {
            return needed(p.exp, base);
        }
        if (e instanceof TableConstructor t) {
            return table(t, base);
        }
        return base + 1;
    }

    private static int arguments(FuncArgs args, int first) {
        List<?> exps = args == null ? null : args.exps;
        int size = first;
        if (exps != null) {
            for (int i = 0; i < exps.size(); i++) {
                size = Math.max(size, needed((Exp) exps.get(i), first + i));
            }
        }
        return size;
    }

    private static int table(TableConstructor t, int base) {
        int size = base + 1;
        if (t.fields != null) {
            for (Object o : t.fields) {
                Exp value = ((TableField) o).rhs;
                // A constant goes into the table's template, not into a slot.
                size = value instanceof Exp.Constant ? size : Math.max(size, needed(value, base + 1));
            }
        }
        return size;
    }
}
