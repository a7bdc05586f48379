package dev.konnectplugins.internal.validation.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The {@code coroutine} library of one evaluation. luaj runs a coroutine on a Java thread of its own; luaj's library
 * turns any failure inside one into a Lua error (so running out of budget inside a coroutine let a plugin pass),
 * shares its state between all Globals of the JVM, and leaves suspended coroutines' threads waiting for the garbage
 * collector. Here each coroutine runs under the evaluation's budget with its own call stack; a limit hit inside one
 * ends the whole evaluation; at most {@link Limit#COROUTINES} are alive at once; and {@link #close} ends every
 * thread before the evaluation returns, so nothing a plugin starts outlives its validation.
 */
final class Coroutines {
    private static final long STACK_BYTES = 64L << 20;
    private static final long CLOSE_WAIT_MILLIS = 5_000;
    private static final String[] NAMES = {"create", "resume", "running", "status", "wrap", "yield"};
    /**
     * What a resume (and the yield back) costs in instructions. It is two hand-overs between Java threads, 5 to 20
     * microseconds here against 10 to 20 nanoseconds for a Lua instruction; charged at that price, a plugin that
     * only switches coroutines meets the deterministic instruction limit (at 100,000 switches, a second or two)
     * instead of the wall-clock one, whose verdict would depend on the machine's load.
     */
    private static final long SWITCH_STEPS = 1_000;

    private final ExecutionBudget budget;
    private final Runnable threadSetup;
    private final List<Coroutine> alive = new ArrayList<>();
    private final Coroutine main = new Coroutine(LuaValue.NIL);
    private Coroutine current = main;

    /** @param threadSetup run first on each coroutine's thread (it binds the evaluation's string metatable) */
    private Coroutines(ExecutionBudget budget, Runnable threadSetup) {
        this.budget = budget;
        this.threadSetup = threadSetup;
        main.status = Status.RUNNING;
    }

    /** A fresh library; put its {@link #table()} into the environment and {@link #close} it when done. */
    static Coroutines create(ExecutionBudget budget, Runnable threadSetup) {
        return new Coroutines(budget, threadSetup);
    }

    LuaTable table() {
        LuaTable table = new LuaTable();
        for (String name : NAMES) {
            table.rawset(name, new Function(name));
        }
        return table;
    }

    /** Ends every coroutine thread still waiting to be resumed, and waits for them to finish. */
    void close() {
        List<Coroutine> remaining;
        synchronized (alive) {
            remaining = new ArrayList<>(alive);
            alive.clear();
        }
        for (Coroutine co : remaining) {
            try {
                co.toCoroutine.offer(Transfer.CLOSE, CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                co.thread.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (co.thread.isAlive()) {
                co.thread.interrupt();
            }
        }
    }

    private final class Function extends VarArgFunction {
        Function(String name) {
            this.name = name;
        }

        @Override
        public Varargs invoke(Varargs args) {
            return switch (name) {
                case "create" -> create(args);
                case "resume" -> resume(coroutine(args, "resume"), args.subargs(2));
                case "running" -> LuaValue.varargsOf(current, LuaValue.valueOf(current == main));
                case "status" -> LuaValue.valueOf(coroutine(args, "status").status.text);
                case "wrap" -> wrap(create(args));
                case "yield" -> suspend(args);
                default -> throw new IllegalStateException(name);
            };
        }
    }

    private Coroutine create(Varargs args) {
        if (!args.arg1().isfunction()) {
            throw LuaArgs.bad(args, 1, "create", "function");
        }
        budget.allocate(256);
        return new Coroutine(args.arg1());
    }

    private static Coroutine coroutine(Varargs args, String function) {
        if (!(args.arg1() instanceof Coroutine co)) {
            throw LuaArgs.bad(args, 1, function, "coroutine");
        }
        return co;
    }

    private LuaValue wrap(Coroutine co) {
        return new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                Varargs result = resume(co, args);
                if (!result.arg1().toboolean()) {
                    throw new LuaError(result.arg(2));
                }
                return result.subargs(2);
            }
        };
    }

    /** Runs {@code co} until it yields, returns or fails; a limit hit inside it is rethrown here. */
    private Varargs resume(Coroutine co, Varargs args) {
        if (co.status != Status.SUSPENDED) {
            return LuaValue.varargsOf(LuaValue.FALSE, LuaValue.valueOf("cannot resume "
                    + (co.status == Status.DEAD ? "dead" : "non-suspended") + " coroutine"));
        }
        budget.step(SWITCH_STEPS);
        if (co.thread == null) {
            start(co);
        }
        Coroutine resumer = current;
        resumer.status = Status.NORMAL;
        co.status = Status.RUNNING;
        current = co;
        ExecutionBudget.CallStack resumerStack = budget.switchTo(co.stack);
        Transfer outcome;
        try {
            co.toCoroutine.put(new Transfer(Transfer.Kind.RESUME, args, null));
            outcome = co.toResumer.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw budget.exceeded(Limit.TIME);
        } finally {
            budget.switchTo(resumerStack);
            current = resumer;
            resumer.status = Status.RUNNING;
        }
        if (outcome.kind() == Transfer.Kind.YIELD) {
            co.status = Status.SUSPENDED;
            return LuaValue.varargsOf(LuaValue.TRUE, outcome.values());
        }
        co.status = Status.DEAD;
        synchronized (alive) {
            alive.remove(co);
        }
        return switch (outcome.kind()) {
            case RETURN -> LuaValue.varargsOf(LuaValue.TRUE, outcome.values());
            case ERROR -> LuaValue.varargsOf(LuaValue.FALSE, outcome.values());
            default -> throw rethrow(outcome.failure());
        };
    }

    private Error rethrow(Error failure) {
        if (failure instanceof LimitExceeded exceeded && exceeded.line() == 0) {
            // The coroutine's own frames were gone (a tail call): point at the resume instead.
            return budget.exceeded(exceeded.limit());
        }
        if (failure instanceof OutOfMemoryError) {
            return budget.exceeded(Limit.MEMORY);
        }
        if (failure instanceof StackOverflowError) {
            return budget.exceeded(Limit.DEPTH);
        }
        return failure;
    }

    private void start(Coroutine co) {
        synchronized (alive) {
            if (alive.size() >= Limit.COROUTINES.value()) {
                throw budget.exceeded(Limit.COROUTINES);
            }
            alive.add(co);
        }
        co.thread = new Thread(null, () -> run(co), "konnect-plugins-coroutine", STACK_BYTES);
        co.thread.setDaemon(true);
        co.thread.start();
    }

    /** The body of a coroutine's thread: run the function, report how it ended to whoever resumed it last. */
    private void run(Coroutine co) {
        threadSetup.run();
        Transfer outcome;
        try {
            Transfer first = co.toCoroutine.take();
            if (first.kind() == Transfer.Kind.CLOSE) {
                return;
            }
            outcome = new Transfer(Transfer.Kind.RETURN, co.function.invoke(first.values()), null);
        } catch (Closed | InterruptedException e) {
            return; // closed while suspended: nobody waits for an answer
        } catch (LuaError e) {
            LuaValue message = e.getMessageObject();
            outcome = new Transfer(Transfer.Kind.ERROR, message == null ? LuaValue.NIL : message, null);
        } catch (Exception e) {
            outcome = new Transfer(Transfer.Kind.ERROR, LuaValue.valueOf(String.valueOf(e.getMessage())), null);
        } catch (Error e) {
            outcome = new Transfer(Transfer.Kind.FATAL, LuaValue.NONE, e);
        }
        try {
            co.toResumer.put(outcome);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called on the running coroutine's thread: hands {@code args} to the resumer and waits to be resumed. */
    private Varargs suspend(Varargs args) {
        Coroutine co = current;
        if (co == main) {
            throw new LuaError("attempt to yield from outside a coroutine");
        }
        try {
            co.toResumer.put(new Transfer(Transfer.Kind.YIELD, args, null));
            Transfer next = co.toCoroutine.take();
            if (next.kind() == Transfer.Kind.CLOSE) {
                throw new Closed();
            }
            return next.values();
        } catch (InterruptedException e) {
            throw new Closed();
        }
    }

    private enum Status {
        SUSPENDED("suspended"), RUNNING("running"), NORMAL("normal"), DEAD("dead");

        final String text;

        Status(String text) {
            this.text = text;
        }
    }

    /** What passes between a coroutine's thread and its resumer's. */
    private record Transfer(Kind kind, Varargs values, Error failure) {
        static final Transfer CLOSE = new Transfer(Kind.CLOSE, LuaValue.NONE, null);

        enum Kind { RESUME, CLOSE, YIELD, RETURN, ERROR, FATAL }
    }

    /** A Lua coroutine: a value of type "thread". */
    private static final class Coroutine extends LuaValue {
        final LuaValue function;
        final ExecutionBudget.CallStack stack = new ExecutionBudget.CallStack();
        final SynchronousQueue<Transfer> toCoroutine = new SynchronousQueue<>();
        final SynchronousQueue<Transfer> toResumer = new SynchronousQueue<>();
        volatile Status status = Status.SUSPENDED;
        Thread thread;

        Coroutine(LuaValue function) {
            this.function = function;
        }

        @Override
        public int type() {
            return TTHREAD;
        }

        @Override
        public String typename() {
            return "thread";
        }

        @Override
        public String tojstring() {
            return "thread: 0x" + Integer.toHexString(System.identityHashCode(this));
        }
    }

    /** Unwinds a suspended coroutine's thread when its evaluation ends; an Error, so pcall cannot catch it. */
    private static final class Closed extends Error {
        private static final long serialVersionUID = 1L;

        Closed() {
            super("coroutine closed", null, false, false);
        }
    }
}
