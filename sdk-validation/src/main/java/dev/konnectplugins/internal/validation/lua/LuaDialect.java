package dev.konnectplugins.internal.validation.lua;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;

/**
 * A lexer for the LuaJIT dialect Kong runs (Lua 5.1 + LuaJIT extensions, built with LUA52COMPAT), used before luaj's
 * Lua 5.2 parser. It refuses what LuaJIT refuses and luaj would accept (malformed numbers, bad escapes, too deep
 * nesting) and rewrites, column for column, what LuaJIT accepts and luaj would refuse: a BOM, a shebang line,
 * {@code LL}/{@code ULL}/{@code i} number suffixes, {@code 0b} literals and UTF-8 in identifiers.
 */
public final class LuaDialect {
    /**
     * LuaJIT's LJ_MAX_XLEVEL (200) as the Kong oracle measures it: 198 nested blocks compile, 199 do not; an
     * expression adds a level of its own, so 197 nested brackets or unary operators compile, 198 do not.
     */
    static final int MAX_NESTING = 198;
    /** Above this many operators in one expression luaj's AST parser turns quadratic (seconds at ~5,000). */
    public static final int MAX_OPERATOR_RUN = 400;


    private final String src;
    private final StringBuilder out;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;
    /** Between if/elseif and then: the condition, which LuaJIT reads before the block's level. */
    private boolean condition;
    private int[] operatorRuns = new int[MAX_NESTING + 8];
    /** Unary operators waiting for their operand, per depth, and their sum: each is a syntax level. */
    private int[] unaryRuns = new int[MAX_NESTING + 8];
    private int unaryTotal;
    private boolean lastWasOperand;
    private SourcePosition tooComplex;
    /** Where LL/ULL/i literals end (LuaJIT cdata, not numbers), as {@link SourcePosition#key} of their last digit. */
    private final java.util.Set<Long> cdataLiterals = new java.util.HashSet<>();

    private LuaDialect(String src) {
        this.src = src;
        this.out = new StringBuilder(src);
    }

    /** Checks and rewrites one file's text. Never throws on any input. */
    public static PreparedSource prepare(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        LuaDialect lexer = new LuaDialect(body);
        SyntaxProblem problem;
        try {
            problem = lexer.scan();
        } catch (Problem p) {
            problem = p.problem;
        }
        return new PreparedSource(lexer.out.toString(), problem, lexer.tooComplex, lexer.cdataLiterals);
    }

