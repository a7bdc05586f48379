package dev.konnectplugins.internal.validation.resolve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.ast.Chunk;
import org.luaj.vm2.ast.Exp;
import org.luaj.vm2.ast.FuncBody;
import org.luaj.vm2.ast.Stat;
import org.luaj.vm2.ast.TableField;
import org.luaj.vm2.ast.Visitor;

/**
 * The functions of a chunk that no path can call: a local function whose name nothing outside its own body reads
 * ({@code local function unused() ... end}), and a member function ({@code function H.new() ... end},
 * {@code H.new = function() ... end}) whose key is not one Kong calls (a phase, a schema callback, a metamethod) and
 * is never written anywhere else in the chunk (as a field, a method name or a string). A read from inside such a
 * function does not count, so a helper only dead code calls is dead too. Over-approximated references keep it safe:
 * any other local or field of the same name counts, and a table indexed with a computed key or handed to
 * {@code pairs}/{@code next} keeps its members. What such a function reaches never runs in Kong's sandbox, so
 * it is no sandbox finding (issue 18: dead code is not an error).
 */
public final class UncalledFunctions {
    /** Keys Kong itself calls on a handler or a schema table. */
    private static final Set<String> CALLED_BY_KONG = Set.of("init_worker", "configure", "certificate", "rewrite",
            "access", "response", "header_filter", "body_filter", "log", "preread", "ws_handshake",
            "ws_client_frame", "ws_upstream_frame", "ws_close", "custom_validator", "func", "fn",
            "reverse_mapping_function");

    private record Definition(String key, boolean member, String table) {
    }

    private record Reference(String key, List<FuncBody> enclosing) {
    }

    private final Map<FuncBody, Definition> definitions = new IdentityHashMap<>();
    /** Member functions defined by main-chunk statements, in order: a later one of the same key replaces them. */
    private final List<Map.Entry<String, FuncBody>> topLevelMembers = new ArrayList<>();
    private final List<Reference> names = new ArrayList<>();
    private final List<Reference> keys = new ArrayList<>();
    private final Set<String> iterated = new HashSet<>();
    private boolean computedIndex;

    private UncalledFunctions() {
    }

    /** The bodies of the chunk's functions that no path can call. */
    public static Set<FuncBody> of(Chunk chunk) {
        UncalledFunctions u = new UncalledFunctions();
        chunk.accept(u.new Collector());
        return u.solve();
    }

