package dev.konnectplugins.internal.sync;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/** A unified diff (three lines of context) of two versions of a file, cut at a line limit. */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /**
     * The diff lines, starting with {@code --- fromLabel} and {@code +++ toLabel}; when longer than
     * {@code maxLines}, the first {@code maxLines} lines and a line saying how many were left out.
     */
    public static List<String> of(String fromLabel, String from, String toLabel, String to, int maxLines) {
        List<String> original = Texts.lines(from);
        List<String> revised = Texts.lines(to);
        Patch<String> patch = DiffUtils.diff(original, revised);
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(fromLabel, toLabel, original, patch, CONTEXT);
        if (lines.size() <= maxLines) {
            return List.copyOf(lines);
        }
        List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
        cut.add("... diff truncated (" + (lines.size() - maxLines) + " more lines)");
        return List.copyOf(cut);
    }
}
