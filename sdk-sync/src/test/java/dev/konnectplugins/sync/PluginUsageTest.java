package dev.konnectplugins.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.konnectplugins.Konnect;
import dev.konnectplugins.PluginInstances;
import dev.konnectplugins.testkit.FakeKonnect;
import dev.konnectplugins.testkit.FakeKonnectExtension;
import dev.konnectplugins.testkit.RecordedRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How many requests finding the instances of the plugins a plan changes takes, and that the answer is right. */
@ExtendWith(FakeKonnectExtension.class)
class PluginUsageTest {
    private FakeKonnect fake;
    private Konnect konnect;
    private PluginInstances instances;

    @BeforeEach
    void setUp(FakeKonnect fake) {
        this.fake = fake;
        konnect = Konnect.builder().baseUrl(fake.baseUrl()).token(fake.token()).build();
        instances = konnect.controlPlane(fake.controlPlaneId()).pluginInstances();
    }

    @AfterEach
    void tearDown() {
        konnect.close();
    }

    @Test
    void nothingToCheckSendsNothing() {
        assertThat(PluginUsage.read(instances, Set.of()).instancesOf("alpha")).isEmpty();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void onePluginIsOneFilteredRequest() {
        String used = fake.addPluginInstance(fake.controlPlaneId(), "alpha");
        fake.addPluginInstance(fake.controlPlaneId(), "beta");

        PluginUsage usage = PluginUsage.read(instances, Set.of("alpha"));

        assertThat(usage.instancesOf("alpha")).containsExactly(used);
        assertThat(fake.requests()).extracting(RecordedRequest::url).singleElement().asString()
                .contains("filter%5Bname%5D%5Beq%5D=alpha");
    }

    @Test
    void severalPluginsAreOneListingOfEveryInstance() {
        String alpha = fake.addPluginInstance(fake.controlPlaneId(), "alpha");
        fake.addPluginInstance(fake.controlPlaneId(), "rate-limiting");
        String gamma = fake.addPluginInstance(fake.controlPlaneId(), "gamma");

        PluginUsage usage = PluginUsage.read(instances, Set.of("alpha", "beta", "gamma"));

        assertThat(usage.instancesOf("alpha")).containsExactly(alpha);
        assertThat(usage.instancesOf("beta")).isEmpty();
        assertThat(usage.instancesOf("gamma")).containsExactly(gamma);
        assertThat(usage.instancesOf("rate-limiting")).isEmpty();
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void aListingLongerThanThePluginsToCheckFallsBackToOneRequestEach() {
        for (int i = 0; i < 2500; i++) {
            fake.addPluginInstance(fake.controlPlaneId(), "rate-limiting");
        }
        String beta = fake.addPluginInstance(fake.controlPlaneId(), "beta");

        PluginUsage usage = PluginUsage.read(instances, Set.of("alpha", "beta"));

        assertThat(usage.instancesOf("alpha")).isEmpty();
        assertThat(usage.instancesOf("beta")).containsExactly(beta);
        List<String> urls = fake.requests().stream().map(RecordedRequest::url).toList();
        // Two pages of the full listing (three would be needed), then one filtered request per plugin.
        assertThat(urls).hasSize(4);
        assertThat(urls.subList(2, 4)).allSatisfy(url -> assertThat(url).contains("filter%5Bname%5D%5Beq%5D="));
    }
}
