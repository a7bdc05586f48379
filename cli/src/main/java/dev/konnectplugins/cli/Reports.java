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

    static void printPlans(PrintStream out, List<SyncPlan> plans, OutputFormat format) {
        print(out, plans, format, SyncPlan::toText, SyncPlan::toJson);
    }

    static void printResults(PrintStream out, List<SyncResult> results, OutputFormat format) {
        print(out, results, format, result -> result.failure().isPresent() ? result.toText()
                : result.plan().toText() + "\n" + result.toText(), SyncResult::toJson);
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
