package dev.konnectplugins.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.NotFoundException;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.RetryPolicy;
import dev.konnectplugins.ServerException;
import dev.konnectplugins.Severity;
import dev.konnectplugins.testkit.FakeKonnect;
import dev.konnectplugins.testkit.FakeKonnectExtension;
import dev.konnectplugins.testkit.RecordedRequest;
import dev.konnectplugins.testkit.StoredCustomPlugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FakeKonnectExtension.class)
class PluginSyncTest {
    private static final String MANAGED = SyncOptions.DEFAULT_MANAGED_TAG;

    /** Valid, with one warning: Kong's sandbox allows only some modules, and a computed name cannot be checked. */
    private static final String COMPUTED_REQUIRE_HANDLER =
            "local Handler = { PRIORITY = 810, VERSION = \"1.0.0\" }\nfunction Handler:access(conf)\n"
            + "  local tools = require(\"kong.tools.\" .. conf.value)\n"
            + "  kong.service.request.set_header(\"X-Warned\", tools and \"yes\" or \"no\")\nend\nreturn Handler\n";

    @TempDir
    Path folder;

    private FakeKonnect fake;
    private Konnect konnect;
    private PluginSync sync;
    private String cp;

    @BeforeEach
    void setUp(FakeKonnect fake) {
        this.fake = fake;
        // No retries: a 503 is a failed write at once, and tests stay fast.
        konnect = Konnect.builder().baseUrl(fake.baseUrl()).token(fake.token()).retryPolicy(RetryPolicy.none())
                .build();
        sync = PluginSync.of(konnect);
        cp = fake.controlPlaneName();
    }

    @AfterEach
    void tearDown() {
        konnect.close();
    }

    @Test
    void syncingTheSameFolderTwiceWritesNothingTheSecondTime() {
        Plugins.write(folder, "alpha", "X-Alpha");
        Plugins.write(folder, "beta", "X-Beta");

        SyncResult first = sync.sync(cp, DesiredState.fromFolder(folder), SyncOptions.defaults());
        assertThat(first.converged()).isTrue();
        assertThat(first.outcomes()).extracting(PluginOutcome::name, PluginOutcome::action, PluginOutcome::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alpha", ChangeAction.CREATE, OutcomeStatus.DONE),
                        org.assertj.core.groups.Tuple.tuple("beta", ChangeAction.CREATE, OutcomeStatus.DONE));
        assertThat(fake.customPlugin(fake.controlPlaneId(), "alpha").orElseThrow().tags()).containsExactly(MANAGED);
        int requestsBefore = fake.requests().size();

        SyncResult second = sync.sync(cp, DesiredState.fromFolder(folder), SyncOptions.defaults());

        assertThat(second.plan().hasChanges()).isFalse();
        assertThat(second.plan().summary()).isEqualTo("0 to create, 0 to update, 0 to delete, 2 unchanged");
        assertThat(second.outcomes()).isEmpty();
        assertThat(writes(fake.requests().subList(requestsBefore, fake.requests().size()))).isEmpty();
    }

    @Test
    void oneChangedHandlerGivesOnePutAndADiff() throws IOException {
        Plugins.write(folder, "alpha", "X-Alpha");
        Plugins.write(folder, "beta", "X-Beta");
        sync.sync(cp, DesiredState.fromFolder(folder), SyncOptions.defaults());
        Files.writeString(folder.resolve("beta/handler.lua"), Plugins.handler("X-Beta-2"));
        int requestsBefore = fake.requests().size();

        SyncPlan plan = sync.plan(cp, DesiredState.fromFolder(folder), SyncOptions.defaults());
        PlannedChange change = plan.changes(ChangeAction.UPDATE).get(0);
        assertThat(plan.summary()).isEqualTo("0 to create, 1 to update, 0 to delete, 1 unchanged");
        assertThat(change.name()).isEqualTo("beta");
        assertThat(change.changedParts()).containsExactly(ChangedPart.HANDLER);
        assertThat(change.diff()).contains("--- konnect/beta/handler.lua", "+++ local/beta/handler.lua",
                "-  kong.service.request.set_header(\"X-Beta\", conf.value)",
                "+  kong.service.request.set_header(\"X-Beta-2\", conf.value)");
        assertThat(plan.toText()).contains("Plan: 0 to create, 1 to update, 0 to delete, 1 unchanged.",
                "  ~ beta (update: handler.lua)", "    +++ local/beta/handler.lua");

        SyncResult result = sync.apply(plan);

        assertThat(result.converged()).isTrue();
        List<RecordedRequest> written = writes(fake.requests().subList(requestsBefore, fake.requests().size()));
        assertThat(written).extracting(RecordedRequest::method).containsExactly("PUT");
        assertThat(written.get(0).url()).endsWith("/custom-plugins/beta");
        assertThat(fake.customPlugin(fake.controlPlaneId(), "beta").orElseThrow().handler()).contains("X-Beta-2");
    }

