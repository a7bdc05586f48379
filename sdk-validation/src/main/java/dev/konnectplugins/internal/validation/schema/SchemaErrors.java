package dev.konnectplugins.internal.validation.schema;

import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/** Kong's nested errors table, as the list of its messages with the keys that lead to each. */
public final class SchemaErrors {
    /** One message of an errors table and its keys from the top ({@code "@entity"} included). */
    public record Leaf(List<LuaValue> path, String message) {
    }

    /** Every message of {@code errors}, depth first, keys in a stable order (numbers, then strings sorted). */
    public static List<Leaf> leaves(LuaTable errors) {
        List<Leaf> out = new ArrayList<>();
        collect(errors, new ArrayList<>(), out);
        return out;
    }

    private static void collect(LuaValue node, List<LuaValue> path, List<Leaf> out) {
        if (!node.istable()) {
            out.add(new Leaf(List.copyOf(path), Lua.str(node)));
            return;
        }
        List<LuaValue> keys = new ArrayList<>();
        for (Varargs e = node.next(LuaValue.NIL); !e.arg1().isnil(); e = node.next(e.arg1())) {
            keys.add(e.arg1());
        }
        keys.sort((a, b) -> isNumber(a) != isNumber(b) ? (isNumber(a) ? -1 : 1)
                : isNumber(a) ? Double.compare(a.todouble(), b.todouble()) : a.tojstring().compareTo(b.tojstring()));
        for (LuaValue key : keys) {
            path.add(key);
            collect(node.rawget(key), path, out);
            path.remove(path.size() - 1);
        }
    }

    private static boolean isNumber(LuaValue v) {
        return v.type() == LuaValue.TNUMBER;
    }

    private SchemaErrors() {
    }
}
