package dev.konnectplugins.internal.validation.sandbox;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * Lua pattern matching as LuaJIT 2.1 does it: a port of LuaJIT library code, the matcher in LuaJIT's lib_string.c
 * (Lua 5.1's lstrlib.c, kept whole at over 400 lines as the C code is; with {@code %f}
 * frontiers, {@code %g}, and "pattern too complex" past 200 levels of recursion), with every step charged to the
 * evaluation's budget: the matcher backtracks, and {@code ("a*"):rep(20) .. "b"} against twenty a's takes some
 * 10^11 steps, which must end at the instruction limit rather than run for minutes.
 */
final class LuaPattern {
    static final int MAX_CAPTURES = 32;
    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;
    private static final int MAX_DEPTH = 200;
    private static final char ESC = '%';

    private final ExecutionBudget budget;
    private final byte[] src;
    private final int srcOffset;
    /** The string's length: positions run from 0 to {@code end}. */
    final int end;
    private final byte[] pattern;
    private int depth;
    int level;
    private final int[] captureStart = new int[MAX_CAPTURES];
    private final int[] captureLength = new int[MAX_CAPTURES];

    /** A matcher of {@code pattern} (read up to its first NUL, as the C code does) over {@code s}. */
    LuaPattern(ExecutionBudget budget, LuaString s, LuaString pattern) {
        this.budget = budget;
        this.src = s.m_bytes;
        this.srcOffset = s.m_offset;
        this.end = s.m_length;
        int n = 0;
        while (n < pattern.m_length && pattern.m_bytes[pattern.m_offset + n] != 0) {
            n++;
        }
        this.pattern = new byte[n + 2];
        System.arraycopy(pattern.m_bytes, pattern.m_offset, this.pattern, 0, n);
    }

