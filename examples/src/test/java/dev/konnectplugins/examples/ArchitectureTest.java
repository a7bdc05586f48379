package dev.konnectplugins.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.sync.PluginSync;
import dev.konnectplugins.testkit.FakeKonnect;
import dev.konnectplugins.validation.PluginValidator;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's rules of the house, checked on the published modules' own classes (each module is the jar or class
 * directory that one of its classes was loaded from): what the public API may expose, and which module may use which.
 */
class ArchitectureTest {
    /** Packages whose types must never appear in a public signature: not ours to freeze, or not API. */
    private static final List<String> FOREIGN_OR_INTERNAL = List.of("dev.konnectplugins.internal",
            "com.fasterxml.jackson", "org.luaj", "com.github.tomakehurst.wiremock", "org.wiremock", "wiremock.");

    /**
     * The one deliberate exception: the testkit's documented escape hatch to WireMock, for custom stubs and for
     * reading WireMock's own request journal.
     */
    private static final String WIREMOCK_ESCAPE_HATCH = FakeKonnect.class.getName() + ".wireMock()";

    /** The one testkit class allowed to use sdk-core (an optional dependency): the client the extension injects. */
    private static final String TESTKIT_CLIENT_FACTORY = "dev.konnectplugins.testkit.InjectedKonnect";

    /**
     * The one sdk-core internal class sdk-sync may use: the bounded open of a file that may be a FIFO, a file-system
     * guard that pull shares with sdk-core's plugin reading rather than copying (nothing of the client).
     */
    private static final String SHARED_TIMED_OPEN = "dev.konnectplugins.internal.TimedOpen";

    private static JavaClasses all;
    private static Set<String> core;
    private static Set<String> validation;
    private static Set<String> testkit;
    private static Set<String> sync;

    @BeforeAll
    static void importModules() {
        URL coreLocation = location(Konnect.class);
        URL validationLocation = location(PluginValidator.class);
        URL testkitLocation = location(FakeKonnect.class);
        URL syncLocation = location(PluginSync.class);
        ClassFileImporter importer = new ClassFileImporter();
        core = names(importer.importUrl(coreLocation));
        validation = names(importer.importUrl(validationLocation));
        testkit = names(importer.importUrl(testkitLocation));
        sync = names(importer.importUrl(syncLocation));
        all = importer.importUrls(List.of(coreLocation, validationLocation, testkitLocation, syncLocation));
    }

    @Test
    void publicApiExposesNoInternalJacksonLuajOrWireMockType() {
        classes().that(isPublicApi()).should(exposeOnlyOwnOrJdkTypes()).check(all);
    }

    @Test
    void sdkCoreNeverReachesValidationOrTestkit() {
        noClasses().that(in("sdk-core", core)).should().dependOnClassesThat(in("sdk-validation", validation))
                .orShould().dependOnClassesThat(in("sdk-testkit", testkit)).check(all);
    }

    @Test
    void sdkTestkitReachesSdkCoreOnlyThroughTheInjectedClient() {
        assertThat(testkit).as("the one class the rule below exempts").contains(TESTKIT_CLIENT_FACTORY);

        noClasses().that(in("sdk-testkit", testkit)).and().doNotHaveFullyQualifiedName(TESTKIT_CLIENT_FACTORY)
                .should().dependOnClassesThat(in("sdk-core", core)).check(all);
    }

