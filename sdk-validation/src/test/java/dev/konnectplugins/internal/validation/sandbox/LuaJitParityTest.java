package dev.konnectplugins.internal.validation.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaTable;

/**
 * The generated parity suite: thousands of library calls with edge arguments ({@code bit}, {@code math},
 * {@code tostring}/{@code tonumber}, {@code string}, {@code table}, {@code os}...), each with the outcome LuaJIT 2.1
 * gave it, recorded by {@code src/test/parity/generate.lua} (see the README there). Every call is evaluated in the
 * validator's sandbox and must have the same outcome.
 */
class LuaJitParityTest {
    private static final String DIR = "/dev/konnectplugins/internal/validation/sandbox/";
    /** Cases per evaluated chunk: enough to keep the sandbox's set-up cost small, few enough to find a failure. */
    private static final int BATCH = 250;

    record Case(String expression, String outcome) {
    }

    @Test
    void everyLibraryCallHasLuaJitsOutcome() throws IOException {
        List<Case> cases = cases();
        String show = resource("luajit-parity-show.lua");
        Set<String> knownGaps = knownGaps();
        List<String> differences = new ArrayList<>();
        List<String> closedGaps = new ArrayList<>();
        for (int from = 0; from < cases.size(); from += BATCH) {
            List<Case> batch = cases.subList(from, Math.min(cases.size(), from + BATCH));
            List<String> outcomes = evaluate(show, batch);
            for (int i = 0; i < batch.size(); i++) {
                boolean same = batch.get(i).outcome().equals(outcomes.get(i));
                boolean known = knownGaps.contains(batch.get(i).expression());
                if (same && known) {
                    closedGaps.add(batch.get(i).expression());
                } else if (!same && !known) {
                    differences.add(batch.get(i).expression() + "\n    LuaJIT:    " + batch.get(i).outcome()
                            + "\n    validator: " + outcomes.get(i));
                }
            }
        }
        // All of them in target/, for whoever fixes them; the first ones in the failure.
        Files.write(Path.of("target", "luajit-parity-differences.txt"), differences);
        assertThat(cases).hasSizeGreaterThan(5000);
        assertThat(differences.subList(0, Math.min(40, differences.size())))
                .as("%d of %d cases differ from LuaJIT", differences.size(), cases.size()).isEmpty();
        assertThat(closedGaps).as("known gaps that now agree with LuaJIT (remove them from the list)").isEmpty();
    }

    private static List<String> evaluate(String show, List<Case> batch) {
        StringBuilder chunk = new StringBuilder("local show = (function()\n").append(show).append("\nend)()\n")
                .append("local keep = function(...) return ... end\nlocal R = {}\n");
        for (int i = 0; i < batch.size(); i++) {
            chunk.append("R[").append(i + 1).append("] = show(pcall(function() return keep(")
                    .append(batch.get(i).expression()).append("\n) end))\n");
        }
        chunk.append("return R\n");
        List<String> outcomes = new ArrayList<>();
        Evaluation evaluation = run(chunk.toString());
        if (!evaluation.succeeded() || !evaluation.value().istable()) {
            if (batch.size() == 1) {
                outcomes.add("chunk failed: " + evaluation.failure());
                return outcomes;
            }
            for (Case one : batch) {
                outcomes.addAll(evaluate(show, List.of(one)));
            }
            return outcomes;
        }
        LuaTable results = (LuaTable) evaluation.value();
        for (int i = 1; i <= batch.size(); i++) {
            outcomes.add(results.rawget(i).tojstring());
        }
        return outcomes;
    }

    private static Evaluation run(String chunk) {
        Compilation compilation = SandboxEvaluator.compile(chunk, "handler.lua");
        if (compilation.problem() != null) {
            return Evaluation.failed("does not compile: " + compilation.problem().message(), 0, false, false);
        }
        return SandboxEvaluator.evaluate(compilation.prototype(), Kind.HANDLER);
    }

    /** The cases luajit-parity-known-gaps.txt lists as not yet computed as LuaJIT computes them. */
    private static Set<String> knownGaps() throws IOException {
        Set<String> gaps = new HashSet<>();
        for (String line : resource("luajit-parity-known-gaps.txt").split("\n")) {
            if (!line.isEmpty() && !line.startsWith("-- ")) {
                gaps.add(line);
            }
        }
        return gaps;
    }

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : resource("luajit-parity.tsv").split("\n")) {
            if (line.isEmpty() || line.startsWith("-- ")) {
                continue;
            }
            int tab = line.indexOf('\t');
            cases.add(new Case(line.substring(0, tab), line.substring(tab + 1)));
        }
        return cases;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LuaJitParityTest.class.getResourceAsStream(DIR + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