    private Set<FuncBody> solve() {
        Set<FuncBody> dead = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<FuncBody, Definition> e : definitions.entrySet()) {
            Definition d = e.getValue();
            boolean candidate = !d.member || !computedIndex && !CALLED_BY_KONG.contains(d.key)
                    && !d.key.startsWith("__") && !iterated.contains(d.table);
            if (candidate) {
                dead.add(e.getKey());
            }
        }
        // function H:access() defined twice at the top level: the first is replaced before Kong can call it
        // (unless the key is read in between, which the references below keep)
        for (int i = 0; i < topLevelMembers.size(); i++) {
            FuncBody first = topLevelMembers.get(i).getValue();
            for (int j = i + 1; j < topLevelMembers.size(); j++) {
                if (topLevelMembers.get(i).getKey().equals(topLevelMembers.get(j).getKey()) && !computedIndex
                        && !iterated.contains(definitions.get(first).table)) {
                    dead.add(first);
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (FuncBody body : new ArrayList<>(dead)) {
                Definition d = definitions.get(body);
                if (referenced(d.member ? keys : names, d.key, body, dead)) {
                    dead.remove(body);
                    changed = true;
                }
            }
        }
        return dead;
    }

    private static boolean referenced(List<Reference> refs, String key, FuncBody self, Set<FuncBody> dead) {
        for (Reference r : refs) {
            if (r.key.equals(key) && r.enclosing.stream().noneMatch(b -> b == self || dead.contains(b))) {
                return true;
            }
        }
        return false;
    }

    /** Walks the whole chunk, recording definitions and every read of a name or key. */
    private final class Collector extends Visitor {
        private final Deque<FuncBody> enclosing = new ArrayDeque<>();
        /** Blocks entered inside the main chunk (a definition in a branch may not run). */
        private int depth;

        @Override
        public void visit(org.luaj.vm2.ast.Block block) {
            boolean main = enclosing.isEmpty() && !inMain;
            if (main) {
                inMain = true;
                super.visit(block);
                inMain = false;
                return;
            }
            depth++;
            super.visit(block);
            depth--;
        }

        private boolean inMain;

        private List<FuncBody> where() {
            return new ArrayList<>(enclosing);
        }

        @Override
        public void visit(FuncBody body) {
            enclosing.push(body);
            super.visit(body);
            enclosing.pop();
        }

        @Override
        public void visit(Stat.LocalFuncDef s) {
            definitions.put(s.body, new Definition(s.name.name, false, null));
            super.visit(s);
        }

        @Override
        public void visit(Stat.LocalAssign s) {
            if (s.names != null && s.values != null && s.names.size() == 1 && s.values.size() == 1
                    && s.values.get(0) instanceof Exp.AnonFuncDef f) {
                definitions.put(f.body, new Definition(((org.luaj.vm2.ast.Name) s.names.get(0)).name, false, null));
            }
            super.visit(s);
        }

        @Override
        public void visit(Stat.FuncDef s) {
            if (s.name.method != null || s.name.dots != null && !s.name.dots.isEmpty()) {
                List<?> dots = s.name.dots == null ? List.of() : s.name.dots;
                String key = s.name.method != null ? s.name.method : (String) dots.get(dots.size() - 1);
                definitions.put(s.body, new Definition(key, true, s.name.name.name));
                if (enclosing.isEmpty() && depth == 0) {
                    topLevelMembers.add(Map.entry(s.name.name.name + "." + key, s.body));
                }
                names.add(new Reference(s.name.name.name, where()));
                for (int i = 0; i < dots.size() - (s.name.method != null ? 0 : 1); i++) {
                    keys.add(new Reference((String) dots.get(i), where()));
                }
            } else {
                names.add(new Reference(s.name.name.name, where()));
            }
            s.body.accept(this);
        }

        @Override
        public void visit(Stat.Assign s) {
            if (s.vars != null && s.exps != null && s.vars.size() == 1 && s.exps.size() == 1
                    && s.vars.get(0) instanceof Exp.FieldExp field && s.exps.get(0) instanceof Exp.AnonFuncDef f
                    && field.lhs instanceof Exp.NameExp table) {
                definitions.put(f.body, new Definition(field.name.name, true, table.name.name));
                field.lhs.accept(this);
                f.accept(this);
                return;
            }
            super.visit(s);
        }

        @Override
        public void visit(Exp.NameExp e) {
            names.add(new Reference(e.name.name, where()));
            super.visit(e);
        }

        @Override
        public void visit(Exp.FieldExp e) {
            if (!ofKongOrNgx(e.lhs)) {
                keys.add(new Reference(e.name.name, where()));
            }
            super.visit(e);
        }

        @Override
        public void visit(Exp.MethodCall e) {
            if (!ofKongOrNgx(e.lhs)) {
                keys.add(new Reference(e.name, where()));
            }
            super.visit(e);
        }

        /** kong.log, ngx.ctx.x: members of the PDK, never of the plugin's own tables (the sandbox protects them). */
        private static boolean ofKongOrNgx(Exp object) {
            Exp base = object;
            while (base instanceof Exp.FieldExp f) {
                base = f.lhs;
            }
            return base instanceof Exp.NameExp n && (n.name.name.equals("kong") || n.name.name.equals("ngx"));
        }

        @Override
        public void visit(Exp.IndexExp e) {
            if (!(e.exp instanceof Exp.Constant)) {
                computedIndex = true;
            }
            super.visit(e);
        }

        @Override
        public void visit(Exp.Constant e) {
            if (e.value.type() == LuaValue.TSTRING) {
                keys.add(new Reference(e.value.tojstring(), where()));
            }
            super.visit(e);
        }

        @Override
        public void visit(TableField f) {
            if (f.name != null) {
                keys.add(new Reference(f.name, where()));
            }
            super.visit(f);
        }

        @Override
        public void visit(Exp.FuncCall e) {
            if (e.lhs instanceof Exp.NameExp fn && (fn.name.name.equals("pairs") || fn.name.name.equals("next"))
                    && e.args != null && e.args.exps != null && !e.args.exps.isEmpty()
                    && e.args.exps.get(0) instanceof Exp.NameExp table) {
                iterated.add(table.name.name);
            }
            super.visit(e);
        }
    }
}
