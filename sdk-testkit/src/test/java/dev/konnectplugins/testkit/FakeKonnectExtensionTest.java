package dev.konnectplugins.testkit;

import static dev.konnectplugins.testkit.KonnectHttp.pluginBody;
import static dev.konnectplugins.testkit.KonnectHttp.plugins;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeKonnectExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeKonnectExtensionTest {

    private static FakeKonnect seenFirst;
    private final FakeKonnect injectedInConstructor;

    FakeKonnectExtensionTest(FakeKonnect fake) {
        this.injectedInConstructor = fake;
    }

    @Test
    @Order(1)
    void injectsAStartedFake(FakeKonnect fake) {
        seenFirst = fake;
        KonnectHttp http = KonnectHttp.of(fake);

        assertThat(http.post(plugins(fake.controlPlaneId()), pluginBody("hello")).statusCode()).isEqualTo(201);
        assertThat(fake).isSameAs(injectedInConstructor);
        fake.faults().failNext(5, 500);
    }

    @Test
    @Order(2)
    void sharesOneFakePerClassAndResetsItBeforeEachTest(FakeKonnect fake) {
        assertThat(fake).isSameAs(seenFirst);
        assertThat(fake.customPlugins(fake.controlPlaneId())).isEmpty();
        assertThat(fake.faults().pending()).isZero();
        assertThat(fake.requests()).isEmpty();
        assertThat(KonnectHttp.of(fake).get("/v2/control-planes").statusCode()).isEqualTo(200);
    }

    @Nested
    class NestedTests {

        @Test
        void nestedClassesGetTheSameFake(FakeKonnect fake) {
            assertThat(fake).isSameAs(injectedInConstructor);
            assertThat(fake.wireMock().isRunning()).isTrue();
        }
    }
}