    @Test
    void aDryRunWritesNothing() {
        Plugins.write(folder, "alpha", "X-Alpha");

        SyncPlan plan = sync.plan(cp, DesiredState.fromFolder(folder), SyncOptions.builder().prune(true).build());

        assertThat(plan.changes(ChangeAction.CREATE)).extracting(PlannedChange::name).containsExactly("alpha");
        assertThat(fake.requests()).isNotEmpty().allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
        assertThat(fake.customPlugins(fake.controlPlaneId())).isEmpty();
    }

    @Test
    void lineEndingsAndATrailingNewlineDoNotMakeAChange() throws IOException {
        Path alpha = Plugins.write(folder, "alpha", "X-Alpha");
        sync.sync(cp, DesiredState.fromFolder(folder), SyncOptions.defaults());
        String handler = Files.readString(alpha.resolve("handler.lua"));
        Files.writeString(alpha.resolve("handler.lua"), handler.replace("\n", "\r\n") + "\r\n\n");

        SyncPlan plan = sync.plan(cp, DesiredState.fromFolder(folder), SyncOptions.defaults());

        assertThat(plan.changes()).extracting(PlannedChange::action).containsExactly(ChangeAction.UNCHANGED);
    }

    @Test
    void pruneRemovesOnlyManagedPluginsAndNeverOneInUse() {
        Plugins.write(folder, "kept", "X-kept");
        sync.sync(cp, DesiredState.of(List.of(source("kept"), source("gone"), source("used"))),
                SyncOptions.defaults());
        konnect.controlPlane(fake.controlPlaneId()).customPlugins().upsert(source("by-hand").withTags("ui"));
        String instance = fake.addPluginInstance(fake.controlPlaneId(), "used");

        SyncPlan plan = sync.plan(cp, DesiredState.fromFolder(folder), SyncOptions.builder().prune(true).build());

        assertThat(plan.summary())
                .isEqualTo("0 to create, 0 to update, 1 to delete, 1 unchanged, 1 blocked, 1 left alone");
        assertThat(plan.changes()).extracting(PlannedChange::name, PlannedChange::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("by-hand", ChangeAction.LEFT_ALONE),
                org.assertj.core.groups.Tuple.tuple("gone", ChangeAction.DELETE),
                org.assertj.core.groups.Tuple.tuple("kept", ChangeAction.UNCHANGED),
                org.assertj.core.groups.Tuple.tuple("used", ChangeAction.BLOCKED));
        PlannedChange used = plan.changes(ChangeAction.BLOCKED).get(0);
        assertThat(used.intendedAction()).contains(ChangeAction.DELETE);
        assertThat(used.instanceIds()).containsExactly(instance);
        assertThat(used.reason()).contains("in use by 1 plugin instance (" + instance + ")");
        assertThat(plan.changes(ChangeAction.LEFT_ALONE).get(0).reason()).contains("not managed");
        int requestsBefore = fake.requests().size();

        SyncResult result = sync.apply(plan);

        assertThat(writes(fake.requests().subList(requestsBefore, fake.requests().size())))
                .extracting(RecordedRequest::method, RecordedRequest::url).containsExactly(org.assertj.core.groups
                        .Tuple.tuple("DELETE", "/v2/control-planes/" + fake.controlPlaneId()
                                + "/core-entities/custom-plugins/gone"));
        assertThat(fake.customPlugins(fake.controlPlaneId())).extracting(StoredCustomPlugin::name)
                .containsExactlyInAnyOrder("kept", "used", "by-hand");
        assertThat(result.succeeded()).isTrue();
        assertThat(result.converged()).isFalse();
        assertThat(result.outcomes(OutcomeStatus.SKIPPED)).extracting(PluginOutcome::name).containsExactly("used");
    }

