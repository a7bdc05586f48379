package dev.konnectplugins.internal.validation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kong's check of a handler's VERSION: {@code require("version")(v)} in its default, non-strict mode takes the
 * first run of digits and dots, splits it on dots, and Kong refuses a result with a fourth part. So
 * {@code "1.0.0-beta.1"} and {@code "v2.1"} pass, {@code "1.2.3.4"}, {@code "abc"} and {@code "1..2"} do not.
 */
public final class KongVersion {
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

    /** The cleaned version Kong would keep, or null when Kong refuses {@code version}. */
    public static String clean(String version) {
        Matcher m = DIGITS_AND_DOTS.matcher(version);
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
                return null;
            }
            numbers.add(part.replaceFirst("^0+(?=\\d)", ""));
        }
        return String.join(".", numbers);
    }

    /** The version library's split: a leading empty piece is dropped, inner empty pieces are kept. */
    private static List<String> split(String run) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int dot = run.indexOf('.'); dot >= 0; dot = run.indexOf('.', start)) {
            String piece = run.substring(start, dot);
            if (dot != 0 || !piece.isEmpty()) {
                parts.add(piece);
            }
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
