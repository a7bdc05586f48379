package dev.konnectplugins.internal.validation.sandbox;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.Locale;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * {@code os.date} as LuaJIT has it: the format goes to the C library's {@code strftime} (glibc on Kong's images), so
 * every glibc conversion works ({@code %F}, {@code %T}, {@code %e}, {@code %s}...) and an unknown one is copied as
 * it is. luaj's own accepts only C89's and raises on the rest. In the "C" locale, like a node's.
 */
final class LuaDate extends VarArgFunction {
    /** Bytes charged per character of the result: a Java char, and a byte of the Lua string made from it. */
    private static final int BYTES_PER_CHAR = 3;

    private final ExecutionBudget budget;

    private LuaDate(ExecutionBudget budget) {
        this.budget = budget;
    }

    /** Replaces {@code os.date} in {@code os}, charging its work and its result to {@code budget}. */
    static void install(LuaTable os, ExecutionBudget budget) {
        os.rawset("date", new LuaDate(budget));
    }

    @Override
    public Varargs invoke(Varargs args) {
        if (args.arg1().type() == LuaValue.TSTRING) {
            // The format is copied (as Java text, then without its "!") before anything is written.
            budget.step(1 + (args.arg1().rawlen() >> 4));
        }
        String format = args.arg1().isnil() ? "%c" : LuaArgs.string(args, 1, "date").tojstring();
        long seconds = args.arg(2).isnil() ? Instant.now().getEpochSecond() : (long) LuaArgs.number(args, 2, "date");
        boolean utc = format.startsWith("!");
        if (utc) {
            format = format.substring(1);
        }
        ZonedDateTime t;
        try {
            t = Instant.ofEpochSecond(seconds).atZone(utc ? ZoneOffset.UTC : ZoneId.systemDefault());
        } catch (DateTimeException e) {
            return LuaValue.NIL; // LuaJIT returns nil when the C library cannot represent the time
        }
        return format.startsWith("*t") ? table(t) : LuaValue.valueOf(strftime(format, t, budget));
    }

    private static LuaTable table(ZonedDateTime t) {
        LuaTable table = new LuaTable();
        table.rawset("year", t.getYear());
        table.rawset("month", t.getMonthValue());
        table.rawset("day", t.getDayOfMonth());
        table.rawset("hour", t.getHour());
        table.rawset("min", t.getMinute());
        table.rawset("sec", t.getSecond());
        table.rawset("wday", t.getDayOfWeek().getValue() % 7 + 1);
        table.rawset("yday", t.getDayOfYear());
        table.rawset("isdst", LuaValue.FALSE);
        return table;
    }

    /**
     * C's {@code strftime}. The result's length is worked out first and charged to {@code budget} before it is
     * built: a format of millions of conversions is refused, not built, past the memory limit.
     */
    static String strftime(String format, ZonedDateTime t, ExecutionBudget budget) {
        budget.step(format.length());
        // The time is the same for every conversion of the call: each is worked out once.
        String[] conversions = new String[128];
        long length = 0;
        for (int i = 0; i < format.length(); i++) {
            boolean conversion = format.charAt(i) == '%' && i + 1 < format.length();
            length += conversion ? converted(format.charAt(++i), t, conversions).length() : 1;
        }
        budget.allocate(BYTES_PER_CHAR * length);
        StringBuilder out = new StringBuilder((int) Math.min(length, Integer.MAX_VALUE - 8));
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length()) {
                out.append(converted(format.charAt(++i), t, conversions));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** What {@code %c} writes (an unknown conversion is copied as it is), worked out once per call. */
    private static String converted(char c, ZonedDateTime t, String[] conversions) {
        if (c >= conversions.length) {
            return "%" + c;
        }
        if (conversions[c] == null) {
            String value = conversion(c, t);
            conversions[c] = value != null ? value : "%" + c;
        }
        return conversions[c];
    }

    /** A fixed composite conversion ("%H:%M:%S"): a few characters, charged with the conversion that uses it. */
    private static String strftime(String format, ZonedDateTime t) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            String value = c == '%' && i + 1 < format.length() ? conversion(format.charAt(++i), t) : null;
            out.append(value != null ? value : String.valueOf(c));
        }
        return out.toString();
    }

    private static String conversion(char c, ZonedDateTime t) {
        return switch (c) {
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
            case 'c' -> strftime("%a %b %e %H:%M:%S %Y", t);
            case 'C' -> two(t.getYear() / 100);
            case 'd' -> two(t.getDayOfMonth());
            case 'D', 'x' -> strftime("%m/%d/%y", t);
            case 'e' -> String.format("%2d", t.getDayOfMonth());
            case 'F' -> strftime("%Y-%m-%d", t);
            case 'g' -> two(t.get(IsoFields.WEEK_BASED_YEAR) % 100);
            case 'G' -> Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'H' -> two(t.getHour());
            case 'I' -> two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'k' -> String.format("%2d", t.getHour());
            case 'l' -> String.format("%2d", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'm' -> two(t.getMonthValue());
            case 'M' -> two(t.getMinute());
            case 'n' -> "\n";
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'P' -> t.getHour() < 12 ? "am" : "pm";
            case 'r' -> strftime("%I:%M:%S %p", t);
            case 'R' -> strftime("%H:%M", t);
            case 's' -> Long.toString(t.toEpochSecond());
            case 'S' -> two(t.getSecond());
            case 't' -> "\t";
            case 'T', 'X' -> strftime("%H:%M:%S", t);
            case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
            case 'U' -> two(t.get(WeekFields.of(DayOfWeek.SUNDAY, 7).weekOfYear()));
            case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w' -> Integer.toString(t.getDayOfWeek().getValue() % 7);
            case 'W' -> two(t.get(WeekFields.of(DayOfWeek.MONDAY, 7).weekOfYear()));
            case 'y' -> two(t.getYear() % 100);
            case 'Y' -> Integer.toString(t.getYear());
            case 'z' -> t.getOffset().getId().equals("Z") ? "+0000" : t.getOffset().getId().replace(":", "");
            case 'Z' -> t.getZone().equals(ZoneOffset.UTC) ? "GMT" : t.getZone().getDisplayName(TextStyle.SHORT, Locale.US);
            case '%' -> "%";
            default -> null;
        };
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }
}
