package dev.konnectplugins.internal.validation.sandbox;

import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseMathLib;
import org.luaj.vm2.lib.jse.JseOsLib;

/**
 * The environment of one evaluation, made fresh each time so that nothing a plugin changes is seen by another: one
 * luaj Globals holds the libraries (with the sandbox's budgeted string, table, coroutine and base functions) while
 * {@code sandbox-prelude.lua} reads them, and then becomes the plugin's environment, holding the allowlisted names
 * only (put there from Java, with the prelude's values, then completed by the prelude). Library functions, the prelude's functions and the plugin's code therefore share one
 * Globals: one budget and one "running thread" (which xpcall's handler needs).
 */
final class Sandbox {
    private static final Prototype PRELUDE = SandboxPrelude.load();
    /**
     * The allowlisted names and modules per kind, made once: only the set-up reads them (plugin code cannot reach
     * them), and reading a luaj table or string changes nothing, so evaluations on many threads can share them.
     */
    private static final Map<Kind, List<Name>> NAMES = byKind(Sandbox::names);
    private static final Map<Kind, LuaTable> REQUIRES = byKind(Sandbox::requires);
    /**
     * Room for the prelude's {@code source} table (some 300 library values by dotted name), made here at its size:
     * a luaj table grows by rehashing every entry, which was a quarter of a sandbox's set-up.
     */
    private static final int SOURCE_CAPACITY = 512;
    private static final LuaString HANDLER = LuaString.valueOf("handler");
    private static final LuaString SCHEMA = LuaString.valueOf("schema");

    private final Globals globals;
    private final LuaTable strings;
    private final Coroutines coroutines;
    private final LuaValue exact;

    private Sandbox(Globals globals, LuaTable strings, Coroutines coroutines, LuaValue exact) {
        this.globals = globals;
        this.strings = strings;
        this.coroutines = coroutines;
        this.exact = exact;
    }

    /** A fresh environment for a file of {@code kind}, charging {@code budget} once {@link #start}ed. */
    static Sandbox create(Kind kind, ExecutionBudget budget) {
        Globals globals = new Globals();
        globals.load(new BaseLib());
        globals.load(new PackageLib());
        globals.load(new TableLib());
        globals.load(new JseMathLib());
        globals.load(new JseOsLib());
        LuaTable strings = LuaStrings.library(budget);
        globals.rawset("string", strings);
        Coroutines coroutines = Coroutines.create(budget, () -> StringMetatable.bind(strings));
        globals.rawset("coroutine", coroutines.table());
        globals.rawset("bit", LuaBit.library());
        LuaTables.install(globals, budget);
        LuaBase.install(globals, budget);
        LuaMath.install((LuaTable) globals.rawget("math"));
        LuaRandom.install((LuaTable) globals.rawget("math"));
        LuaDate.install((LuaTable) globals.rawget("os"), budget);
        markLibraryErrors(globals);
        StringMetatable.bind(strings);
        globals.rawset("NGX_NULL", NgxNull.VALUE);
        globals.rawset("KONG_TYPEDEFS", KongTypedefs.loader());
        globals.rawset("SOURCE_TABLE", new LuaTable(0, SOURCE_CAPACITY));
        Varargs prelude = new LuaClosure(PRELUDE, globals).invoke(LuaValue.NONE);
        clear(globals);
        include(globals, NAMES.get(kind), prelude.checktable(2), prelude.arg(3));
        LuaValue exact = prelude.arg1().invoke(LuaValue.varargsOf(globals, kind == Kind.HANDLER ? HANDLER : SCHEMA,
                REQUIRES.get(kind))).arg1();
        markPreludeLibraryErrors(globals);
        return new Sandbox(globals, strings, coroutines, exact);
    }

    /** The environment the plugin's chunk runs in. */
    Globals globals() {
        return globals;
    }

    /** From now on every instruction and library call on this thread is charged to {@code budget}. */
    void start(ExecutionBudget budget) {
        StringMetatable.bind(strings);
        globals.debuglib = budget;
    }

    /**
     * Stops charging the evaluation's budget, so that the rules may read the results even when it ran out; what the
     * Lua code still runs for them (a stand-in's metamethod) is charged to the rule checks' budget.
     */
    void stop() {
        globals.debuglib = Watchdog.current().rules();
    }

    /** Whether the run touched nothing the validator only stubs (call after {@link #stop}). */
    boolean exact() {
        return exact.call().toboolean();
    }

    /** Ends what the plugin started (coroutine threads) and unbinds this thread. */
    void close() {
        stop();
        coroutines.close();
        StringMetatable.unbind();
    }

    /** Initialises this class (its prelude and allowlists) and Kong's typedefs. */
    static void prepare() {
        KongTypedefs.all();
    }