    /** Whether the pattern contains a special character (else find can search for it as plain text). */
    static boolean hasSpecials(LuaString pattern) {
        for (int i = 0; i < pattern.m_length; i++) {
            if ("^$*+?.([%-".indexOf(pattern.m_bytes[pattern.m_offset + i]) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The pattern's character at {@code p} (0 at its end). */
    private int pat(int p) {
        return pattern[p] & 0xFF;
    }

    /** The subject's character at {@code s} (0 at its end, like the C string's terminator). */
    private int chr(int s) {
        return s < end ? src[srcOffset + s] & 0xFF : 0;
    }

    /** Matches at subject position {@code s} from pattern position {@code p}; the end of the match, or -1. */
    int match(int s, int p) {
        level = 0;
        depth = 0;
        return doMatch(s, p);
    }

    private int doMatch(int s, int p) {
        if (++depth > MAX_DEPTH) {
            throw new LuaError("pattern too complex");
        }
        budget.step(1);
        while (true) {
            switch (pat(p)) {
                case '(' -> {
                    s = pat(p + 1) == ')' ? startCapture(s, p + 2, CAP_POSITION) : startCapture(s, p + 1, CAP_UNFINISHED);
                    depth--;
                    return s;
                }
                case ')' -> {
                    s = endCapture(s, p + 1);
                    depth--;
                    return s;
                }
                case 0 -> {
                    depth--;
                    return s;
                }
                case '$' -> {
                    if (pat(p + 1) == 0) {
                        depth--;
                        return s == end ? s : -1;
                    }
                }
                case ESC -> {
                    int next = pat(p + 1);
                    if (next == 'b') {
                        s = matchBalance(s, p + 2);
                        if (s < 0) {
                            depth--;
                            return -1;
                        }
                        p += 4;
                        continue;
                    }
                    if (next == 'f') {
                        p += 2;
                        if (pat(p) != '[') {
                            throw new LuaError("missing '[' after '%f' in pattern");
                        }
                        int ep = classEnd(p);
                        int previous = s == 0 ? 0 : chr(s - 1);
                        if (matchBracketClass(previous, p, ep - 1) || !matchBracketClass(chr(s), p, ep - 1)) {
                            depth--;
                            return -1;
                        }
                        p = ep;
                        continue;
                    }
                    if (Character.isDigit(next)) {
                        s = matchCapture(s, next);
                        if (s < 0) {
                            depth--;
                            return -1;
                        }
                        p += 2;
                        continue;
                    }
                }
                default -> {
                }
            }
            // A single-character class, possibly followed by a repetition.
            int ep = classEnd(p);
            boolean m = s < end && singleMatch(chr(s), p, ep);
            switch (pat(ep)) {
                case '?' -> {
                    if (m) {
                        int res = doMatch(s + 1, ep + 1);
                        if (res >= 0) {
                            depth--;
                            return res;
                        }
                    }
                    p = ep + 1;
                    continue;
                }
                case '*' -> s = maxExpand(s, p, ep);
                case '+' -> s = m ? maxExpand(s + 1, p, ep) : -1;
                case '-' -> s = minExpand(s, p, ep);
                default -> {
                    if (m) {
                        s++;
                        p = ep;
                        continue;
                    }
                    s = -1;
                }
            }
            depth--;
            return s;
        }
    }

    private int maxExpand(int s, int p, int ep) {
        int i = 0;
        while (s + i < end && singleMatch(chr(s + i), p, ep)) {
            i++;
        }
        budget.step(1 + (i >> 4));
        while (i >= 0) {
            int res = doMatch(s + i, ep + 1);
            if (res >= 0) {
                return res;
            }
            i--;
        }
        return -1;
    }

    private int minExpand(int s, int p, int ep) {
        while (true) {
            int res = doMatch(s, ep + 1);
            if (res >= 0) {
                return res;
            }
            if (s < end && singleMatch(chr(s), p, ep)) {
                s++;
            } else {
                return -1;
            }
        }
    }

    private int startCapture(int s, int p, int what) {
        if (level >= MAX_CAPTURES) {
            throw new LuaError("too many captures");
        }
        captureStart[level] = s;
        captureLength[level] = what;
        level++;
        int res = doMatch(s, p);
        if (res < 0) {
            level--;
        }
        return res;
    }

    private int endCapture(int s, int p) {
        int l = captureToClose();
        captureLength[l] = s - captureStart[l];
        int res = doMatch(s, p);
        if (res < 0) {
            captureLength[l] = CAP_UNFINISHED;
        }
        return res;
    }

    private int matchCapture(int s, int l) {
        l = checkCapture(l);
        int len = captureLength[l];
        budget.step(1 + (len >> 4));
        if (end - s >= len && regionMatches(captureStart[l], s, len)) {
            return s + len;
        }
        return -1;
    }

    private boolean regionMatches(int a, int b, int len) {
        for (int i = 0; i < len; i++) {
            if (src[srcOffset + a + i] != src[srcOffset + b + i]) {
                return false;
            }
        }
        return true;
    }

    private int matchBalance(int s, int p) {
        if (pat(p) == 0 || pat(p + 1) == 0) {
            throw new LuaError("unbalanced pattern");
        }
        if (chr(s) != pat(p) || s >= end) {
            return -1;
        }
        int b = pat(p);
        int e = pat(p + 1);
        int cont = 1;
        int start = s;
        while (++s < end) {
            int c = chr(s);
            if (c == e) {
                if (--cont == 0) {
                    budget.step(1 + ((s - start) >> 4));
                    return s + 1;
                }
            } else if (c == b) {
                cont++;
            }
        }
        budget.step(1 + ((s - start) >> 4));
        return -1;
    }

    private int checkCapture(int l) {
        l -= '1';
        if (l < 0 || l >= level || captureLength[l] == CAP_UNFINISHED) {
            throw new LuaError("invalid capture index");
        }
        return l;
    }

    private int captureToClose() {
        for (int l = level - 1; l >= 0; l--) {
            if (captureLength[l] == CAP_UNFINISHED) {
                return l;
            }
        }
        throw new LuaError("invalid pattern capture");
    }

    private int classEnd(int p) {
        int c = pat(p++);
        if (c == ESC) {
            if (pat(p) == 0) {
                throw new LuaError("malformed pattern (ends with '%')");
            }
            return p + 1;
        }
        if (c == '[') {
            if (pat(p) == '^') {
                p++;
            }
            do {
                if (pat(p) == 0) {
                    throw new LuaError("malformed pattern (missing ']')");
                }
                if (pat(p++) == ESC && pat(p) != 0) {
                    p++;
                }
            } while (pat(p) != ']');
            return p + 1;
        }
        return p;
    }

    private boolean singleMatch(int c, int p, int ep) {
        return switch (pat(p)) {
            case '.' -> true;
            case ESC -> matchClass(c, pat(p + 1));
            case '[' -> matchBracketClass(c, p, ep - 1);
            default -> pat(p) == c;
        };
    }

    private boolean matchBracketClass(int c, int p, int ec) {
        boolean sig = true;
        if (pat(p + 1) == '^') {
            sig = false;
            p++;
        }
        while (++p < ec) {
            if (pat(p) == ESC) {
                p++;
                if (matchClass(c, pat(p))) {
                    return sig;
                }
            } else if (pat(p + 1) == '-' && p + 2 < ec) {
                p += 2;
                if (pat(p - 2) <= c && c <= pat(p)) {
                    return sig;
                }
            } else if (pat(p) == c) {
                return sig;
            }
        }
        return !sig;
    }

    /** {@code %a}, {@code %d}..., as LuaJIT's ASCII-only character classes; an upper-case class negates. */
    static boolean matchClass(int c, int cl) {
        boolean res;
        switch (Character.toLowerCase(cl)) {
            case 'a' -> res = isAlpha(c);
            case 'c' -> res = c < 32 || c == 127;
            case 'd' -> res = c >= '0' && c <= '9';
            case 'g' -> res = c > 32 && c < 127;
            case 'l' -> res = c >= 'a' && c <= 'z';
            case 'p' -> res = isPunct(c);
            case 's' -> res = c == ' ' || (c >= 9 && c <= 13);
            case 'u' -> res = c >= 'A' && c <= 'Z';
            case 'w' -> res = isAlpha(c) || (c >= '0' && c <= '9');
            case 'x' -> res = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case 'z' -> res = c == 0;
            default -> {
                return cl == c;
            }
        }
        return Character.isLowerCase(cl) == res;
    }

    private static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isPunct(int c) {
        return c > 32 && c < 127 && !isAlpha(c) && !(c >= '0' && c <= '9');
    }

    /** Capture {@code i} of the last match from {@code s} to {@code e}: a string, or a position. */
    LuaValue capture(int i, int s, int e) {
        if (i >= level) {
            if (i == 0) {
                return substring(s, e);
            }
            throw new LuaError("invalid capture index");
        }
        int l = captureLength[i];
        if (l == CAP_UNFINISHED) {
            throw new LuaError("unfinished capture");
        }
        if (l == CAP_POSITION) {
            return LuaValue.valueOf(captureStart[i] + 1);
        }
        return substring(captureStart[i], captureStart[i] + l);
    }

    /** The captures of the last match (the whole match when it has none). */
    LuaValue[] captures(int s, int e, boolean wholeIfNone) {
        int n = level == 0 && wholeIfNone ? 1 : level;
        LuaValue[] values = new LuaValue[n];
        for (int i = 0; i < n; i++) {
            values[i] = capture(i, s, e);
        }
        return values;
    }

    LuaString substring(int s, int e) {
        budget.allocate(e - s);
        return LuaString.valueOf(src, srcOffset + s, e - s);
    }

    /** The subject's byte at {@code s}. */
    byte byteAt(int s) {
        return src[srcOffset + s];
    }
}
