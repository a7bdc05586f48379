package dev.konnectplugins.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.konnectplugins.testkit.FakeKonnect;
import dev.konnectplugins.testkit.FakeKonnectExtension;
import dev.konnectplugins.testkit.StoredCustomPlugin;
import dev.konnectplugins.validation.PluginValidator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each subcommand in-process against a FakeKonnect: output, exit codes, and the bad-input messages. */
@ExtendWith(FakeKonnectExtension.class)
class CliTest {
    @TempDir
    Path work;

    private FakeKonnect fake;
    private Path plugins;

    @BeforeEach
    void setUp(FakeKonnect fake) {
        this.fake = fake;
        plugins = work.resolve("plugins");
        SamplePlugins.write(plugins, "alpha", "X-Alpha");
        SamplePlugins.write(plugins, "beta", "X-Beta");
    }

    @Test
    void planThenSyncThenPlanAgainShowsNothingToDo() {
        Run plan = run("plan", plugins.toString(), "--detailed-exitcode");
        assertThat(plan.exitCode).as(plan.toString()).isEqualTo(2);
        assertThat(plan.out).startsWith("Control plane default (" + fake.controlPlaneId() + ")\n"
                + "Plan: 2 to create, 0 to update, 0 to delete, 0 unchanged.\n\n  + alpha (create)\n");
        assertThat(fake.customPlugins(fake.controlPlaneId())).isEmpty();

        Run sync = run("sync", plugins.toString());
        assertThat(sync.exitCode).as(sync.toString()).isZero();
        assertThat(sync.out).contains("2 written, 0 failed, 0 skipped, 0 unchanged", "  + alpha created");
        assertThat(sync.err).as("no progress lines when not on a terminal").isEmpty();

        Run again = run("diff", plugins.toString(), "--detailed-exitcode");
        assertThat(again.exitCode).as(again.toString()).isZero();
        assertThat(again.out).contains("Plan: 0 to create, 0 to update, 0 to delete, 2 unchanged.");
    }

