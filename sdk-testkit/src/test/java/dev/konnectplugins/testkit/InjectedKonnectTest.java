package dev.konnectplugins.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.KonnectException;
import dev.konnectplugins.PluginSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeKonnectExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InjectedKonnectTest {
    private static final PluginSource PLUGIN =
            PluginSource.of("hello", KonnectHttp.handler(), KonnectHttp.schema("hello"));

    private static Konnect injectedIntoFirstTest;

    @Test
    @Order(1)
    void injectsAClientPointedAtTheFake(Konnect konnect, FakeKonnect fake, Konnect sameMethodsOtherParameter) {
        injectedIntoFirstTest = konnect;

        konnect.controlPlane(fake.controlPlaneId()).customPlugins().create(PLUGIN);

        assertThat(fake.customPlugins(fake.controlPlaneId())).extracting(StoredCustomPlugin::name)
                .containsExactly("hello");
        assertThat(sameMethodsOtherParameter).isSameAs(konnect);
    }

    @Test
    @Order(2)
    void closesTheClientAfterItsTestAndInjectsANewOne(Konnect konnect, FakeKonnect fake) {
        assertThat(injectedIntoFirstTest).isNotNull().isNotSameAs(konnect);
        assertThatThrownBy(() -> injectedIntoFirstTest.controlPlane(fake.controlPlaneId()).customPlugins().find("x"))
                .isInstanceOf(KonnectException.class).hasMessageContaining("closed");

        assertThat(konnect.controlPlane(fake.controlPlaneId()).customPlugins().find("hello")).isEmpty();
    }
}
