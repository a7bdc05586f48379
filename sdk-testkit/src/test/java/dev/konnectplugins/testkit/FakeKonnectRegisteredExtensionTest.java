package dev.konnectplugins.testkit;

import static dev.konnectplugins.testkit.KonnectHttp.pluginBody;
import static dev.konnectplugins.testkit.KonnectHttp.plugins;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeKonnectRegisteredExtensionTest {

    @RegisterExtension
    static final FakeKonnectExtension KONNECT =
            new FakeKonnectExtension(FakeKonnect.builder().duplicateNameStatus(409).controlPlaneName("ci"));

    @Test
    void usesTheGivenOptions() {
        FakeKonnect fake = KONNECT.fake();
        KonnectHttp http = KonnectHttp.of(fake);
        http.post(plugins(fake.controlPlaneId()), pluginBody("hello"));

        assertThat(fake.controlPlaneName()).isEqualTo("ci");
        assertThat(http.post(plugins(fake.controlPlaneId()), pluginBody("hello")).statusCode()).isEqualTo(409);
    }
}
