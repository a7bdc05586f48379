package dev.konnectplugins.internal.validation.lua;

/**
 * The syntax levels and operator runs of LuaJIT's parser, counted token by token by the {@link LuaDialect} lexer
 * (which has no parser): a block, bracket or function opens a level, an unary operator holds one until its operand
 * ends, and the operators of one expression are counted until it ends.
 */
final class SyntaxLevels {
    /**
     * LuaJIT's LJ_MAX_XLEVEL (200) as the Kong oracle measures it: 198 nested blocks compile, 199 do not; an
     * expression adds a level of its own, so 197 nested brackets or unary operators compile, 198 do not.
     */
    static final int MAX_NESTING = 198;
    /** Above this many operators in one expression luaj's AST parser turns quadratic (seconds at ~5,000). */
    static final int MAX_OPERATOR_RUN = 400;

    private int depth;
    private final int[] operatorRuns = new int[MAX_NESTING + 8];
    /** Unary operators waiting for their operand, per depth, and their sum: each is a syntax level. */
    private final int[] unaryRuns = new int[MAX_NESTING + 8];
    private int unaryTotal;
    private boolean lastWasOperand;
    /** Between if/elseif and then: the condition, which LuaJIT reads before the block's level. */
    private boolean condition;

    /** A block, bracket or function opens; false when that is more levels than LuaJIT allows. */
    boolean open(boolean bracket) {
        depth++;
        if (depth + unaryTotal + (bracket ? 1 : 0) > MAX_NESTING) {
            return false;
        }
        operatorRuns[depth] = 0;
        lastWasOperand = false;
        return true;
    }

    void close() {
        clearUnary();
        if (depth > 0) {
            depth--;
        }
    }

    /** {@code end} or {@code until}: the block closes and so does the expression that was running in it. */
    void endBlock() {
        close();
        operatorRuns[Math.min(depth, operatorRuns.length - 1)] = 0;
    }

    /** A unary operator: one more syntax level until its operand ends; false when that is too many. */
    boolean unary() {
        operator();
        unaryRuns[depth]++;
        unaryTotal++;
        return depth + unaryTotal + 1 <= MAX_NESTING;
    }

    /** A binary operator. */
    void operator() {
        lastWasOperand = false;
        operatorRuns[depth]++;
    }

    /** The operators of the expression running at the current level. */
    int operatorRun() {
        return operatorRuns[depth];
    }

    /**
     * A name, literal or closing bracket; false when its expression is one level too many. An expression is a syntax
     * level of its own (LuaJIT's expr_binop), also inside nested blocks: 197 nested blocks around
     * {@code local z = 1} compile, 198 do not. An if's condition is read before its block opens.
     */
    boolean operand() {
        boolean fits = depth - (condition ? 1 : 0) + unaryTotal + 1 <= MAX_NESTING;
        clearUnary();
        if (lastWasOperand) {
            // Two operands in a row start a new statement: the expression before has ended.
            operatorRuns[depth] = 0;
        }
        lastWasOperand = true;
        return fits;
    }

    /** {@code if} or {@code elseif} (true) or {@code then} (false): whether a condition is being read. */
    void condition(boolean reading) {
        condition = reading;
    }

    /** Whether the last token ended an operand (so {@code -} is binary there). */
    boolean afterOperand() {
        return lastWasOperand;
    }

    /** A token that ends the expression: a keyword, {@code ,}, {@code ;}, {@code =}. */
    void resetExpression() {
        clearUnary();
        operatorRuns[depth] = 0;
        lastWasOperand = false;
    }

    private void clearUnary() {
        unaryTotal -= unaryRuns[depth];
        unaryRuns[depth] = 0;
    }
}
