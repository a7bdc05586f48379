package dev.konnectplugins.validation;

import static dev.konnectplugins.validation.Plugins.GOOD_HANDLER;
import static dev.konnectplugins.validation.Plugins.GOOD_SCHEMA;
import static dev.konnectplugins.validation.Plugins.NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.konnectplugins.Diagnostic;
import dev.konnectplugins.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every finding says where Kong would fail the plugin, and Konnect's answer to an upload ({@code checkUpload}) is
 * exactly the upload-stage errors, worded as Kong words them.
 */
class StageTest {
    private static final PluginValidator VALIDATOR = Plugins.VALIDATOR;

    @Test
    void kongsEntityChecksAreUploadStage() {
        List<Diagnostic> found = Plugins.handler("""
                return {
                  VERSION = "1.0.0",
                  PRIORITY = 500,
                  init_worker = function() end,
                }
                """);

        assertThat(Plugins.errors(found)).extracting(Diagnostic::rule, Diagnostic::stage)
                .containsExactly(tuple(Rules.HANDLER_INIT_WORKER, Stage.UPLOAD));
    }

    @Test
    void aTimerIsUploadStageAtTheTopLevelAndRunTimeInPhaseCode() {
        List<Diagnostic> topLevel = Plugins.handler("ngx.timer.at(0, function() end)\n" + GOOD_HANDLER);
        List<Diagnostic> inPhase = Plugins.handler(GOOD_HANDLER.replace("kong.service.request.set_header(\"X-Hello\", "
                + "conf.greeting)", "ngx.timer.at(0, function() end)"));

        assertThat(Plugins.errors(topLevel)).extracting(Diagnostic::rule, Diagnostic::stage)
                .contains(tuple(Rules.SANDBOX_TIMER, Stage.UPLOAD));
        assertThat(Plugins.errors(inPhase)).extracting(Diagnostic::rule, Diagnostic::stage)
                .containsExactly(tuple(Rules.SANDBOX_TIMER, Stage.RUNTIME));
    }

    @Test
    void aTopLevelFieldThePluginsEntityLacksIsLoadStage() {
        List<Diagnostic> found = Plugins.schema(GOOD_SCHEMA.replace("{ consumer = typedefs.no_consumer },",
                "{ header_name = { type = \"string\" } },"));

        assertThat(Plugins.errors(found)).extracting(Diagnostic::rule, Diagnostic::stage)
                .containsExactly(tuple(Rules.SCHEMA_SHAPE, Stage.LOAD));
        assertThat(VALIDATOR.checkUpload(NAME, GOOD_HANDLER, GOOD_SCHEMA.replace("{ consumer = typedefs.no_consumer },",
                "{ header_name = { type = \"string\" } },"))).as("Konnect accepts it").isEmpty();
    }

    @Test
    void aMissingMemberCapturedAtTheTopLevelFailsOnlyWhenAPhaseUsesIt() {
        String handler = """
                local H = { PRIORITY = 1000, VERSION = "1.0.0" }
                local t = { ngx.shared }
                function H:access(conf)
                  t[1].cache:get("k")
                end
                return H
                """;

        assertThat(Plugins.errors(Plugins.handler(handler))).extracting(Diagnostic::rule, Diagnostic::stage)
                .containsExactly(tuple(Rules.SANDBOX_GLOBAL, Stage.RUNTIME));
        assertThat(VALIDATOR.checkUpload(NAME, handler, GOOD_SCHEMA)).as("the top level runs to its end").isEmpty();
    }

    @Test
    void aRecordWithoutFieldsUploadsButDoesNotLoad() {
        String schema = "return { name = \"my-plugin\", fields = { { config = { type = \"record\", fields = {\n"
                + "{ a = { type = \"record\" } }\n} } } } }\n";

        assertThat(Plugins.errors(Plugins.schema(schema))).extracting(Diagnostic::rule, Diagnostic::stage)
                .containsExactly(tuple(Rules.SCHEMA_SHAPE, Stage.LOAD));
        assertThat(VALIDATOR.checkUpload(NAME, GOOD_HANDLER, schema)).isEmpty();
    }

    @Test
    void theRuleTableGivesEachRuleItsStages() {
        assertThat(Rules.ALL).allSatisfy(rule -> assertThat(rule.stages()).isNotEmpty());
        assertThat(Rules.usualStage(Rules.HANDLER_PRIORITY)).isEqualTo(Stage.UPLOAD);
        assertThat(Rules.usualStage(Rules.FILES_UNSUPPORTED)).isEqualTo(Stage.RUNTIME);
        assertThat(Rules.ALL).filteredOn(rule -> rule.id().startsWith("sandbox.")).hasSize(3)
                .allSatisfy(rule -> assertThat(rule.stages()).containsExactlyInAnyOrder(Stage.UPLOAD, Stage.RUNTIME));
    }

    @Test
    void theTextFormShowsTheStage() {
        Diagnostic timer = new Diagnostic(Rules.SANDBOX_TIMER, dev.konnectplugins.Severity.ERROR, Stage.RUNTIME,
                "handler.lua", 9, 19, "no timers");

        assertThat(timer).hasToString("handler.lua:9:19: error [sandbox.timer] (run time) no timers");
    }

    @Test
    void checkUploadIsEmptyForAValidPluginAndForRunTimeFindingsOnly() {
        String timerInPhase = GOOD_HANDLER.replace("kong.service.request.set_header(\"X-Hello\", conf.greeting)",
                "ngx.timer.at(0, function() end)");

        assertThat(VALIDATOR.checkUpload(NAME, GOOD_HANDLER, GOOD_SCHEMA)).isEmpty();
        assertThat(VALIDATOR.checkUpload(NAME, timerInPhase, GOOD_SCHEMA)).isEmpty();
    }

    @Test
    void checkUploadWordsEachFieldAsKongDoes() {
        assertThat(VALIDATOR.checkUpload(NAME, "return { VERSION = \"1.0.0\", PRIORITY = \"test\" }", GOOD_SCHEMA))
                .containsExactly(new UploadRefusal("handler",
                        "handler validation error (PRIORITY field is not a valid integer number)"));
        assertThat(VALIDATOR.checkUpload(NAME, GOOD_HANDLER, "error(\"should not work\")"))
                .containsExactly(new UploadRefusal("schema",
                        "schema load failure ([string \"schema\"]:1: should not work)"));
        assertThat(VALIDATOR.checkUpload(NAME, "return 5", GOOD_SCHEMA))
                .containsExactly(new UploadRefusal("handler", "handler validation error (expected table, got number)"));
        assertThat(VALIDATOR.checkUpload("other-name", GOOD_HANDLER, GOOD_SCHEMA))
                .containsExactly(new UploadRefusal("name", "name must be equal to schema.name"));
        assertThat(VALIDATOR.checkUpload(NAME, GOOD_HANDLER, "for each item in items do end"))
                .singleElement().satisfies(refusal -> {
                    assertThat(refusal.field()).isEqualTo("schema");
                    assertThat(refusal.message()).startsWith("schema compilation error ([string \"schema\"]:1: ");
                });
    }

    @Test
    void theOneSchemaNameReaderRunsTheSchemaAsKongDoes() {
        assertThat(PluginValidator.schemaName(GOOD_SCHEMA)).contains(NAME);
        assertThat(PluginValidator.schemaName("local n = 'comp' .. 'uted'\nreturn { name = n, fields = {} }"))
                .contains("computed");
        assertThat(PluginValidator.schemaName("return {")).isEmpty();
    }
}
