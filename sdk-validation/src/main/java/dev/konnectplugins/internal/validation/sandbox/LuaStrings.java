package dev.konnectplugins.internal.validation.sandbox;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * The {@code string} library of one evaluation, as LuaJIT 2.1 behaves (results, errors, {@code rep} with a
 * separator, {@code %f} patterns), with every result's size charged to the budget before it is built and every
 * step of work counted, so that no single call can exceed a limit.
 */
final class LuaStrings {
    /** LuaJIT's LUAI_MAXCSTACK: the most values a library function returns ("string slice too long"). */
    static final int MAX_RESULTS = 8000;
    private static final String[] NAMES = {"byte", "char", "find", "format", "gmatch", "gsub", "len", "lower",
        "match", "rep", "reverse", "sub", "upper"};

    private final ExecutionBudget budget;

    private LuaStrings(ExecutionBudget budget) {
        this.budget = budget;
    }

    /** A fresh {@code string} table whose functions charge {@code budget}. */
    static LuaTable library(ExecutionBudget budget) {
        LuaStrings strings = new LuaStrings(budget);
        LuaTable table = new LuaTable();
        for (String name : NAMES) {
            table.rawset(name, strings.new Function(name));
        }
        return table;
    }

    private final class Function extends LibraryFunction {
        Function(String name) {
            super(name);
        }

        @Override
        Varargs run(Varargs args) {
            return switch (name) {
                case "byte" -> LuaStrings.this.byteOf(args);
                case "char" -> LuaStrings.this.charOf(args);
                case "find" -> LuaStrings.this.find(args, true);
                case "format" -> new LuaFormat(budget, args).format();
                case "gmatch" -> LuaStrings.this.gmatch(args);
                case "gsub" -> LuaStrings.this.gsub(args);
                case "len" -> LuaValue.valueOf(LuaArgs.string(args, 1, name).m_length);
                case "lower" -> LuaStrings.this.map(args, false);
                case "match" -> LuaStrings.this.find(args, false);
                case "rep" -> LuaStrings.this.rep(args);
                case "reverse" -> LuaStrings.this.reverse(args);
                case "sub" -> LuaStrings.this.sub(args);
                case "upper" -> LuaStrings.this.map(args, true);
                default -> throw new IllegalStateException(name);
            };
        }
    }

    private Varargs byteOf(Varargs args) {
        LuaString s = LuaArgs.string(args, 1, "byte");
        long start = LuaArgs.optInteger(args, 2, "byte", 1);
        long stop = LuaArgs.optInteger(args, 3, "byte", start);
        int len = s.m_length;
        if (stop < 0) {
            stop += len + 1;
        }
        if (start < 0) {
            start += len + 1;
        }
        start = Math.max(start, 1);
        stop = Math.min(stop, len);
        if (start > stop) {
            return LuaValue.NONE;
        }
        long n = stop - start + 1;
        if (n > MAX_RESULTS) {
            throw new LuaError("string slice too long");
        }
        budget.allocate(16 * n);
        LuaValue[] values = new LuaValue[(int) n];
        for (int i = 0; i < n; i++) {
            values[i] = LuaValue.valueOf(s.luaByte((int) (start - 1 + i)));
        }
        return LuaValue.varargsOf(values);
    }

    private LuaValue charOf(Varargs args) {
        int n = args.narg();
        budget.allocate(n);
        byte[] bytes = new byte[n];
        for (int i = 1; i <= n; i++) {
            long c = LuaArgs.integer(args, i, "char");
            if (c < 0 || c > 255) {
                throw LuaArgs.bad(i, "char", "invalid value");
            }
            bytes[i - 1] = (byte) c;
        }
        return LuaString.valueUsing(bytes);
    }

    private LuaValue sub(Varargs args) {
        LuaString s = LuaArgs.string(args, 1, "sub");
        long len = s.m_length;
        long start = LuaArgs.integer(args, 2, "sub");
        long stop = LuaArgs.optInteger(args, 3, "sub", -1);
        if (stop < 0) {
            stop += len + 1;
        } else if (stop > len) {
            stop = len;
        }
        if (start < 0) {
            start += len + 1;
        }
        if (start <= 0) {
            start = 1;
        }
        if (start > stop) {
            return LuaValue.EMPTYSTRING;
        }
        budget.allocate(stop - start + 1);
        return s.substring((int) start - 1, (int) stop);
    }

