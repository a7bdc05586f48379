package dev.konnectplugins.internal.validation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validator's packages as a pipeline, imports running one way: {@code lua} (lexer, dialect, positions) →
 * {@code resolve} (reads, writes, calls, requires; no rule ids) → {@code checks} (one class per rule family), with
 * {@code sandbox} (the evaluator and its libraries) and {@code schema} (Kong's schema engine) beside them for the
 * checks to use, the orchestration ({@code PluginCheck} and the files) above, and {@code validation.report} on top.
 */
class ArchitectureTest {
    private static final String BASE = "dev.konnectplugins.internal.validation";
    private static final String ORCHESTRATION = BASE;
    private static final String LUA = BASE + ".lua..";
    private static final String RESOLVE = BASE + ".resolve..";
    private static final String CHECKS = BASE + ".checks..";
    private static final String SANDBOX = BASE + ".sandbox..";
    private static final String SCHEMA = BASE + ".schema..";
    private static final String PUBLIC_VALIDATION = "dev.konnectplugins.validation..";
    private static final String REPORT = "dev.konnectplugins.validation.report..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.konnectplugins.internal.validation", "dev.konnectplugins.validation");
    }

    @Test
    void luaDependsOnNothingElseOfTheValidator() {
        noClasses().that().resideInAPackage(LUA).should().dependOnClassesThat()
                .resideInAnyPackage(ORCHESTRATION, RESOLVE, CHECKS, SANDBOX, SCHEMA, PUBLIC_VALIDATION)
                .check(classes);
    }

    @Test
    void theResolverKnowsOnlyLuaAndCarriesNoRuleIds() {
        noClasses().that().resideInAPackage(RESOLVE).should().dependOnClassesThat()
                .resideInAnyPackage(ORCHESTRATION, CHECKS, SANDBOX, SCHEMA, PUBLIC_VALIDATION)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.konnectplugins.Diagnostic")
                .check(classes);
    }

    @Test
    void theSandboxAndTheSchemaEngineStandBesideThePipeline() {
        noClasses().that().resideInAPackage(SANDBOX).should().dependOnClassesThat()
                .resideInAnyPackage(ORCHESTRATION, RESOLVE, CHECKS, SCHEMA, PUBLIC_VALIDATION)
                .check(classes);
        noClasses().that().resideInAPackage(SCHEMA).should().dependOnClassesThat()
                .resideInAnyPackage(ORCHESTRATION, RESOLVE, CHECKS, PUBLIC_VALIDATION)
                .check(classes);
    }

    @Test
    void checksComeAfterTheResolverAndBeforeTheOrchestration() {
        noClasses().that().resideInAPackage(CHECKS).should().dependOnClassesThat()
                .resideInAnyPackage(ORCHESTRATION, REPORT)
                .check(classes);
    }

    @Test
    void theReportIsOnTop() {
        noClasses().that().resideInAPackage(BASE + "..").should().dependOnClassesThat().resideInAPackage(REPORT)
                .check(classes);
        noClasses().that().resideInAPackage(REPORT).should().dependOnClassesThat().resideInAPackage(BASE + "..")
                .check(classes);
    }

    @Test
    void thePackagesHaveNoCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
