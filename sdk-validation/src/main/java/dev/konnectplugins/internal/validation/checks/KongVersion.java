package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.internal.validation.lua.DecimalDigits;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kong's check of a handler's VERSION ({@code validate_version} in kong/db/dao/plugins.lua): {@code version(v)} of
 * Kong/version.lua 1.0.1 in its default, non-strict mode keeps the first match of {@code (%d[%d%.]*)} (a digit, then
 * digits and dots), splits it on dots, and every piece must be a number; Kong refuses a result with a fourth part.
 * So {@code "1.0.0-beta.1"}, {@code "v2.1"}, {@code "1.2."} and {@code "..1.0"} pass; {@code "1.2.3.4"},
 * {@code "abc"}, {@code "."} and {@code "1..2"} do not.
 */
public final class KongVersion {
    private static final Pattern DIGIT_THEN_DIGITS_AND_DOTS = Pattern.compile("[0-9][0-9.]*");

    /** The cleaned version Kong would keep, or null when Kong refuses {@code version}. */
    public static String clean(String version) {
        Matcher m = DIGIT_THEN_DIGITS_AND_DOTS.matcher(version);
        if (!m.find()) {
            return null;
        }
        List<String> parts = split(m.group());
        if (parts.size() > 3) {
            return null;
        }
        List<String> numbers = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty()) {
                return null; // tonumber("") is nil: "Not a valid version element"
            }
            numbers.add(DecimalDigits.withoutLeadingZeros(part));
        }
        return String.join(".", numbers);
    }

    /**
     * The version library's {@code split(str, "%.")}: the pieces before each dot, then the rest if not empty. The
     * run starts with a digit, so a trailing dot adds no piece and inner empty pieces are kept.
     */
    private static List<String> split(String run) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int dot = run.indexOf('.'); dot >= 0; dot = run.indexOf('.', start)) {
            parts.add(run.substring(start, dot));
            start = dot + 1;
        }
        if (start < run.length()) {
            parts.add(run.substring(start));
        }
        return parts;
    }

    private KongVersion() {
    }
}