    private LuaValue map(Varargs args, boolean upper) {
        LuaString s = LuaArgs.string(args, 1, upper ? "upper" : "lower");
        budget.allocate(s.m_length);
        byte[] bytes = new byte[s.m_length];
        for (int i = 0; i < bytes.length; i++) {
            int c = s.m_bytes[s.m_offset + i] & 0xFF;
            if (upper && c >= 'a' && c <= 'z') {
                c -= 32;
            } else if (!upper && c >= 'A' && c <= 'Z') {
                c += 32;
            }
            bytes[i] = (byte) c;
        }
        return LuaString.valueUsing(bytes);
    }

    private LuaValue reverse(Varargs args) {
        LuaString s = LuaArgs.string(args, 1, "reverse");
        budget.allocate(s.m_length);
        byte[] bytes = new byte[s.m_length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = s.m_bytes[s.m_offset + s.m_length - 1 - i];
        }
        return LuaString.valueUsing(bytes);
    }

    /** {@code string.rep(s, n [, sep])}: the size is known before anything is copied. */
    private LuaValue rep(Varargs args) {
        LuaString s = LuaArgs.string(args, 1, "rep");
        long n = LuaArgs.integer(args, 2, "rep");
        LuaString sep = args.arg(3).isnil() ? LuaValue.EMPTYSTRING : LuaArgs.string(args, 3, "rep");
        if (n <= 0) {
            return LuaValue.EMPTYSTRING;
        }
        long size;
        try {
            size = Math.addExact(Math.multiplyExact(n, (long) s.m_length),
                    Math.multiplyExact(n - 1, (long) sep.m_length));
        } catch (ArithmeticException e) {
            throw budget.exceeded(Limit.MEMORY);
        }
        budget.allocate(size);
        if (size == 0) {
            return LuaValue.EMPTYSTRING;
        }
        // One copy of s (and sep), then the filled prefix doubled: a handful of copies, whatever n is.
        byte[] bytes = new byte[(int) size];
        System.arraycopy(s.m_bytes, s.m_offset, bytes, 0, s.m_length);
        int unit = s.m_length + sep.m_length;
        if (n > 1) {
            System.arraycopy(sep.m_bytes, sep.m_offset, bytes, s.m_length, sep.m_length);
        }
        for (int filled = n > 1 ? unit : s.m_length; filled < size; filled *= 2) {
            System.arraycopy(bytes, 0, bytes, filled, (int) Math.min(filled, size - filled));
        }
        return LuaString.valueUsing(bytes);
    }

    /** {@code find} and {@code match}: a plain search when possible, else the pattern matcher. */
    private Varargs find(Varargs args, boolean find) {
        String function = find ? "find" : "match";
        LuaString s = LuaArgs.string(args, 1, function);
        LuaString p = LuaArgs.string(args, 2, function);
        long start = LuaArgs.optInteger(args, 3, function, 1);
        if (start < 0) {
            start += s.m_length;
        } else {
            start--;
        }
        if (start < 0) {
            start = 0;
        }
        if (start > s.m_length) {
            // LuaJIT built with Lua 5.2 compatibility, as OpenResty's is.
            return LuaValue.NIL;
        }
        int init = (int) start;
        if (find && (args.arg(4).toboolean() || !LuaPattern.hasSpecials(p))) {
            budget.step(1 + ((long) (s.m_length - init) * Math.max(1, p.m_length) >> 4));
            int at = s.indexOf(p, init);
            return at < 0 ? LuaValue.NIL : LuaValue.varargsOf(LuaValue.valueOf(at + 1),
                    LuaValue.valueOf(at + p.m_length));
        }
        LuaPattern matcher = new LuaPattern(budget, s, p);
        boolean anchor = p.m_length > 0 && p.luaByte(0) == '^';
        int pStart = anchor ? 1 : 0;
        int from = init;
        do {
            int e = matcher.match(from, pStart);
            if (e >= 0) {
                if (find) {
                    LuaValue[] captures = matcher.captures(from, e, false);
                    return LuaValue.varargsOf(LuaValue.valueOf(from + 1), LuaValue.valueOf(e),
                            LuaValue.varargsOf(captures));
                }
                return LuaValue.varargsOf(matcher.captures(from, e, true));
            }
        } while (from++ < matcher.end && !anchor);
        return LuaValue.NIL;
    }

    private LuaValue gmatch(Varargs args) {
        LuaString s = LuaArgs.string(args, 1, "gmatch");
        LuaString p = LuaArgs.string(args, 2, "gmatch");
        LuaPattern matcher = new LuaPattern(budget, s, p);
        return new VarArgFunction() {
            private int position;

            @Override
            public Varargs invoke(Varargs ignored) {
                for (int from = position; from <= matcher.end; from++) {
                    int e = matcher.match(from, 0);
                    if (e >= 0) {
                        position = e == from ? e + 1 : e;
                        return LuaValue.varargsOf(matcher.captures(from, e, true));
                    }
                }
                position = matcher.end + 1;
                return LuaValue.NIL;
            }
        };
    }