    /**
     * Marks the errors of luaj's own library functions whose argument checks are LuaJIT's, leaving out those that run
     * plugin code or raise the plugin's own errors (pcall, error, coroutine.resume...).
     */
    private static void markLibraryErrors(Globals globals) {
        LibraryError.mark(globals, "ipairs", "pairs", "next", "select", "tonumber", "tostring", "type", "rawget",
                "rawset", "rawequal", "rawlen", "setmetatable", "getmetatable");
        LuaTable math = (LuaTable) globals.rawget("math");
        LibraryError.mark(math, keys(math));
        LibraryError.mark((LuaTable) globals.rawget("os"), "time", "difftime");
        LibraryError.mark((LuaTable) globals.rawget("coroutine"), "create", "wrap", "status");
    }

    /** The library functions the prelude writes in Lua (LuaJIT's table.move, os.difftime, os.time checks). */
    private static void markPreludeLibraryErrors(Globals env) {
        if (env.rawget("table") instanceof LuaTable table) {
            LibraryError.mark(table, "move");
        }
        if (env.rawget("os") instanceof LuaTable os) {
            LibraryError.mark(os, "difftime", "time");
        }
    }

    private static String[] keys(LuaTable table) {
        List<String> keys = new ArrayList<>();
        for (Varargs e = table.next(LuaValue.NIL); !e.arg1().isnil(); e = table.next(e.arg1())) {
            keys.add(e.arg1().tojstring());
        }
        return keys.toArray(String[]::new);
    }

    private static void clear(LuaTable table) {
        List<LuaValue> keys = new ArrayList<>();
        for (Varargs e = table.next(LuaValue.NIL); !e.arg1().isnil(); e = table.next(e.arg1())) {
            keys.add(e.arg1());
        }
        for (LuaValue key : keys) {
            table.rawset(key, LuaValue.NIL);
        }
    }

    private static <T> Map<Kind, T> byKind(Function<Kind, T> make) {
        Map<Kind, T> tables = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            tables.put(kind, make.apply(kind));
        }
        return tables;
    }

    /**
     * Puts each allowlisted name in {@code env}, a table per dot ({@code ngx.timer.at} is {@code env.ngx.timer.at}),
     * with the prelude's value for it ({@code source["ngx.timer.at"]}), or {@code stub} when it has none.
     */
    private static void include(LuaTable env, List<Name> names, LuaTable source, LuaValue stub) {
        for (Name name : names) {
            LuaTable node = env;
            for (int i = 0; i < name.parents().size(); i++) {
                LuaString part = name.parents().get(i);
                LuaValue child = node.rawget(part);
                if (child.isnil()) {
                    child = new LuaTable(0, name.parentSizes()[i]);
                    node.rawset(part, child);
                }
                if (!(child instanceof LuaTable table)) {
                    throw new IllegalStateException("The sandbox's allowlist names a member of a non-table: "
                            + name.dotted());
                }
                node = table;
            }
            LuaValue value = source.rawget(name.dotted());
            node.rawset(name.leaf(), value.isnil() ? stub : value);
        }
    }

    /**
     * An allowlisted name split at its dots: ngx.timer.at is parents {ngx, timer}, leaf at. Beside each parent, the
     * number of names it holds (ngx.timer: at, every...), so that its table is made at its size rather than grown.
     */
    private record Name(LuaString dotted, List<LuaString> parents, int[] parentSizes, LuaString leaf) {
    }

    private static List<Name> names(Kind kind) {
        List<String> dotted = SandboxSpec.bundled().names(kind);
        Map<String, Set<String>> members = new HashMap<>(); // a parent's dotted name: the names it holds
        for (String name : dotted) {
            String[] segments = name.split("\\.");
            for (int i = 1; i < segments.length; i++) {
                members.computeIfAbsent(prefix(name, i), parent -> new HashSet<>()).add(segments[i]);
            }
        }
        List<Name> names = new ArrayList<>();
        for (String name : dotted) {
            String[] segments = name.split("\\.");
            List<LuaString> parents = new ArrayList<>();
            int[] sizes = new int[segments.length - 1];
            for (int i = 0; i < segments.length - 1; i++) {
                parents.add(LuaString.valueOf(segments[i]));
                sizes[i] = members.get(prefix(name, i + 1)).size();
            }
            names.add(new Name(LuaString.valueOf(name), List.copyOf(parents), sizes,
                    LuaString.valueOf(segments[segments.length - 1])));
        }
        return List.copyOf(names);
    }

    /** The first {@code count} segments of a dotted name: 2 of ngx.timer.at are ngx.timer. */
    private static String prefix(String name, int count) {
        int end = -1;
        for (int i = 0; i < count; i++) {
            end = name.indexOf('.', end + 1);
        }
        return name.substring(0, end);
    }

    private static LuaTable requires(Kind kind) {
        LuaTable requires = new LuaTable();
        for (String module : SandboxSpec.bundled().requires(kind)) {
            requires.rawset(module, LuaValue.TRUE);
        }
        return requires;
    }
}
