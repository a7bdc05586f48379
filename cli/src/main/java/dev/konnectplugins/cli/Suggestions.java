package dev.konnectplugins.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * "Did you mean" for a mistyped command or option. Picocli's own suggestions compare letter pairs, which finds
 * nothing for a swap of two letters ({@code snyc}); this adds the commands and options within two edits
 * (Damerau-Levenshtein: a swap is one edit).
 */
final class Suggestions {
    private static final int MAX_EDITS = 2;

    private Suggestions() {
    }

    /** The suggestions for the first unmatched argument: picocli's, else the close names; may be empty. */
    static List<String> of(UnmatchedArgumentException problem) {
        if (!problem.getSuggestions().isEmpty()) {
            return problem.getSuggestions();
        }
        List<String> unmatched = problem.getUnmatched();
        if (unmatched.isEmpty()) {
            return List.of();
        }
        String typed = unmatched.get(0).split("=", 2)[0];
        CommandSpec spec = problem.getCommandLine().getCommandSpec();
        Collection<String> names = typed.startsWith("-") ? spec.optionsMap().keySet() : spec.subcommands().keySet();
        return names.stream().filter(name -> distance(typed, name) <= MAX_EDITS)
                .sorted(Comparator.comparingInt(name -> distance(typed, name))).limit(3).toList();
    }

    /** Prints "Did you mean: ...?" when there is a suggestion. */
    static void print(CommandLine.ParameterException problem, java.io.PrintWriter err) {
        if (problem instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = of(unmatched);
            if (!suggestions.isEmpty()) {
                err.println("Did you mean: " + String.join(" or ", suggestions) + "?");
            }
        }
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
