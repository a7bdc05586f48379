package dev.konnectplugins.internal.validation.lua;

import java.util.HashSet;
import java.util.Set;

/**
 * A lexer for the LuaJIT dialect Kong runs (Lua 5.1 + LuaJIT extensions, built with LUA52COMPAT), used before luaj's
 * Lua 5.2 parser. It refuses what LuaJIT refuses and luaj would accept (malformed numbers, bad escapes, too deep
 * nesting) and rewrites, column for column, what LuaJIT accepts and luaj would refuse: a BOM, a shebang line,
 * {@code LL}/{@code ULL}/{@code i} number suffixes, {@code 0b} literals and UTF-8 in identifiers.
 */
public final class LuaDialect {
    /** Above this many operators in one expression luaj's AST parser turns quadratic (seconds at ~5,000). */
    public static final int MAX_OPERATOR_RUN = SyntaxLevels.MAX_OPERATOR_RUN;

    private final String src;
    private final StringBuilder out;
    private int pos;
    private int line = 1;
    private int lineStart;
    private final SyntaxLevels levels = new SyntaxLevels();
    private SourcePosition tooComplex;
    /** Where LL/ULL/i literals end (LuaJIT cdata, not numbers), as {@link SourcePosition#key} of their last digit. */
    private final Set<Long> cdataLiterals = new HashSet<>();

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
        } catch (DialectProblem p) {
            problem = p.problem;
        }
        return new PreparedSource(lexer.out.toString(), problem, lexer.tooComplex, lexer.cdataLiterals);
    }

    private SyntaxProblem scan() {
        if (src.startsWith("#")) {
            // LuaJIT skips a first line starting with '#' (shebang); luaj may not.
            while (pos < src.length() && !LuaChars.isNewline(src.charAt(pos))) {
                out.setCharAt(pos++, ' ');
            }
        }
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (LuaChars.isNewline(c)) {
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
            } else if (LuaChars.isDigit(c) || (c == '.' && LuaChars.isDigit(peek(1)))) {
                number();
            } else if (LuaChars.isIdentStart(c)) {
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
        while (pos < src.length() && !LuaChars.isNewline(src.charAt(pos))) {
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
        SourcePosition start = position();
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
            if (LuaChars.isNewline(c)) {
                newline();
            } else {
                pos++;
            }
        }
        throw new DialectProblem(new SyntaxProblem(start, unfinished + " (starting here) at end of file"));
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
        SourcePosition start = position();
        pos++;
        while (true) {
            if (pos >= src.length() || LuaChars.isNewline(src.charAt(pos))) {
                throw new DialectProblem(new SyntaxProblem(start, "unfinished string"));
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
        SourcePosition at = position();
        pos++;
        if (pos >= src.length()) {
            throw new DialectProblem(new SyntaxProblem(at, "unfinished string"));
        }
        char e = src.charAt(pos);
        if ("abfnrtv\\\"'".indexOf(e) >= 0) {
            pos++;
        } else if (LuaChars.isNewline(e)) {
            newline();
        } else if (e == 'x') {
            pos++;
            if (!LuaChars.isHexDigit(peek(0)) || !LuaChars.isHexDigit(peek(1))) {
                throw new DialectProblem(new SyntaxProblem(at, "invalid escape sequence: \\x needs two hex digits"));
            }
            pos += 2;
        } else if (e == 'z') {
            pos++;
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                if (LuaChars.isNewline(src.charAt(pos))) {
                    newline();
                } else {
                    pos++;
                }
            }
        } else if (e == 'u') {
            pos = UnicodeEscape.end(src, pos, at);
        } else if (LuaChars.isDigit(e)) {
            int value = 0;
            for (int k = 0; k < 3 && LuaChars.isDigit(peek(0)); k++) {
                value = value * 10 + (src.charAt(pos++) - '0');
            }
            if (value > 255) {
                throw new DialectProblem(new SyntaxProblem(at, "invalid escape sequence: decimal escape above 255"));
            }
        } else {
            throw new DialectProblem(new SyntaxProblem(at, "invalid escape sequence '\\" + e + "'"));
        }
    }

    /** Reads a numeral the way LuaJIT's lex_number does (greedy), then checks it like lj_strscan. */
    private void number() {
        int start = pos;
        SourcePosition at = position();
        char first = src.charAt(pos);
        char exponent = first == '0' && (peek(1) | 0x20) == 'x' ? 'p' : 'e';
        char prev = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            boolean sign = (c == '-' || c == '+') && (prev | 0x20) == exponent;
            if (!(LuaChars.isIdentPart(c) || c == '.' || sign)) {
                break;
            }
            prev = c;
            pos++;
        }
        String token = src.substring(start, pos);
        String rewritten = LuaNumerals.rewrite(token);
        if (rewritten == null) {
            throw new DialectProblem(new SyntaxProblem(at, "malformed number near '" + token + "'"));
        }
        out.replace(start, pos, rewritten);
        if (LuaNumerals.isCdata(token)) {
            int lastDigit = at.column() + rewritten.stripTrailing().length() - 1;
            cdataLiterals.add(new SourcePosition(at.line(), lastDigit).key());
        }
        operand();
    }

    private void identifier() {
        int start = pos;
        while (pos < src.length() && LuaChars.isIdentPart(src.charAt(pos))) {
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
                levels.condition(true);
            }
            case "function", "do", "repeat" -> open(false);
            case "elseif", "then" -> {
                levels.resetExpression();
                levels.condition(src.charAt(start) == 'e');
            }
            case "end", "until" -> levels.endBlock();
            case "and", "or" -> operator();
            case "not" -> unary();
            case "break", "else", "for", "goto", "in", "local", "return", "while" -> levels.resetExpression();
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
                levels.close();
                operand();
            }
            case ',', ';' -> {
                pos++;
                levels.resetExpression();
            }
            case '=' -> {
                if (peek(1) == '=') {
                    pos += 2;
                    operator();
                } else {
                    pos++;
                    levels.resetExpression();
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
                if (levels.afterOperand()) {
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
        if (!levels.open(bracket)) {
            throw problemHere("chunk has too many syntax levels (LuaJIT allows about 200 nested "
                    + "brackets, blocks and functions); flatten this code");
        }
    }

    private void unary() {
        boolean fits = levels.unary();
        noteOperatorRun();
        if (!fits) {
            throw problemHere("chunk has too many syntax levels (LuaJIT allows about 200 nested "
                    + "brackets, blocks, functions and unary operators); flatten this code");
        }
    }

    private void operator() {
        levels.operator();
        noteOperatorRun();
    }

    /** Where an expression first has more operators than luaj's parser handles in reasonable time. */
    private void noteOperatorRun() {
        if (tooComplex == null && levels.operatorRun() > MAX_OPERATOR_RUN) {
            tooComplex = new SourcePosition(line, column() - 1);
        }
    }

    private void operand() {
        if (!levels.operand()) {
            throw problemHere("chunk has too many syntax levels (LuaJIT allows about 200 nested "
                    + "brackets, blocks and functions, an expression in them counting as one more); flatten this code");
        }
    }

    private void newline() {
        char c = src.charAt(pos++);
        if (pos < src.length()) {
            char n = src.charAt(pos);
            if (LuaChars.isNewline(n) && n != c) {
                pos++;
            }
        }
        line++;
        lineStart = pos;
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private SourcePosition position() {
        return new SourcePosition(line, column());
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : 0;
    }

    private DialectProblem problemHere(String message) {
        return new DialectProblem(new SyntaxProblem(position(), message));
    }
}