    @Test
    void syncAcrossControlPlanesReportsEachAndProgressOnATerminal() throws IOException {
        fake.addControlPlane("second");
        Map<String, String> env = environment();
        env.remove("KONNECT_CONTROL_PLANE");

        Run sync = run(env, true, "sync", plugins.toString(), "--control-plane", "default", "--control-plane",
                "second", "--output", "json");

        assertThat(sync.exitCode).as(sync.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(sync.out);
        assertThat(results).hasSize(2);
        assertThat(results.get(1).get("control_plane").asText()).isEqualTo("second");
        assertThat(results.get(1).get("converged").asBoolean()).isTrue();
        assertThat(sync.err.lines()).hasSize(2).allMatch(line -> line.startsWith("konnect-plugins sync: ["));
    }

    @Test
    void aBlockedChangeIsExit1AndAPullKeepsLocalFiles() throws IOException {
        run("sync", plugins.toString());
        fake.addPluginInstance(fake.controlPlaneId(), "beta");
        Files.writeString(plugins.resolve("beta/handler.lua"), SamplePlugins.handler("X-Beta-2"));

        Run sync = run("sync", plugins.toString());
        assertThat(sync.exitCode).as(sync.toString()).isEqualTo(1);
        assertThat(sync.out).contains("! beta (blocked update)\n    in use by 1 plugin instance", "beta-v2");
        assertThat(fake.customPlugin(fake.controlPlaneId(), "beta").orElseThrow().handler()).contains("X-Beta\"");

        Run pull = run("pull", plugins.toString());
        assertThat(pull.exitCode).as(pull.toString()).isEqualTo(1);
        assertThat(pull.out).contains("Unchanged " + plugins.resolve("alpha"), "Kept beta: ");
    }

    @Test
    void syncDryRunReportsAndExitsExactlyAsPlan() throws IOException {
        run("sync", plugins.toString());
        fake.addPluginInstance(fake.controlPlaneId(), "beta");
        Files.writeString(plugins.resolve("beta/handler.lua"), SamplePlugins.handler("X-Beta-2"));
        int requestsBefore = fake.requests().size();

        for (String output : new String[] {"text", "json"}) {
            Run plan = run("plan", plugins.toString(), "--output", output);
            Run dryRun = run("sync", plugins.toString(), "--dry-run", "--output", output);
            assertThat(plan.exitCode).as(plan.toString()).isEqualTo(1);
            assertThat(dryRun).as("sync --dry-run --output " + output).isEqualTo(plan);
        }
        assertThat(fake.requests().subList(requestsBefore, fake.requests().size()))
                .isNotEmpty().allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
        assertThat(fake.customPlugin(fake.controlPlaneId(), "beta").orElseThrow().handler()).contains("X-Beta\"");
    }

    @Test
    void syncDryRunTakesPlansDetailedExitCode() {
        Run plan = run("plan", plugins.toString(), "--detailed-exitcode");
        Run dryRun = run("sync", plugins.toString(), "--dry-run", "--detailed-exitcode");
        assertThat(plan.exitCode).as(plan.toString()).isEqualTo(2);
        assertThat(dryRun).isEqualTo(plan);
        assertThat(run("sync", plugins.toString(), "--dry-run").exitCode).isZero();
        assertThat(fake.customPlugins(fake.controlPlaneId())).isEmpty();

        assertExit(ExitCode.USAGE, run("sync", plugins.toString(), "--detailed-exitcode"),
                "konnect-plugins sync: --detailed-exitcode needs --dry-run");
        assertThat(fake.customPlugins(fake.controlPlaneId())).as("a usage error writes nothing").isEmpty();
    }

    @Test
    void planAndSyncShowValidationWarningsWithoutChangingTheExitStatus() throws IOException {
        run("sync", plugins.toString());
        Files.writeString(plugins.resolve("beta/handler.lua"), "local H = { PRIORITY = 1, VERSION = \"1.0.0\" }\n"
                + "function H:access(conf)\n  local lib = require(\"kong.tools.\" .. conf.value)\nend\nreturn H\n");
        String warning = "  beta/handler.lua:3:15: warning [sandbox.require] (run time) requires a computed module name";

        Run plan = run("plan", plugins.toString());
        Run json = run("plan", plugins.toString(), "--output", "json");
        Run sync = run("sync", plugins.toString());
        Run unchanged = run("plan", plugins.toString(), "--detailed-exitcode");

        assertThat(plan.exitCode).as(plan.toString()).isZero();
        assertThat(plan.out).contains("  ~ beta (update: handler.lua)", "\nValidation warnings (they do not stop "
                + "the sync):\n" + warning);
        assertThat(plan.err).isEmpty();
        JsonNode beta = new ObjectMapper().readTree(json.out).get(0).get("changes").get(1);
        assertThat(beta.get("warnings")).singleElement().satisfies(found -> {
            assertThat(found.get("rule").asText()).isEqualTo("sandbox.require");
            assertThat(found.get("line").asInt()).isEqualTo(3);
        });
        assertThat(sync.exitCode).as(sync.toString()).isZero();
        assertThat(sync.out).contains(warning, "  ~ beta updated");
        assertThat(unchanged.exitCode).as("warnings are no changes: " + unchanged).isZero();
        assertThat(unchanged.out).contains(warning);
    }

    @Test
    void pruneDeletesOnlyManagedPluginsAndListGetDeleteWork() {
        run("sync", plugins.toString(), "--tag", "team-a");
        Path fewer = work.resolve("fewer");
        SamplePlugins.write(fewer, "alpha", "X-Alpha");

        Run prune = run("sync", fewer.toString(), "--prune", "--tag", "team-a");
        assertThat(prune.exitCode).as(prune.toString()).isZero();
        assertThat(prune.out).contains("  - beta (delete)", "  - beta deleted");

        Run list = run("list", "--tag", "team-a");
        assertThat(list.out).matches("alpha  [0-9a-f-]{36}  konnect-plugins-managed,team-a\\n");
        Run get = run("get", "alpha");
        assertThat(get.out).startsWith("name: alpha\nid:   ").contains("--- handler.lua\n", "X-Alpha");
        Run missing = run("get", "gone");
        assertExit(ExitCode.KONNECT_ERROR, missing, "konnect-plugins get: custom plugin 'gone' not found on "
                + "control plane 'default' (");
        assertThat(missing.err).contains("`konnect-plugins list` shows the plugins there").hasLineCount(1);
        Run delete = run("delete", "alpha", "gone");
        assertThat(delete.exitCode).isZero();
        assertThat(delete.out).isEqualTo("Deleted alpha\nNot found, nothing to delete: gone\n");
        assertThat(fake.customPlugins(fake.controlPlaneId())).extracting(StoredCustomPlugin::name).isEmpty();
    }

    @Test
    void deleteOfAPluginInUseIsRefusedNamingTheInstance() {
        run("sync", plugins.toString());
        String instance = fake.addPluginInstance(fake.controlPlaneId(), "alpha");

        Run delete = run("delete", "alpha");
        Run json = run("delete", "alpha", "--output", "json");

        assertThat(json.exitCode).isEqualTo(1);
        assertThat(json.out).contains("\"status\" : \"in use\"", instance);
        assertThat(delete.exitCode).isEqualTo(1);
        assertThat(delete.err).isEqualTo("konnect-plugins delete: alpha is in use by plugin instances [" + instance
                + "]; delete or move them first\n");
    }

    @Test
    void badFoldersAreExit1NamingTheFolderAndNothingIsSent() throws IOException {
        Path empty = Files.createDirectories(work.resolve("empty"));
        assertExit(ExitCode.ERROR, run("sync", empty.toString()), "konnect-plugins sync: " + empty + ": no plugins found");

        Path half = Files.createDirectories(work.resolve("half/only-handler"));
        Files.writeString(half.resolve("handler.lua"), SamplePlugins.handler("X"));
        assertExit(ExitCode.ERROR, run("plan", half.getParent().toString()), "konnect-plugins plan: " + half
                + ": has handler.lua but no schema.lua; a plugin needs both");

        assertExit(ExitCode.ERROR, run("validate", empty.toString()), "konnect-plugins validate: " + empty + ": no plugins found");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void anInvalidPluginIsExit1BeforeAnyRequest() throws IOException {
        Files.writeString(plugins.resolve("beta/handler.lua"), "local H = { PRIORITY = 1, VERSION = \"1.0.0\" }\n"
                + "function H:access(conf)\n  ngx.timer.at(0, function() end)\nend\nreturn H\n");

        Run sync = run("sync", plugins.toString());
        Run validate = run("validate", "--format", "github", plugins.toString());

        assertThat(sync.exitCode).isEqualTo(1);
        assertThat(sync.err).startsWith("konnect-plugins sync: 1 error in the desired state; nothing was written")
                .contains("beta: ", "sandbox.timer");
        assertThat(validate.exitCode).isEqualTo(1);
        assertThat(validate.out).contains("::error file=" + plugins.resolve("beta/handler.lua"));
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void configurationAndKonnectFailuresHaveTheirExitCodes() {
        Map<String, String> noToken = environment();
        noToken.remove("KONNECT_TOKEN");
        assertExit(ExitCode.ERROR, run(noToken, false, "plan", plugins.toString()),
                "konnect-plugins plan: no token: set KONNECT_TOKEN or pass --token");
        assertExit(ExitCode.USAGE, run("plan", plugins.toString(), "--output", "yaml"),
                "konnect-plugins plan: Invalid value for option '--output'");
        assertExit(ExitCode.USAGE, run("list", "--control-plane", "a", "--control-plane", "b"),
                "konnect-plugins list: list works on one control plane");
        assertExit(ExitCode.USAGE, run("list", "--region", "mars"), "konnect-plugins list: --region: ");
        assertExit(ExitCode.USAGE, run("list", "--region", "eu", "--base-url", "http://127.0.0.1:1"),
                "konnect-plugins list: --region and --base-url name two hosts");

        Run wrongToken = run("plan", plugins.toString(), "--token", "kpat_wrong");
        assertThat(wrongToken.exitCode).isEqualTo(ExitCode.KONNECT_ERROR);
        assertThat(wrongToken.err).contains("(check the token: KONNECT_TOKEN or --token)").doesNotContain("%5B");
        Run missing = run("plan", plugins.toString(), "--control-plane", "nowhere");
        assertThat(missing.exitCode).isEqualTo(ExitCode.KONNECT_ERROR);
        assertThat(missing.out).as("the error is printed once, on stderr").isEmpty();
        assertThat(missing.err).isEqualTo("konnect-plugins plan: nowhere: control plane 'nowhere' not found on "
                + fake.baseUrl().getAuthority() + " (GET /v2/control-planes: HTTP 404) (check --control-plane or "
                + "KONNECT_CONTROL_PLANE, and the region)\n");
        Run unreachable = run("list", "--base-url", "http://127.0.0.1:1");
        assertThat(unreachable.exitCode).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(unreachable.err).startsWith("konnect-plugins list: could not reach 127.0.0.1:1: ")
                .contains("(GET /v2/control-planes)", "check the network").doesNotContain("%5B");
        assertThat(run("--version").out).startsWith("konnect-plugins ");
        Run help = run("sync", "--help");
        assertThat(help.exitCode).isZero();
        assertThat(help.out).startsWith("Usage: konnect-plugins sync ").contains("--prune", "--dry-run", "--token");
        assertThat(run().exitCode).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void validatePlanAndSyncGiveTheSameFindingsOfEveryPluginAndExit1() throws IOException {
        Path folder = work.resolve("invalid");
        Path misnamed = SamplePlugins.write(folder, "one", "X-One");
        Files.writeString(misnamed.resolve("schema.lua"), SamplePlugins.schema("two"));
        Path worker = SamplePlugins.write(folder, "worker", "X-Worker");
        Files.writeString(worker.resolve("handler.lua"), "return {\n  VERSION = \"1.0.0\",\n  PRIORITY = 500,\n"
                + "  init_worker = function() end,\n}\n");

        Run validate = run("validate", folder.toString());
        Run plan = run("plan", folder.toString());
        Run sync = run("sync", folder.toString());

        Set<String> expected = Set.of("one/schema.lua:4:3: error [name.mismatch] (upload)",
                "worker/handler.lua:4:3: error [handler.init-worker] (upload)");
        assertThat(validate.exitCode).as(validate.toString()).isEqualTo(1);
        assertThat(validateFindings(validate.out, folder)).as(validate.toString()).isEqualTo(expected);
        for (Run refused : List.of(plan, sync)) {
            assertThat(refused.exitCode).as(refused.toString()).isEqualTo(1);
            assertThat(syncFindings(refused.err)).as(refused.toString()).isEqualTo(expected);
            assertThat(refused.err).contains("one: Konnect would refuse this upload:",
                    "worker: Konnect would refuse this upload:");
        }
        assertThat(fake.requests()).isEmpty();
    }

    /** {@code plugin/file:line:column: severity [rule] (stage)} of each line of validate's text output. */
    private static Set<String> validateFindings(String out, Path folder) {
        return out.lines().filter(line -> line.startsWith(folder + "/"))
                .map(line -> line.substring(folder.toString().length() + 1))
                .map(line -> line.substring(0, line.indexOf(')') + 1))
                .collect(Collectors.toSet());
    }

    /** The same, from plan's and sync's report: each plugin's heading, then its findings indented below it. */
    private static Set<String> syncFindings(String err) {
        Set<String> findings = new HashSet<>();
        String plugin = null;
        for (String line : err.lines().toList()) {
            if (line.startsWith("    ")) {
                String finding = line.strip();
                findings.add(plugin + "/" + finding.substring(0, finding.indexOf(')') + 1));
            } else if (line.startsWith("  ")) {
                plugin = line.strip().substring(0, line.strip().indexOf(':'));
            }
        }
        return findings;
    }

    @Test
    void badUsageHasItsOwnCodeEvenWithDetailedExitCodeAndTyposGetSuggestions() {
        assertExit(ExitCode.USAGE, run("plan", "--detailed-exitcode", "--bad-option", plugins.toString()),
                "konnect-plugins plan: Unknown option: '--bad-option'");
        Run typo = run("snyc", plugins.toString());
        assertThat(typo.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(typo.err).contains("Did you mean", "sync");
        Run option = run("sync", "--purne", plugins.toString());
        assertThat(option.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(option.err).contains("Did you mean", "--prune");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void validateTakesOutputJsonAndFormatAsItsAliasAndShowsPathsAsGiven() throws IOException {
        Files.writeString(plugins.resolve("beta/handler.lua"), "local H = { PRIORITY = 1, VERSION = \"1.0.0\" }\n"
                + "function H:access(conf)\n  ngx.timer.at(0, function() end)\nend\nreturn H\n");
        String given = plugins + "/";
        Run json = run("validate", "--output", "json", given);
        Run format = run("validate", "--format", "json", given);
        assertThat(json.exitCode).isEqualTo(ExitCode.ERROR);
        assertThat(format).isEqualTo(json);
        assertThat(json.out).contains("\"path\":\"" + given + "beta\"");
        Run text = run("validate", given + "beta");
        assertThat(text.out).startsWith(given + "beta/handler.lua:3:3: error [sandbox.timer]");
        Run bad = run("validate", "--output", "sarf", given);
        assertExit(ExitCode.USAGE, bad, "konnect-plugins validate: unknown format 'sarf' for --output");
        assertThat(bad.err).doesNotContain("--name", "konnect-plugins-validate");
    }

    /**
     * {@code validate} with folders and at most an output format runs without picocli's model (start-up); it must
     * answer exactly as picocli's parse does, here made to parse by spelling out the other options' defaults.
     */
    @Test
    void validateWithFoldersAndAFormatAnswersAsPicocliDoes() throws IOException {
        Files.writeString(plugins.resolve("beta/handler.lua"), "local H = { PRIORITY = 1, VERSION = \"1.0.0\" }\n"
                + "function H:access(conf)\n  ngx.timer.at(0, function() end)\nend\nreturn H\n");
        String jobs = String.valueOf(Runtime.getRuntime().availableProcessors());
        String maxFileSize = String.valueOf(PluginValidator.DEFAULT_MAX_FILE_SIZE);
        List<List<String>> folderLists = List.of(List.of(plugins.toString()), List.of(plugins + "/alpha"),
                List.of(plugins + "/alpha", plugins + "/beta"), List.of(plugins + "/missing"),
                List.of(plugins + "/alpha", plugins + "/missing"));
        List<List<String>> formats = List.of(List.of(), List.of("--output", "github"), List.of("--format=json"),
                List.of("--output=sarif"), List.of("--format", "text"));
        for (List<String> folders : folderLists) {
            for (List<String> format : formats) {
                List<String> fast = new ArrayList<>(List.of("validate"));
                fast.addAll(format);
                fast.addAll(folders);
                List<String> parsed = new ArrayList<>(List.of("validate", "--jobs", jobs, "--max-file-size",
                        maxFileSize));
                parsed.addAll(format.isEmpty() ? List.of("--output", "text") : format);
                parsed.add("--");
                parsed.addAll(folders);
                assertThat(ValidateCommand.parsedWithoutPicocli(null, fast.toArray(String[]::new))).isPresent();

                Run withoutPicocli = run(fast.toArray(String[]::new));
                Run withPicocli = run(parsed.toArray(String[]::new));

                assertThat(withoutPicocli).as(String.join(" ", fast)).isEqualTo(withPicocli);
            }
        }
        assertThat(run("validate", plugins + "/beta").exitCode).isEqualTo(ExitCode.ERROR);
        assertExit(ExitCode.ERROR, run("validate", plugins + "/missing"), "konnect-plugins validate: ");
    }

    @Test
    void validateLeavesEveryOtherCommandLineToPicocli() {
        for (String[] args : List.of(new String[] {"validate", "x", "-j1"}, new String[] {"validate", "@args"},
                new String[] {"validate"}, new String[] {"validate", "--output", "github"},
                new String[] {"validate", "--output", "sarf", "x"}, new String[] {"validate", "x", "--output"},
                new String[] {"validate", "--output=", "x"}, new String[] {"validate", "--output", "json", "--format",
                "json", "x"}, new String[] {"validate", "--outptu", "json", "x"}, new String[] {"validate", "--", "x"},
                new String[] {"validate", "x", "--help"}, new String[] {"plan", "x"})) {
            assertThat(ValidateCommand.parsedWithoutPicocli(null, args)).as(String.join(" ", args)).isEmpty();
        }
        assertThat(ValidateCommand.parsedWithoutPicocli(null, new String[] {"validate", "x", "y"})).isPresent();
        Run repeated = run("validate", "--output", "json", "--format", "json", plugins.toString());
        assertThat(repeated.exitCode).as(repeated.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(repeated.err).contains("--output");
        Run typo = run("validate", "--outptu", "json", plugins.toString());
        assertThat(typo.exitCode).as(typo.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(typo.err).contains("Did you mean");
    }

    @Test
    void syncOnATerminalShowsThePlanAndWritesOnlyAfterYes() {
        List<String> questions = new ArrayList<>();
        Run refused = run(Optional.of(question -> questions.add(question) && false), "sync", plugins.toString());
        assertThat(refused.exitCode).as(refused.toString()).isEqualTo(ExitCode.ERROR);
        assertThat(refused.out).contains("Plan: 2 to create, 0 to update", "  + alpha (create)");
        assertThat(refused.err).isEqualTo("konnect-plugins sync: not applied: nothing was written\n");
        assertThat(questions).singleElement().asString().contains("Only 'yes'", "--auto-approve");
        assertThat(fake.customPlugins(fake.controlPlaneId())).isEmpty();

        Run approved = run(Optional.of(question -> true), "sync", plugins.toString());
        assertThat(approved.exitCode).as(approved.toString()).isZero();
        assertThat(approved.out).contains("  + alpha (create)", "2 written, 0 failed", "  + alpha created");
        assertThat(fake.customPlugins(fake.controlPlaneId())).hasSize(2);

        Prompt mustNotAsk = question -> {
            throw new AssertionError("asked: " + question);
        };
        assertThat(run(Optional.of(mustNotAsk), "sync", plugins.toString()).exitCode).as("nothing to do").isZero();
        SamplePlugins.write(plugins, "gamma", "X-Gamma");
        Run auto = run(Optional.of(mustNotAsk), "sync", "--auto-approve", plugins.toString());
        assertThat(auto.exitCode).as(auto.toString()).isZero();
        assertThat(fake.customPlugins(fake.controlPlaneId())).hasSize(3);
    }

    @Test
    void listAlignsItsColumns() {
        SamplePlugins.write(plugins, "a-much-longer-name", "X-Long");
        run("sync", plugins.toString());
        Run list = run("list");
        // Every id starts in the same column, after the longest name and two spaces.
        assertThat(list.out.lines()).hasSize(3).extracting(line -> line.indexOf(line.split("\\s+")[1]))
                .containsOnly("a-much-longer-name".length() + 2);
    }

    @Test
    void helpListsEveryExitCodeOnce() {
        Run help = run("--help");
        assertThat(help.out).contains(String.join("\n", ExitCode.FOOTER));
    }

    private void assertExit(int exitCode, Run run, String messageStart) {
        assertThat(run.exitCode).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.err).startsWith(messageStart);
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("KONNECT_TOKEN", fake.token());
        env.put("KONNECT_BASE_URL", fake.baseUrl().toString());
        env.put("KONNECT_CONTROL_PLANE", fake.controlPlaneName());
        return env;
    }

    private Run run(String... args) {
        return run(environment(), false, args);
    }

    private Run run(Optional<Prompt> prompt, String... args) {
        return run(environment(), prompt.isPresent(), prompt, args);
    }

    private static Run run(Map<String, String> env, boolean terminal, String... args) {
        return run(env, terminal, Optional.empty(), args);
    }

    private static Run run(Map<String, String> env, boolean terminal, Optional<Prompt> prompt, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal, prompt);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
