package dev.konnectplugins.internal.validation.resolve;

import dev.konnectplugins.internal.validation.lua.PreparedSource;
import dev.konnectplugins.internal.validation.lua.SourcePosition;
import dev.konnectplugins.internal.validation.lua.SourceRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.Lua;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.ast.Exp;
import org.luaj.vm2.ast.TableField;

/**
 * Which value of a key given twice in one table constructor LuaJIT keeps. Its compiler puts every field whose key
 * and value are constants into a template table, which is copied first, and stores the other fields afterwards in
 * source order (lj_parse.c {@code expr_table}): a computed value wins over a constant whatever their order. luaj
 * stores every field in source order, so the last one wins. The constant fields after a key's last computed value
 * are the ones luaj would wrongly keep; leaving them out of the evaluated source makes luaj build LuaJIT's table
 * (they have no side effects). Only keyed fields with a constant key are followed, not list items.
 */
final class TableTemplate {
    private record Entry(TableField field, boolean constant) {
    }

    private final PreparedSource prepared;
    private final Map<LuaValue, List<Entry>> byKey = new LinkedHashMap<>();

    TableTemplate(PreparedSource prepared) {
        this.prepared = prepared;
    }

    /** Records a keyed field, in source order. */
    void add(TableField field) {
        LuaValue key = field.name != null ? LuaValue.valueOf(field.name) : constant(field.index);
        if (key == null || key.isnil()) {
            return;
        }
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Entry(field, constant(field.rhs) != null));
    }

    /** The constant fields that LuaJIT's template puts under a computed value of the same key. */
    List<SourceRange> overriddenConstants() {
        List<SourceRange> overridden = new ArrayList<>();
        for (List<Entry> entries : byKey.values()) {
            int lastComputed = -1;
            for (int i = 0; i < entries.size(); i++) {
                if (!entries.get(i).constant()) {
                    lastComputed = i;
                }
            }
            for (int i = lastComputed + 1; lastComputed >= 0 && i < entries.size(); i++) {
                TableField f = entries.get(i).field();
                overridden.add(new SourceRange(new SourcePosition(f.beginLine, f.beginColumn & 0xFFFF),
                        new SourcePosition(f.endLine, f.endColumn & 0xFFFF)));
            }
        }
        return overridden;
    }

    /**
     * The value of an expression LuaJIT's parser makes a constant (a literal, or what it folds: a negated non-zero
     * number, {@code not} of a constant, arithmetic on numbers that gives neither NaN nor -0), else null.
     */
    private LuaValue constant(Exp e) {
        if (e instanceof Exp.Constant c) {
            boolean cdata = c.value.type() == LuaValue.TNUMBER && prepared.isCdataLiteral(new SourcePosition(c.endLine, c.endColumn));
            return cdata ? null : c.value;
        }
        if (e instanceof Exp.ParensExp p) {
            return constant(p.exp);
        }
        if (e instanceof Exp.UnopExp u) {
            return unop(u.op, constant(u.rhs));
        }
        if (e instanceof Exp.BinopExp b) {
            return arithmetic(b.op, constant(b.lhs), constant(b.rhs));
        }
        return null;
    }

    private static LuaValue unop(int op, LuaValue operand) {
        if (operand == null) {
            return null;
        }
        if (op == Lua.OP_NOT) {
            return LuaValue.valueOf(!operand.toboolean());
        }
        boolean number = operand.type() == LuaValue.TNUMBER;
        return op == Lua.OP_UNM && number && operand.todouble() != 0 ? LuaValue.valueOf(-operand.todouble()) : null;
    }

    private static LuaValue arithmetic(int op, LuaValue a, LuaValue b) {
        if (a == null || b == null || a.type() != LuaValue.TNUMBER || b.type() != LuaValue.TNUMBER) {
            return null;
        }
        double x = a.todouble();
        double y = b.todouble();
        double r;
        switch (op) {
            case Lua.OP_ADD -> r = x + y;
            case Lua.OP_SUB -> r = x - y;
            case Lua.OP_MUL -> r = x * y;
            case Lua.OP_DIV -> r = x / y;
            case Lua.OP_MOD -> r = x - Math.floor(x / y) * y;
            case Lua.OP_POW -> r = Math.pow(x, y);
            default -> {
                return null;
            }
        }
        boolean negativeZero = r == 0 && 1 / r < 0;
        return Double.isNaN(r) || negativeZero ? null : LuaValue.valueOf(r);
    }
}
