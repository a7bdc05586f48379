package dev.konnectplugins.cli;

import dev.konnectplugins.internal.sync.SafeText;
import dev.konnectplugins.sync.OutcomeStatus;
import dev.konnectplugins.sync.SyncPlan;
import dev.konnectplugins.sync.SyncResult;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints plans and results: text blocks separated by a blank line, or one JSON array. */
final class Reports {
    private Reports() {
    }

    /**
     * In text, a control plane that could not be planned is left out: its error goes to stderr once, where the
     * caller complains about it. JSON keeps it, with its {@code error}, so a tool sees every control plane.
     */
    static void printPlans(PrintStream out, List<SyncPlan> plans, OutputFormat format) {
        print(out, format == OutputFormat.json ? plans : plans.stream().filter(plan -> plan.failure().isEmpty())
                .toList(), format, SyncPlan::toText, SyncPlan::toJson);
    }

    /** As {@link #printPlans}: in text, a control plane that could not be planned is only on stderr. */
    static void printResults(PrintStream out, List<SyncResult> results, OutputFormat format) {
        print(out, format == OutputFormat.json ? results : results.stream()
                .filter(result -> result.failure().isEmpty()).toList(), format,
                result -> result.plan().toText() + "\n" + result.toText(), SyncResult::toJson);
    }

    /** Results without their plans, for a sync whose plans were shown before it asked. */
    static void printResultsOnly(PrintStream out, List<SyncResult> results, OutputFormat format) {
        print(out, format == OutputFormat.json ? results : results.stream()
                .filter(result -> result.failure().isEmpty()).toList(), format, SyncResult::toText, SyncResult::toJson);
    }

    /** One line for a terminal: the control plane and what was written. */
    static String progress(SyncResult result) {
        if (result.failure().isPresent()) {
            return SafeText.inline(result.plan().controlPlane() + ": could not plan: "
                    + result.failure().get().getMessage());
        }
        return SafeText.inline(result.plan().controlPlane()) + ": " + result.outcomes(OutcomeStatus.DONE).size() + " written, "
                + result.outcomes(OutcomeStatus.FAILED).size() + " failed, "
                + result.outcomes(OutcomeStatus.SKIPPED).size() + " skipped";
    }

    private static <T> void print(PrintStream out, List<T> items, OutputFormat format, Function<T, String> text,
                                  Function<T, String> json) {
        if (format == OutputFormat.json) {
            out.print("[\n" + items.stream().map(json).map(String::strip).collect(Collectors.joining(",\n"))
                    + "\n]\n");
        } else {
            out.print(items.stream().map(text).collect(Collectors.joining("\n")));
        }
        out.flush();
    }
}