    @Test
    void withoutPruneManagedPluginsMissingLocallyAreKept() {
        sync.sync(cp, DesiredState.of(List.of(source("gone"))), SyncOptions.defaults());

        SyncPlan plan = sync.plan(cp, DesiredState.of(List.of()), SyncOptions.defaults());

        assertThat(plan.changes()).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(ChangeAction.LEFT_ALONE);
            assertThat(change.reason()).contains("prune would delete it");
        });
    }

    @Test
    void aChangeToAPluginInUseIsBlockedAndNotSent() throws IOException {
        Plugins.write(folder, "stream-headers", "X-One");
        sync.sync(cp, DesiredState.fromFolder(folder), SyncOptions.defaults());
        String instance = fake.addPluginInstance(fake.controlPlaneId(), "stream-headers");
        Files.writeString(folder.resolve("stream-headers/handler.lua"), Plugins.handler("X-Two"));
        int requestsBefore = fake.requests().size();

        SyncResult result = sync.sync(cp, DesiredState.fromFolder(folder), SyncOptions.defaults());

        PlannedChange change = result.plan().changes().get(0);
        assertThat(change.action()).isEqualTo(ChangeAction.BLOCKED);
        assertThat(change.intendedAction()).contains(ChangeAction.UPDATE);
        assertThat(change.changedParts()).containsExactly(ChangedPart.HANDLER);
        assertThat(change.diff()).contains("+  kong.service.request.set_header(\"X-Two\", conf.value)");
        assertThat(change.instanceIds()).containsExactly(instance);
        assertThat(change.reason()).contains("stream-headers-v2", "move the instances", "prune stream-headers");
        assertThat(result.outcomes()).singleElement().satisfies(outcome ->
                assertThat(outcome.status()).isEqualTo(OutcomeStatus.SKIPPED));
        assertThat(writes(fake.requests().subList(requestsBefore, fake.requests().size()))).isEmpty();
        assertThat(result.plan().toText()).contains("  ! stream-headers (blocked update)\n    in use by 1 plugin");
    }

    @Test
    void anUpdateOfAPluginMadeByHandNeedsAdopt() {
        konnect.controlPlane(fake.controlPlaneId()).customPlugins()
                .upsert(PluginSource.of("alpha", Plugins.handler("X-Old"), Plugins.schema("alpha")).withTags("ui"));
        DesiredState desired = DesiredState.of(List.of(source("alpha")));

        SyncResult refused = sync.sync(cp, desired, SyncOptions.defaults());
        assertThat(refused.plan().changes().get(0).action()).isEqualTo(ChangeAction.BLOCKED);
        assertThat(refused.plan().changes().get(0).reason()).contains("--adopt");
        assertThat(fake.customPlugin(fake.controlPlaneId(), "alpha").orElseThrow().handler()).contains("X-Old");

        SyncResult adopted = sync.sync(cp, desired, SyncOptions.builder().adopt(true).tags("team-a").build());
        assertThat(adopted.converged()).isTrue();
        assertThat(adopted.plan().changes().get(0).changedParts())
                .containsExactlyInAnyOrder(ChangedPart.HANDLER, ChangedPart.TAGS);
        assertThat(fake.customPlugin(fake.controlPlaneId(), "alpha").orElseThrow().tags())
                .containsExactly(MANAGED, "team-a");
    }

    @Test
    void anInvalidPluginStopsTheSyncBeforeAnyWrite() throws IOException {
        Plugins.write(folder, "alpha", "X-Alpha");
        Path timer = Plugins.write(folder, "timer", "X-Timer");
        Files.writeString(timer.resolve("handler.lua"), "local H = { PRIORITY = 1, VERSION = \"1.0.0\" }\n"
                + "function H:access(conf)\n  ngx.timer.at(0, function() end)\nend\nreturn H\n");

        assertThatThrownBy(() -> sync.sync(cp, DesiredState.fromFolder(folder), SyncOptions.defaults()))
                .isInstanceOfSatisfying(SyncValidationException.class, e -> {
                    assertThat(e.invalidPlugins()).containsExactly("timer");
                    assertThat(e.getMessage()).contains("timer: a data plane would fail at run time:",
                            "sandbox.timer", "nothing was written");
                });
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aNameOtherThanTheSchemasIsAValidationErrorReportedWithTheOthers() throws IOException {
        Path renamed = Plugins.write(folder, "renamed", "X");
        Files.writeString(renamed.resolve("schema.lua"), Plugins.schema("original"));
        Path timer = Plugins.write(folder, "timer", "X-Timer");
        Files.writeString(timer.resolve("handler.lua"), "local H = { PRIORITY = 1, VERSION = \"1.0.0\" }\n"
                + "function H:access(conf)\n  ngx.timer.at(0, function() end)\nend\nreturn H\n");

        assertThatThrownBy(() -> sync.plan(cp, DesiredState.fromFolder(folder), SyncOptions.defaults()))
                .isInstanceOfSatisfying(SyncValidationException.class, e -> {
                    assertThat(e.invalidPlugins()).containsExactly("renamed", "timer");
                    assertThat(e.getMessage()).contains("renamed: Konnect would refuse this upload:",
                            "[name.mismatch] (upload)", "timer: a data plane would fail at run time:");
                });
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void validationWarningsAreInThePlanAndChangeNothing() throws IOException {
        Plugins.write(folder, "alpha", "X-Alpha");
        sync.sync(cp, DesiredState.fromFolder(folder), SyncOptions.defaults());
        Path warned = Plugins.write(folder, "warned", "X-Warned");
        Files.writeString(warned.resolve("handler.lua"), COMPUTED_REQUIRE_HANDLER);

        SyncPlan plan = sync.plan(cp, DesiredState.fromFolder(folder), SyncOptions.defaults());

        assertThat(plan.summary()).isEqualTo("1 to create, 0 to update, 0 to delete, 1 unchanged");
        assertThat(plan.changes(ChangeAction.UNCHANGED).get(0).warnings()).isEmpty();
        Diagnostic warning = plan.changes(ChangeAction.CREATE).get(0).warnings().get(0);
        assertThat(plan.changes(ChangeAction.CREATE).get(0).warnings()).containsExactly(warning);
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(warning.rule()).isEqualTo("sandbox.require");
        assertThat(warning.message()).startsWith("requires a computed module name");
        assertThat(List.of(warning.file(), warning.line(), warning.column())).containsExactly("handler.lua", 3, 17);
        assertThat(plan.toText()).endsWith("\n  + warned (create)\n\nValidation warnings (they do not stop the sync):\n"
                + "  warned/handler.lua:3:17: warning [sandbox.require] (run time) " + warning.message() + "\n");
        JsonNode json = new ObjectMapper().readTree(plan.toJson()).get("changes").get(1).get("warnings");
        assertThat(json).singleElement().satisfies(node -> assertThat(node.toString()).isEqualTo("{\"rule\":"
                + "\"sandbox.require\",\"severity\":\"warning\",\"stage\":\"runtime\",\"file\":\"handler.lua\",\"line\":3,\"column\":17,"
                + "\"message\":" + new ObjectMapper().writeValueAsString(warning.message()) + "}"));

        SyncResult result = sync.apply(plan);
        assertThat(result.converged()).isTrue();
        SyncPlan again = sync.plan(cp, DesiredState.fromFolder(folder), SyncOptions.defaults());
        assertThat(again.changes(ChangeAction.UNCHANGED)).extracting(change -> change.warnings().size())
                .as("an unchanged plugin keeps its warnings").containsExactly(0, 1);
        assertThat(again.toText()).contains("warned/handler.lua:3:17: warning [sandbox.require]");
    }

    @Test
    void a503HalfWayIsReportedAndARerunConverges() {
        DesiredState desired = DesiredState.of(List.of(source("alpha"), source("beta"), source("gamma")));
        var stub = fake.wireMock().stubFor(put(urlPathEqualTo("/v2/control-planes/" + fake.controlPlaneId()
                + "/core-entities/custom-plugins/beta")).atPriority(1).willReturn(aResponse().withStatus(503)));

        SyncResult broken = sync.sync(cp, desired, SyncOptions.defaults());

        assertThat(broken.succeeded()).isFalse();
        assertThat(broken.outcomes()).extracting(PluginOutcome::name, PluginOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alpha", OutcomeStatus.DONE),
                org.assertj.core.groups.Tuple.tuple("beta", OutcomeStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple("gamma", OutcomeStatus.SKIPPED));
        assertThat(broken.outcomes().get(1).failure()).get().isInstanceOf(ServerException.class);
        assertThat(broken.toText()).contains("1 written, 1 failed, 1 skipped", "beta create failed: ");
        assertThat(fake.customPlugins(fake.controlPlaneId())).extracting(StoredCustomPlugin::name)
                .containsExactly("alpha");

        fake.wireMock().removeStub(stub);
        SyncResult rerun = sync.sync(cp, desired, SyncOptions.defaults());

        assertThat(rerun.converged()).isTrue();
        assertThat(rerun.plan().summary()).isEqualTo("2 to create, 0 to update, 0 to delete, 1 unchanged");
        assertThat(sync.plan(cp, desired, SyncOptions.defaults()).hasChanges()).isFalse();
    }

    @Test
    void continueOnErrorWritesTheRestAfterAFailure() {
        DesiredState desired = DesiredState.of(List.of(source("alpha"), source("beta"), source("gamma")));
        fake.wireMock().stubFor(put(urlPathEqualTo("/v2/control-planes/" + fake.controlPlaneId()
                + "/core-entities/custom-plugins/alpha")).atPriority(1).willReturn(aResponse().withStatus(503)));

        SyncResult result = sync.sync(cp, desired, SyncOptions.builder().continueOnError(true).build());

        assertThat(result.outcomes()).extracting(PluginOutcome::status).containsExactly(OutcomeStatus.FAILED,
                OutcomeStatus.DONE, OutcomeStatus.DONE);
    }

    @Test
    void threeControlPlanesAreSyncedConcurrentlyAndAMissingOneDoesNotStopThem() {
        String second = fake.addControlPlane("second");
        String third = fake.addControlPlane("third");
        DesiredState desired = DesiredState.of(List.of(source("alpha"), source("beta")));
        Set<String> threads = ConcurrentHashMap.newKeySet();
        fake.faults().delayNext(3, java.time.Duration.ofMillis(300));

        List<SyncResult> results = sync.syncAll(List.of(cp, "second", third, "missing"), desired,
                SyncOptions.builder().parallelism(4).build(), result -> threads.add(Thread.currentThread().getName()));

        assertThat(results).extracting(result -> result.plan().controlPlane())
                .containsExactly(cp, "second", third, "missing");
        assertThat(results.subList(0, 3)).allSatisfy(result -> assertThat(result.converged()).isTrue());
        assertThat(results.get(3).failure()).get().isInstanceOf(NotFoundException.class);
        assertThat(threads).hasSizeGreaterThan(1);
        for (String id : List.of(fake.controlPlaneId(), second, third)) {
            assertThat(fake.customPlugins(id)).extracting(StoredCustomPlugin::name).containsExactly("alpha", "beta");
        }
    }

    @Test
    void stopAllOnFailureLeavesTheControlPlanesNotYetStarted() {
        fake.addControlPlane("second");
        List<SyncResult> results = sync.syncAll(List.of("missing", "second"), DesiredState.of(List.of(source("a1"))),
                SyncOptions.builder().parallelism(1).stopAllOnFailure(true).build());

        assertThat(results.get(0).failure()).get().isInstanceOf(NotFoundException.class);
        assertThat(results.get(1).failure()).get().extracting(Throwable::getMessage).asString()
                .contains("not started");
    }

    @Test
    void plansRenderAsJson() throws IOException {
        sync.sync(cp, DesiredState.of(List.of(source("alpha"))), SyncOptions.defaults());
        DesiredState desired = DesiredState.of(List.of(PluginSource.of("alpha", Plugins.handler("X-New"),
                Plugins.schema("alpha")), source("beta")));

        JsonNode json = new ObjectMapper().readTree(sync.plan(cp, desired, SyncOptions.defaults()).toJson());

        assertThat(json.get("control_plane").asText()).isEqualTo(cp);
        assertThat(json.get("control_plane_id").asText()).isEqualTo(fake.controlPlaneId());
        assertThat(json.get("summary").get("create").asInt()).isEqualTo(1);
        assertThat(json.get("summary").get("update").asInt()).isEqualTo(1);
        assertThat(json.get("has_changes").asBoolean()).isTrue();
        JsonNode alpha = json.get("changes").get(0);
        assertThat(alpha.get("action").asText()).isEqualTo("update");
        assertThat(alpha.get("changed").get(0).asText()).isEqualTo("handler.lua");
        assertThat(alpha.get("diff").asText()).startsWith("--- konnect/alpha/handler.lua\n");
    }

    @Test
    void longDiffsAreCutWithATruncatedLine() {
        sync.sync(cp, DesiredState.of(List.of(source("alpha"))), SyncOptions.defaults());
        String longHandler = Plugins.handler("X").replace("return Handler", "-- a\n".repeat(50) + "return Handler");
        DesiredState desired = DesiredState.of(List.of(PluginSource.of("alpha", longHandler, Plugins.schema("alpha"))));

        PlannedChange change = sync.plan(cp, desired, SyncOptions.builder().diffLineLimit(20).build()).changes().get(0);

        assertThat(change.diff()).hasSize(21);
        assertThat(change.diff().get(20)).matches("\\.\\.\\. diff truncated \\(\\d+ more lines\\)");
    }

    @Test
    void pullWritesEachPluginAndKeepsDifferentLocalFilesUnlessAsked() throws IOException {
        sync.sync(cp, DesiredState.of(List.of(source("alpha"), source("beta"))), SyncOptions.defaults());
        Path pulled = folder.resolve("pulled");

        assertThat(sync.pull(cp, pulled, false)).extracting(PulledPlugin::name, PulledPlugin::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("alpha", PullStatus.WRITTEN),
                org.assertj.core.groups.Tuple.tuple("beta", PullStatus.WRITTEN));
        assertThat(Files.readString(pulled.resolve("alpha/handler.lua"))).isEqualTo(Plugins.handler("X-alpha"));
        assertThat(DesiredState.fromFolder(pulled).plugins()).extracting(PluginSource::name)
                .containsExactly("alpha", "beta");

        Files.writeString(pulled.resolve("beta/schema.lua"), "-- mine\n", StandardCharsets.UTF_8);
        List<PulledPlugin> again = sync.pull(cp, pulled, false);
        assertThat(again).extracting(PulledPlugin::status).containsExactly(PullStatus.UNCHANGED,
                PullStatus.KEPT_LOCAL);
        assertThat(again.get(1).message()).contains("beta", "differ");
        assertThat(Files.readString(pulled.resolve("beta/schema.lua"))).isEqualTo("-- mine\n");

        assertThat(sync.pull(cp, pulled, true).get(1).status()).isEqualTo(PullStatus.WRITTEN);
        assertThat(Files.readString(pulled.resolve("beta/schema.lua"))).isEqualTo(Plugins.schema("beta"));
    }

    private static PluginSource source(String name) {
        return PluginSource.of(name, Plugins.handler("X-" + name), Plugins.schema(name));
    }

    private static List<RecordedRequest> writes(List<RecordedRequest> requests) {
        return requests.stream().filter(request -> !request.method().equals("GET")).toList();
    }
}