    private SyntaxProblem scan() {
        if (src.startsWith("#")) {
            // LuaJIT skips a first line starting with '#' (shebang); luaj may not.
            while (pos < src.length() && !isNewline(src.charAt(pos))) {
                out.setCharAt(pos++, ' ');
            }
        }
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (isNewline(c)) {
                newline();
            } else if (c == ' ' || c == '\t' || c == '\f' || c == 0x0B) {
                if (c != ' ' && c != '\t') {
                    out.setCharAt(pos, ' '); // LuaJIT's whitespace; luaj's lexer refuses \f and \v
                }
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                comment();
            } else if (c == '[' && (peek(1) == '[' || peek(1) == '=')) {
                longBracketOrIndex();
            } else if (c == '"' || c == '\'') {
                quotedString(c);
            } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
                number();
            } else if (isIdentStart(c)) {
                identifier();
            } else {
                punctuation(c);
            }
        }
        return null;
    }

    private void comment() {
        pos += 2;
        if (peek(0) == '[') {
            int level = longBracketLevel(pos);
            if (level >= 0) {
                skipLongBracket(level, "unfinished long comment");
                return;
            }
        }
        while (pos < src.length() && !isNewline(src.charAt(pos))) {
            pos++;
        }
    }

    private void longBracketOrIndex() {
        int level = longBracketLevel(pos);
        if (level >= 0) {
            skipLongBracket(level, "unfinished long string");
            operand();
        } else if (peek(1) == '=') {
            throw problemHere("invalid long string delimiter");
        } else {
            punctuation('[');
        }
    }

    /** The level of a long bracket opening at {@code at} ({@code [[} is 0, {@code [==[} is 2), or -1. */
    private int longBracketLevel(int at) {
        int i = at + 1;
        while (i < src.length() && src.charAt(i) == '=') {
            i++;
        }
        return i < src.length() && src.charAt(i) == '[' ? i - at - 1 : -1;
    }

    private void skipLongBracket(int level, String unfinished) {
        int startLine = line;
        int startCol = column();
        pos += level + 2;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ']' && closesLongBracket(level)) {
                pos += level + 2;
                return;
            }
            if (level == 0 && c == '[' && peek(1) == '[') {
                // LuaJIT reads "[[" inside [[...]] as text; luaj refuses it ("nesting of [[...]] is deprecated").
                // Same length; only the text of such a string differs.
                out.setCharAt(pos + 1, ' ');
            }
            if (isNewline(c)) {
                newline();
            } else {
                pos++;
            }
        }
        throw new Problem(new SyntaxProblem(startLine, startCol, unfinished + " (starting here) at end of file"));
    }

    private boolean closesLongBracket(int level) {
        for (int k = 1; k <= level; k++) {
            if (peek(k) != '=') {
                return false;
            }
        }
        return peek(level + 1) == ']';
    }

    private void quotedString(char quote) {
        int startLine = line;
        int startCol = column();
        pos++;
        while (true) {
            if (pos >= src.length() || isNewline(src.charAt(pos))) {
                throw new Problem(new SyntaxProblem(startLine, startCol, "unfinished string"));
            }
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                operand();
                return;
            }
            if (c == '\\') {
                escape();
            } else {
                pos++;
            }
        }
    }

    private void escape() {
        int escLine = line;
        int escCol = column();
        pos++;
        if (pos >= src.length()) {
            throw new Problem(new SyntaxProblem(escLine, escCol, "unfinished string"));
        }
        char e = src.charAt(pos);
        if ("abfnrtv\\\"'".indexOf(e) >= 0) {
            pos++;
        } else if (isNewline(e)) {
            newline();
        } else if (e == 'x') {
            pos++;
            if (!isHexDigit(peek(0)) || !isHexDigit(peek(1))) {
                throw new Problem(new SyntaxProblem(escLine, escCol, "invalid escape sequence: \\x needs two hex digits"));
            }
            pos += 2;
        } else if (e == 'z') {
            pos++;
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                if (isNewline(src.charAt(pos))) {
                    newline();
                } else {
                    pos++;
                }
            }
        } else if (e == 'u') {
            unicodeEscape(escLine, escCol);
        } else if (isDigit(e)) {
            int value = 0;
            for (int k = 0; k < 3 && isDigit(peek(0)); k++) {
                value = value * 10 + (src.charAt(pos++) - '0');
            }
            if (value > 255) {
                throw new Problem(new SyntaxProblem(escLine, escCol, "invalid escape sequence: decimal escape above 255"));
            }
        } else {
            throw new Problem(new SyntaxProblem(escLine, escCol, "invalid escape sequence '\\" + e + "'"));
        }
    }

    private void unicodeEscape(int escLine, int escCol) {
        pos++;
        if (peek(0) != '{') {
            throw new Problem(new SyntaxProblem(escLine, escCol, "invalid escape sequence: \\u needs {hex digits}"));
        }
        pos++;
        long value = 0;
        int digits = 0;
        while (isHexDigit(peek(0))) {
            value = value * 16 + Character.digit(src.charAt(pos++), 16);
            digits++;
            if (value >= 0x110000) {
                throw new Problem(new SyntaxProblem(escLine, escCol, "invalid escape sequence: \\u{...} beyond U+10FFFF"));
            }
        }
        if (digits == 0 || peek(0) != '}') {
            throw new Problem(new SyntaxProblem(escLine, escCol, "invalid escape sequence: \\u needs {hex digits}"));
        }
        if (value >= 0xD800 && value < 0xE000) {
            throw new Problem(new SyntaxProblem(escLine, escCol, "invalid escape sequence: \\u{...} of a UTF-16 "
                    + "surrogate (U+D800 to U+DFFF)"));
        }
        pos++;
    }

    /** Reads a numeral the way LuaJIT's lex_number does (greedy), then checks it like lj_strscan. */
    private void number() {
        int start = pos;
        int col = column();
        char first = src.charAt(pos);
        char exponent = first == '0' && (peek(1) | 0x20) == 'x' ? 'p' : 'e';
        char prev = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            boolean sign = (c == '-' || c == '+') && (prev | 0x20) == exponent;
            if (!(isIdentPart(c) || c == '.' || sign)) {
                break;
            }
            prev = c;
            pos++;
        }
        String token = src.substring(start, pos);
        String rewritten = LuaNumbers.rewrite(token);
        if (rewritten == null) {
            throw new Problem(new SyntaxProblem(line, col, "malformed number near '" + token + "'"));
        }
        out.replace(start, pos, rewritten);
        if (LuaNumbers.isCdata(token)) {
            cdataLiterals.add(SourcePosition.key(line, col + rewritten.stripTrailing().length() - 1));
        }
        operand();
    }

    private void identifier() {
        int start = pos;
        while (pos < src.length() && isIdentPart(src.charAt(pos))) {
            if (src.charAt(pos) > 0x7F) {
                // LuaJIT takes any byte >= 0x80 as part of a name; luaj does not. Same length, same columns.
                out.setCharAt(pos, '_');
            }
            pos++;
        }
        // Keywords are 2 to 8 ASCII lower-case letters: anything else is a name, without building a String.
        int length = pos - start;
        char first = src.charAt(start);
        if (length < 2 || length > 8 || first < 'a' || first > 'w') {
            operand();
            return;
        }
        switch (src.substring(start, pos)) {
            case "if" -> {
                open(false);
                condition = true;
            }
            case "function", "do", "repeat" -> open(false);
            case "elseif" -> {
                resetExpression();
                condition = true;
            }
            case "then" -> {
                resetExpression();
                condition = false;
            }
            case "end", "until" -> {
                close();
                operatorRuns[Math.min(depth, operatorRuns.length - 1)] = 0;
            }
            case "and", "or" -> operator();
            case "not" -> unary();
            case "break", "else", "for", "goto", "in", "local", "return", "while" ->
                    resetExpression();
            default -> operand(); // a name, or nil/true/false
        }
    }

    private void punctuation(char c) {
        switch (c) {
            case '(', '{', '[' -> {
                pos++;
                open(true);
            }
            case ')', '}', ']' -> {
                pos++;
                close();
                operand();
            }
            case ',', ';' -> {
                pos++;
                resetExpression();
            }
            case '=' -> {
                if (peek(1) == '=') {
                    pos += 2;
                    operator();
                } else {
                    pos++;
                    resetExpression();
                }
            }
            case '.' -> {
                int n = peek(1) == '.' ? (peek(2) == '.' ? 3 : 2) : 1;
                pos += n;
                if (n == 2) {
                    operator();
                } else if (n == 3) {
                    operand();
                }
            }
            case ':' -> pos += peek(1) == ':' ? 2 : 1;
            case '-', '#' -> {
                pos++;
                if (lastWasOperand) {
                    operator();
                } else {
                    unary();
                }
            }
            case '+', '*', '/', '%', '^' -> {
                pos++;
                operator();
            }
            case '<', '>', '~' -> {
                pos += peek(1) == '=' ? 2 : 1;
                operator();
            }
            default -> pos++;
        }
    }

    private void open(boolean bracket) {
        depth++;
        if (depth + unaryTotal + (bracket ? 1 : 0) > MAX_NESTING) {
            throw problemHere("chunk has too many syntax levels (LuaJIT allows about 200 nested "
                    + "brackets, blocks and functions); flatten this code");
        }
        operatorRuns[depth] = 0;
        lastWasOperand = false;
    }

    private void close() {
        clearUnary();
        if (depth > 0) {
            depth--;
        }
    }

    /** A unary operator: one more syntax level until its operand ends. */
    private void unary() {
        operator();
        unaryRuns[depth]++;
        unaryTotal++;
        if (depth + unaryTotal + 1 > MAX_NESTING) {
            throw problemHere("chunk has too many syntax levels (LuaJIT allows about 200 nested "
                    + "brackets, blocks, functions and unary operators); flatten this code");
        }
    }

    private void clearUnary() {
        unaryTotal -= unaryRuns[depth];
        unaryRuns[depth] = 0;
    }

    private void operator() {
        lastWasOperand = false;
        if (++operatorRuns[depth] > MAX_OPERATOR_RUN && tooComplex == null) {
            tooComplex = new SourcePosition(line, column() - 1);
        }
    }

    private void operand() {
        // An expression is a syntax level of its own (LuaJIT's expr_binop), also inside nested blocks: 197 nested
        // blocks around "local z = 1" compile, 198 do not. An if's condition is read before its block opens.
        if (depth - (condition ? 1 : 0) + unaryTotal + 1 > MAX_NESTING) {
            throw problemHere("chunk has too many syntax levels (LuaJIT allows about 200 nested "
                    + "brackets, blocks and functions, an expression in them counting as one more); flatten this code");
        }
        clearUnary();
        if (lastWasOperand) {
            // Two operands in a row start a new statement: the expression before has ended.
            operatorRuns[depth] = 0;
        }
        lastWasOperand = true;
    }

    private void resetExpression() {
        clearUnary();
        operatorRuns[depth] = 0;
        lastWasOperand = false;
    }

    private void newline() {
        char c = src.charAt(pos++);
        if (pos < src.length()) {
            char n = src.charAt(pos);
            if (isNewline(n) && n != c) {
                pos++;
            }
        }
        line++;
        lineStart = pos;
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : 0;
    }

    private Problem problemHere(String message) {
        return new Problem(new SyntaxProblem(line, column(), message));
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c > 0x7F;
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    /** Stops the scan at the first problem. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SyntaxProblem problem;

        Problem(SyntaxProblem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }

    /** Lua keywords (LuaJIT with LUA52COMPAT makes goto one). */
    static final class Keywords {
        private static final Set<String> ALL = Set.of("and", "break", "do", "else", "elseif", "end", "false", "for",
                "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true",
                "until", "while");

        static boolean isKeyword(String word) {
            return ALL.contains(word);
        }

        private Keywords() {
        }
    }

    /** LuaJIT numerals: decimal, hex (with hex floats), binary, and the LL/ULL/i suffixes of FFI builds. */
    static final class LuaNumbers {
        private static final java.util.regex.Pattern HEX_INTEGER = java.util.regex.Pattern.compile("[0-9a-f]+");
        private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile(
                "(?:[0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)(?:p[+-]?[0-9]+)?");
        private static final java.util.regex.Pattern DECIMAL_INTEGER = java.util.regex.Pattern.compile("[0-9]+");
        private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile(
                "(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:e[+-]?[0-9]+)?");
        private static final java.util.regex.Pattern BINARY = java.util.regex.Pattern.compile("[01]+");

        private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

        /** Whether LuaJIT reads the numeral as an FFI cdata (int64_t, uint64_t or complex), not a Lua number. */
        static boolean isCdata(String token) {
            String lower = token.toLowerCase(Locale.ROOT);
            return lower.endsWith("ll") || lower.endsWith("llu") || lower.endsWith("i");
        }

        /** The numeral rewritten for luaj with the same length, or null when LuaJIT calls it malformed. */
        static String rewrite(String token) {
            String rewritten = rewriteUnchecked(token);
            return rewritten != null && overflows64Bits(token) ? null : rewritten;
        }

        /** An LL/ULL literal must fit in 64 bits (lj_strscan: STRSCAN_ERROR for larger ones). */
        private static boolean overflows64Bits(String token) {
            String lower = token.toLowerCase(Locale.ROOT);
            int suffix = lower.endsWith("ull") || lower.endsWith("llu") ? 3 : lower.endsWith("ll") ? 2 : 0;
            if (suffix == 0) {
                return false;
            }
            String body = lower.substring(0, lower.length() - suffix);
            BigInteger value = body.startsWith("0x") ? new BigInteger(body.substring(2), 16)
                    : body.startsWith("0b") ? new BigInteger(body.substring(2), 2) : new BigInteger(body);
            return value.compareTo(TWO_TO_64) >= 0;
        }

        private static String rewriteUnchecked(String token) {
            String lower = token.toLowerCase(Locale.ROOT);
            int suffix = lower.endsWith("ull") || lower.endsWith("llu") ? 3 : lower.endsWith("ll") ? 2
                    : lower.endsWith("i") ? 1 : 0;
            String body = lower.substring(0, lower.length() - suffix);
            boolean integerSuffix = suffix >= 2;
            String rewrittenBody;
            if (body.startsWith("0x")) {
                rewrittenBody = validHex(body.substring(2), integerSuffix) ? token.substring(0, body.length()) : null;
            } else if (body.startsWith("0b")) {
                rewrittenBody = binaryAsHex(body.substring(2));
            } else {
                rewrittenBody = validDecimal(body, integerSuffix) ? token.substring(0, body.length()) : null;
            }
            return rewrittenBody == null ? null : rewrittenBody + " ".repeat(suffix);
        }

        private static boolean validHex(String digits, boolean integerOnly) {
            return (integerOnly ? HEX_INTEGER : HEX).matcher(digits).matches();
        }

        private static boolean validDecimal(String body, boolean integerOnly) {
            if (isPlainInteger(body)) {
                return true;
            }
            return (integerOnly ? DECIMAL_INTEGER : DECIMAL).matcher(body).matches();
        }

        /** The common case, without a regex. */
        private static boolean isPlainInteger(String body) {
            if (body.isEmpty()) {
                return false;
            }
            for (int i = 0; i < body.length(); i++) {
                if (body.charAt(i) < '0' || body.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        private static String binaryAsHex(String digits) {
            if (!BINARY.matcher(digits).matches()) {
                return null;
            }
            String hex = new BigInteger(digits, 2).toString(16);
            return "0x" + "0".repeat(digits.length() - hex.length()) + hex;
        }

        private LuaNumbers() {
        }
    }
}
