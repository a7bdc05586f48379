package dev.konnectplugins.internal.validation.sandbox;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * The wall clock of one validation, and the budget of its rule checks. The caller waits for the validation only
 * until the deadline, then {@link #abandon}s it; Java cannot stop a thread, so every long path of the validation
 * (each Lua instruction and library step through {@link ExecutionBudget}, each rule check through {@link #charge})
 * reads this watchdog and throws {@link LimitExceeded} once it is abandoned or past its deadline.
 *
 * <p>The rule checks (a schema default matched against its own {@code match} pattern, a value looked up in a
 * {@code one_of} list of millions) work on data the plugin built, so they are charged to an instruction and memory
 * budget of their own, with the evaluation's limits, before they do the work.
 *
 * <p>The validation's thread finds its watchdog through {@link #current}; the coroutine threads of an evaluation
 * reach it through the evaluation's budget.
 */
public final class Watchdog {
    private static final ThreadLocal<Watchdog> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;
    private volatile boolean abandoned;
    /** Bytes charged by the validation's budgets; each budget runs on one thread at a time, all in turn. */
    private long memory;
    /** The budget of the rule checks, made on first use (by the validation's thread only). */
    private ExecutionBudget rules;
    private LuaValue match;

    /** A watchdog whose deadline is {@code wallClockMillis} from now. */
    public Watchdog(long wallClockMillis) {
        this.deadlineNanos = System.nanoTime() + Math.max(0, wallClockMillis) * 1_000_000L;
    }

    /**
     * The watchdog of the validation running on this thread; on a thread that runs no validation (a unit test of a
     * rule), a fresh one, so that each check there has the full budget.
     */
    public static Watchdog current() {
        Watchdog watchdog = CURRENT.get();
        return watchdog != null ? watchdog : new Watchdog(Limit.WALL_CLOCK.value());
    }

    /** Makes this the watchdog of the calling thread until {@link #release}. */
    public void install() {
        CURRENT.set(this);
    }

    /**
     * The calling thread runs no validation any more: neither its watchdog nor the string library of its last
     * evaluation stays bound to it, so a pooled thread starts its next validation with nothing of this one.
     */
    public static void release() {
        CURRENT.remove();
        StringMetatable.unbind();
    }

    /** Tells the validation to stop at its next check: its caller has stopped waiting for it. */
    public void abandon() {
        abandoned = true;
    }

    /** Reserves {@code bytes} of the validation's memory limit; false (nothing reserved) when over it. */
    boolean reserve(long bytes) {
        if (bytes < 0 || bytes > Limit.MEMORY.value() - memory) {
            return false;
        }
        memory += bytes;
        return true;
    }

    /** The error the caller reports for an abandoned validation. */
    public static LimitExceeded expired() {
        return new LimitExceeded(Limit.WALL_CLOCK, 0);
    }

    /** Throws when the validation is abandoned or past its deadline. Cheap: a volatile read and a clock read. */
    void check() {
        if (abandoned || System.nanoTime() - deadlineNanos > 0) {
            throw expired();
        }
    }

    /**
     * Charges {@code units} of rule-check work on plugin data (a comparison, a table entry visited) to the current
     * validation's budget, before the work is done.
     *
     * @throws LimitExceeded past the instruction limit, the deadline, or once the validation is abandoned
     */
    public static void charge(long units) {
        current().rules().step(Math.max(1, units));
    }

    /** Charges {@code bytes} of memory a rule check is about to use for plugin data (a message quoting it). */
    public static void chargeMemory(long bytes) {
        current().rules().allocate(bytes);
    }

    /**
     * Lua's {@code string.match(value, pattern) ~= nil} as LuaJIT computes it, with every step of the (backtracking)
     * matcher charged to the current validation's rule budget.
     */
    public static boolean matches(LuaValue value, LuaValue pattern) {
        Watchdog watchdog = current();
        return !watchdog.stringMatch().call(value, pattern).isnil();
    }

    /** The rule checks' budget; also the hooks of the plugin's code that runs for them. */
    ExecutionBudget rules() {
        if (rules == null) {
            rules = new ExecutionBudget("@schema.lua", this);
        }
        return rules;
    }

    private LuaValue stringMatch() {
        if (match == null) {
            match = LuaStrings.library(rules()).get(LuaString.valueOf("match"));
        }
        return match;
    }
}
