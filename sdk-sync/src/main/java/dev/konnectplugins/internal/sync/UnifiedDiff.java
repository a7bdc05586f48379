package dev.konnectplugins.internal.sync;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.algorithm.myers.MeyersDiffWithLinearSpace;
import com.github.difflib.patch.Patch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * A unified diff (three lines of context) of two versions of a file, cut at a line limit, in bounded time and
 * memory: Myers' linear-space algorithm within a budget of line comparisons (well under a second); a change too big
 * for it is summarized as "diff not shown: N lines changed", counted in linear time. A file over Konnect's size
 * limit is reported, not compared.
 */
public final class UnifiedDiff {
    /** Konnect's limit for one plugin file; no real plugin has a longer one. */
    public static final int KONNECT_FILE_LIMIT = 100 * 1024;
    /**
     * The most line comparisons one diff may make: well under a second even on a loaded machine (about 0.1 s there).
     * Two 100 KB handlers with one line in ten changed take about 160,000; a file mostly rewritten, or its lines moved
     * around, take far more, and are summarized: their diff would be cut at the plan's line limit anyway.
     */
    static final long MAX_COMPARISONS = 1_000_000L;
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /**
     * The diff lines, starting with {@code --- fromLabel} and {@code +++ toLabel}; when longer than
     * {@code maxLines}, the first {@code maxLines} lines and a line saying how many were left out.
     */
    public static List<String> of(String fromLabel, String from, String toLabel, String to, int maxLines) {
        String oversized = oversized(fromLabel, from, toLabel, to);
        if (oversized != null) {
            return List.of("--- " + fromLabel, "+++ " + toLabel, "diff not shown: " + oversized);
        }
        List<String> original = Texts.lines(from);
        List<String> revised = Texts.lines(to);
        Patch<String> patch;
        try {
            patch = DiffUtils.diff(original, revised, new MeyersDiffWithLinearSpace<>(new BudgetedEquals()), null);
        } catch (OverBudget e) {
            return summary(fromLabel, toLabel, original, revised);
        }
        return cut(removalsFirst(UnifiedDiffUtils.generateUnifiedDiff(fromLabel, toLabel, original, patch, CONTEXT)),
                maxLines);
    }

    /**
     * A diff not shown, with the lines changed counted in linear time once the shared start and end are set aside;
     * lines that are all still there, in another order, are reported as moved.
     */
    private static List<String> summary(String fromLabel, String toLabel, List<String> original,
                                        List<String> revised) {
        int prefix = commonPrefix(original, revised);
        int suffix = commonSuffix(original, revised, prefix);
        int removed = original.size() - prefix - suffix;
        int added = revised.size() - prefix - suffix;
        int changed = changed(original.subList(prefix, prefix + removed), revised.subList(prefix, prefix + added));
        return List.of("--- " + fromLabel, "+++ " + toLabel, "diff not shown: "
                + (changed > 0 ? changed + " lines changed" : removed + " lines moved")
                + " (too many to compare line by line)");
    }

    private static List<String> cut(List<String> lines, int maxLines) {
        if (lines.size() <= maxLines) {
            return List.copyOf(lines);
        }
        List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
        cut.add("... diff truncated (" + (lines.size() - maxLines) + " more lines)");
        return List.copyOf(cut);
    }

    /**
     * The linear-space algorithm may report a changed line as its insertion, then its removal; in each run of
     * changed lines the removals are put first, as people (and {@code diff -u}) write them. Same meaning: a run is
     * replaced as a whole.
     */
    private static List<String> removalsFirst(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        List<String> added = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean header = i < 2;
            if (!header && line.startsWith("+")) {
                added.add(line);
                continue;
            }
            if (header || !line.startsWith("-")) {
                out.addAll(added);
                added.clear();
            }
            out.add(line);
        }
        out.addAll(added);
        return out;
    }

    /** Line equality that counts its calls and stops the diff past {@link #MAX_COMPARISONS}. */
    private static final class BudgetedEquals implements BiPredicate<String, String> {
        private long comparisons;

        @Override
        public boolean test(String a, String b) {
            if (++comparisons > MAX_COMPARISONS) {
                throw new OverBudget();
            }
            return a.equals(b);
        }
    }

    /** Ends a diff that went over its budget; carries no stack trace, as it is an expected outcome. */
    private static final class OverBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OverBudget() {
            super(null, null, false, false);
        }
    }

    /** Why a side is not compared (it is larger than a Konnect file can be), or null. */
    private static String oversized(String fromLabel, String from, String toLabel, String to) {
        long fromBytes = from.getBytes(StandardCharsets.UTF_8).length;
        long toBytes = to.getBytes(StandardCharsets.UTF_8).length;
        if (fromBytes <= KONNECT_FILE_LIMIT && toBytes <= KONNECT_FILE_LIMIT) {
            return null;
        }
        String label = fromBytes > KONNECT_FILE_LIMIT ? fromLabel : toLabel;
        return label + " is " + Math.max(fromBytes, toBytes) + " bytes, over Konnect's limit of "
                + KONNECT_FILE_LIMIT + " bytes for a plugin file";
    }

    private static int commonPrefix(List<String> a, List<String> b) {
        int limit = Math.min(a.size(), b.size());
        int i = 0;
        while (i < limit && a.get(i).equals(b.get(i))) {
            i++;
        }
        return i;
    }

    private static int commonSuffix(List<String> a, List<String> b, int prefix) {
        int limit = Math.min(a.size(), b.size()) - prefix;
        int i = 0;
        while (i < limit && a.get(a.size() - 1 - i).equals(b.get(b.size() - 1 - i))) {
            i++;
        }
        return i;
    }

    /**
     * The lines removed plus the lines added, counted without aligning them (a line present on both sides, in any
     * order, counts as kept): linear, and never more than a real diff would report.
     */
    private static int changed(List<String> removed, List<String> added) {
        Map<String, Integer> counts = new HashMap<>();
        removed.forEach(line -> counts.merge(line, 1, Integer::sum));
        int unmatchedAdded = 0;
        for (String line : added) {
            Integer left = counts.get(line);
            if (left == null || left == 0) {
                unmatchedAdded++;
            } else {
                counts.put(line, left - 1);
            }
        }
        int unmatchedRemoved = counts.values().stream().mapToInt(Integer::intValue).sum();
        return unmatchedRemoved + unmatchedAdded;
    }
}