    @Test
    void sdkSyncUsesOnlySdkCoresPublicApiValidationsReportsAndNeverTestkit() {
        // The one way diagnostics are printed (validation.report) is shared with validate; the checks are not.
        noClasses().that(in("sdk-sync", sync)).should().dependOnClassesThat(in("sdk-validation", validation)
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(
                                "dev.konnectplugins.validation.report"))))
                .orShould().dependOnClassesThat(in("sdk-testkit", testkit))
                .orShould().dependOnClassesThat(in("sdk-core", core).and(internal())
                        .and(DescribedPredicate.not(sharedTimedOpen()))).check(all);
    }

    @Test
    void theSharedTimedOpenIsInSdkCore() {
        assertThat(core).as("the class sdk-sync's rule exempts").contains(SHARED_TIMED_OPEN);
    }

    @Test
    void sdkValidationNeverReachesTestkit() {
        noClasses().that(in("sdk-validation", validation)).should().dependOnClassesThat(in("sdk-testkit", testkit))
                .check(all);
    }

    /** Public classes, nested only in public classes, outside the internal packages. */
    private static DescribedPredicate<JavaClass> isPublicApi() {
        return DescribedPredicate.describe("are public API", ArchitectureTest::isPublicApi);
    }

    private static boolean isPublicApi(JavaClass javaClass) {
        if (javaClass.getPackageName().startsWith("dev.konnectplugins.internal")) {
            return false;
        }
        for (JavaClass current = javaClass; current != null; current = current.getEnclosingClass().orElse(null)) {
            if (!current.getModifiers().contains(JavaModifier.PUBLIC) || current.isAnonymousClass()) {
                return false;
            }
        }
        return true;
    }

    private static ArchCondition<JavaClass> exposeOnlyOwnOrJdkTypes() {
        return new ArchCondition<>("expose no type from " + FOREIGN_OR_INTERNAL) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                List<String> exposures = new ArrayList<>();
                javaClass.getRawSuperclass().ifPresent(type -> forbidden(javaClass.getName() + " extends", type,
                        exposures));
                javaClass.getRawInterfaces().forEach(type -> forbidden(javaClass.getName() + " implements", type,
                        exposures));
                for (JavaMember member : javaClass.getMembers()) {
                    if (isVisibleOutside(javaClass, member)
                            && !member.getFullName().equals(WIREMOCK_ESCAPE_HATCH)) {
                        signatureTypes(member).forEach(type -> forbidden(member.getFullName(), type, exposures));
                    }
                }
                exposures.forEach(exposure -> events.add(SimpleConditionEvent.violated(javaClass, exposure)));
            }
        };
    }

    private static boolean isVisibleOutside(JavaClass owner, JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return modifiers.contains(JavaModifier.PUBLIC)
                || (modifiers.contains(JavaModifier.PROTECTED) && !owner.getModifiers().contains(JavaModifier.FINAL));
    }

    private static Stream<JavaClass> signatureTypes(JavaMember member) {
        if (member instanceof JavaField field) {
            return field.getType().getAllInvolvedRawTypes().stream();
        }
        JavaCodeUnit codeUnit = (JavaCodeUnit) member;
        return Stream.of(Stream.of(codeUnit.getReturnType()), codeUnit.getParameterTypes().stream(),
                        codeUnit.getThrowsClause().getTypes().stream())
                .flatMap(types -> types)
                .flatMap(type -> type.getAllInvolvedRawTypes().stream());
    }

    private static void forbidden(String where, JavaClass type, List<String> exposures) {
        JavaClass base = type.getBaseComponentType();
        if (FOREIGN_OR_INTERNAL.stream().anyMatch(prefix -> base.getName().startsWith(prefix))) {
            exposures.add(where + " exposes " + base.getName());
        }
    }

    private static DescribedPredicate<JavaClass> in(String module, Set<String> classNames) {
        return DescribedPredicate.describe("are in " + module, javaClass -> classNames.contains(javaClass.getName()));
    }

    private static DescribedPredicate<JavaClass> internal() {
        return DescribedPredicate.describe("are internal",
                javaClass -> javaClass.getPackageName().startsWith("dev.konnectplugins.internal"));
    }

    private static DescribedPredicate<JavaClass> sharedTimedOpen() {
        return DescribedPredicate.describe("are " + SHARED_TIMED_OPEN, javaClass -> javaClass.getName()
                .equals(SHARED_TIMED_OPEN) || javaClass.getName().startsWith(SHARED_TIMED_OPEN + "$"));
    }

    private static Set<String> names(JavaClasses classes) {
        return classes.stream().map(JavaClass::getName).collect(Collectors.toUnmodifiableSet());
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