    private Varargs gsub(Varargs args) {
        LuaString src = LuaArgs.string(args, 1, "gsub");
        LuaString p = LuaArgs.string(args, 2, "gsub");
        LuaValue replacement = args.arg(3);
        int type = replacement.type();
        if (type != LuaValue.TNUMBER && type != LuaValue.TSTRING && type != LuaValue.TFUNCTION
                && type != LuaValue.TTABLE) {
            throw LuaArgs.bad(3, "gsub", "string/function/table expected");
        }
        long maxN = LuaArgs.optInteger(args, 4, "gsub", src.m_length + 1L);
        boolean anchor = p.m_length > 0 && p.luaByte(0) == '^';
        LuaPattern matcher = new LuaPattern(budget, src, p);
        Output out = new Output(budget);
        int s = 0;
        int n = 0;
        while (n < maxN) {
            int e = matcher.match(s, anchor ? 1 : 0);
            if (e >= 0) {
                n++;
                addValue(matcher, out, s, e, replacement);
            }
            if (e >= 0 && e > s) {
                s = e;
            } else if (s < matcher.end) {
                out.add(matcher.byteAt(s++));
            } else {
                break;
            }
            if (anchor) {
                break;
            }
        }
        out.add(src, s, src.m_length - s);
        return LuaValue.varargsOf(out.result(), LuaValue.valueOf(n));
    }

    private void addValue(LuaPattern matcher, Output out, int s, int e, LuaValue replacement) {
        LuaValue value;
        switch (replacement.type()) {
            case LuaValue.TNUMBER, LuaValue.TSTRING -> {
                addString(matcher, out, s, e, replacement.type() == LuaValue.TNUMBER
                        ? LuaNumbers.toLuaString(replacement.todouble()) : replacement.strvalue());
                return;
            }
            case LuaValue.TFUNCTION -> value = replacement.invoke(LuaValue.varargsOf(matcher.captures(s, e, true)))
                    .arg1();
            default -> value = replacement.get(matcher.capture(0, s, e));
        }
        if (!value.toboolean()) {
            out.add(matcher.substring(s, e));
        } else if (value.type() == LuaValue.TSTRING) {
            out.add(value.strvalue());
        } else if (value.type() == LuaValue.TNUMBER) {
            out.add(LuaNumbers.toLuaString(value.todouble()));
        } else {
            throw new LuaError("invalid replacement value (a " + value.typename() + ")");
        }
    }

    private static void addString(LuaPattern matcher, Output out, int s, int e, LuaString news) {
        int l = news.m_length;
        for (int i = 0; i < l; i++) {
            byte b = news.m_bytes[news.m_offset + i];
            if (b != '%') {
                out.add(b);
                continue;
            }
            i++;
            int c = i < l ? news.m_bytes[news.m_offset + i] & 0xFF : 0;
            if (c < '0' || c > '9') {
                out.add((byte) c);
            } else if (c == '0') {
                out.add(matcher.substring(s, e));
            } else {
                LuaValue capture = matcher.capture(c - '1', s, e);
                out.add(capture.type() == LuaValue.TNUMBER ? LuaNumbers.toLuaString(capture.todouble())
                        : capture.strvalue());
            }
        }
    }

    /** A growing byte buffer whose every growth is charged before it happens. */
    static final class Output {
        private final ExecutionBudget budget;
        private byte[] bytes = new byte[64];
        private int length;

        Output(ExecutionBudget budget) {
            this.budget = budget;
        }

        void add(byte b) {
            reserve(1);
            bytes[length++] = b;
        }

        void add(LuaString s) {
            add(s, 0, s.m_length);
        }

        void add(LuaString s, int from, int n) {
            reserve(n);
            System.arraycopy(s.m_bytes, s.m_offset + from, bytes, length, n);
            length += n;
        }

        void add(String ascii) {
            add(LuaString.valueOf(ascii));
        }

        private void reserve(int n) {
            if (length + (long) n <= bytes.length) {
                return;
            }
            long size = Math.max(bytes.length * 2L, length + (long) n);
            budget.allocate(size);
            if (size > Integer.MAX_VALUE - 8) {
                throw budget.exceeded(Limit.MEMORY);
            }
            bytes = java.util.Arrays.copyOf(bytes, (int) size);
        }

        LuaString result() {
            return LuaString.valueOf(bytes, 0, length);
        }
    }
}
