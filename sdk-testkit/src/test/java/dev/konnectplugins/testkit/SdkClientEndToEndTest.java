package dev.konnectplugins.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.konnectplugins.BadRequestException;
import dev.konnectplugins.ConflictException;
import dev.konnectplugins.ControlPlaneClient;
import dev.konnectplugins.CustomPlugins;
import dev.konnectplugins.Konnect;
import dev.konnectplugins.ListOptions;
import dev.konnectplugins.NotFoundException;
import dev.konnectplugins.PluginInUseException;
import dev.konnectplugins.PluginSchemas;
import dev.konnectplugins.PluginSource;
import dev.konnectplugins.RateLimitedException;
import dev.konnectplugins.RetryPolicy;
import dev.konnectplugins.ServerException;
import dev.konnectplugins.UnauthorizedException;
import dev.konnectplugins.model.CustomPlugin;
import dev.konnectplugins.model.PluginSchema;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** This SDK's client against the fake, end to end over HTTP: the fake and the client must agree. */
@ExtendWith(FakeKonnectExtension.class)
class SdkClientEndToEndTest {

    private final FakeKonnect fake;
    private Konnect konnect;

    SdkClientEndToEndTest(FakeKonnect fake) {
        this.fake = fake;
    }

    @BeforeEach
    void connect() {
        konnect = client(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(20)).build());
    }

    @AfterEach
    void disconnect() {
        konnect.close();
    }

    private Konnect client(RetryPolicy retries) {
        // The fake is the judge here, so the SDK's offline pre-upload validation stays out of the way.
        return Konnect.builder().baseUrl(fake.baseUrl()).token(fake.token()).retryPolicy(retries)
                .validateBeforeUpload(false).build();
    }

    private CustomPlugins customPlugins() {
        return konnect.controlPlane(fake.controlPlaneId()).customPlugins();
    }

    private static PluginSource source(String name, String... tags) {
        return PluginSource.of(name, KonnectHttp.handler(), KonnectHttp.schema(name)).withTags(tags);
    }

    @Test
    void customPluginLifecycle() {
        CustomPlugin created = customPlugins().create(source("hello", "team-a"));

        assertThat(created.getId()).isNotBlank();
        assertThat(created.getCreatedAt()).isPositive();
        assertThat(created.getTags()).containsExactly("team-a");
        assertThat(customPlugins().get("hello").getId()).isEqualTo(created.getId());
        assertThat(customPlugins().get(created.getId()).getName()).isEqualTo("hello");
        assertThat(customPlugins().find("missing")).isEmpty();

        CustomPlugin updated = customPlugins().upsert(source("hello", "team-b"));
        assertThat(updated.getId()).isEqualTo(created.getId());
        assertThat(fake.customPlugin(fake.controlPlaneId(), "hello").orElseThrow().tags()).containsExactly("team-b");

        customPlugins().delete("hello");
        customPlugins().delete("hello");
        assertThat(fake.customPlugins(fake.controlPlaneId())).isEmpty();
    }

    @Test
    void upsertCreatesWhenAbsent() {
        CustomPlugin created = customPlugins().upsert(source("fresh"));

        assertThat(created.getName()).isEqualTo("fresh");
        assertThat(fake.customPlugins(fake.controlPlaneId())).hasSize(1);
    }

    @Test
    void listFollowsPagesAndTagFilters() {
        for (int i = 1; i <= 7; i++) {
            customPlugins().create(source("p" + i, i % 2 == 0 ? "even" : "odd", "all"));
        }

        List<String> all = customPlugins().list(ListOptions.builder().pageSize(3).build()).stream()
                .map(CustomPlugin::getName).toList();
        List<String> odd = customPlugins().list(ListOptions.builder().tags("odd", "all").pageSize(2).build())
                .stream().map(CustomPlugin::getName).toList();
        List<String> any = customPlugins().list(ListOptions.builder().anyOfTags("odd", "even").build())
                .stream().map(CustomPlugin::getName).toList();

        assertThat(all).containsExactly("p1", "p2", "p3", "p4", "p5", "p6", "p7");
        assertThat(odd).containsExactly("p1", "p3", "p5", "p7");
        assertThat(any).hasSize(7);
        assertThat(fake.requests()).filteredOn(request -> request.method().equals("GET")
                && request.url().contains("size=3")).hasSize(3);
    }

    @Test
    void controlPlaneByNameResolvesTheId() {
        String other = fake.addControlPlane("staging");

        ControlPlaneClient byName = konnect.controlPlaneByName("staging");

        assertThat(byName.id()).isEqualTo(other);
        assertThat(konnect.controlPlaneByName(fake.controlPlaneName()).id()).isEqualTo(fake.controlPlaneId());
        assertThat(konnect.controlPlanes().get(other).getName()).isEqualTo("staging");
        assertThat(konnect.controlPlanes().findByName("nope")).isEmpty();
    }

    @Test
    void errorsBecomeTypedExceptions() {
        customPlugins().create(source("hello"));

        assertThatThrownBy(() -> customPlugins().create(source("hello"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> customPlugins().get("missing")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> customPlugins().create(
                PluginSource.of("hello-two", KonnectHttp.handler(), KonnectHttp.schema("other"))))
                .isInstanceOf(BadRequestException.class);
        fake.markInUse(fake.controlPlaneId(), "hello");
        assertThatThrownBy(() -> customPlugins().delete("hello")).isInstanceOf(PluginInUseException.class);
    }

    @Test
    void aDuplicateAnswered409IsAlsoAConflict() {
        try (FakeKonnect conflicting = FakeKonnect.builder().duplicateNameStatus(409).start();
             Konnect client = Konnect.builder().baseUrl(conflicting.baseUrl()).token(conflicting.token())
                     .validateBeforeUpload(false).build()) {
            CustomPlugins plugins = client.controlPlane(conflicting.controlPlaneId()).customPlugins();
            plugins.create(source("hello"));

            assertThatThrownBy(() -> plugins.create(source("hello"))).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void aWrongTokenIsUnauthorized() {
        try (Konnect wrong = Konnect.builder().baseUrl(fake.baseUrl()).token("kpat_wrong").build()) {
            assertThatThrownBy(() -> wrong.controlPlane(fake.controlPlaneId()).customPlugins().get("x"))
                    .isInstanceOf(UnauthorizedException.class);
        }
    }

    @Test
    void anUnknownControlPlaneIsNotFound() {
        assertThatThrownBy(() -> konnect.controlPlaneByName("nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void pluginSchemaLifecycle() {
        PluginSchemas schemas = konnect.controlPlane(fake.controlPlaneId()).pluginSchemas();

        PluginSchema created = schemas.create(KonnectHttp.schema("hybrid-one"));
        assertThat(created.getName()).isEqualTo("hybrid-one");
        assertThatThrownBy(() -> schemas.create(KonnectHttp.schema("hybrid-one")))
                .isInstanceOf(ConflictException.class);
        assertThat(schemas.get("hybrid-one").getLuaSchema()).isEqualTo(KonnectHttp.schema("hybrid-one"));
        assertThat(schemas.upsert("hybrid-two", KonnectHttp.schema("hybrid-two")).getName()).isEqualTo("hybrid-two");
        assertThat(schemas.list().stream().map(PluginSchema::getName)).containsExactly("hybrid-one", "hybrid-two");
        schemas.delete("hybrid-one");
        assertThat(schemas.find("hybrid-one")).isEmpty();
        assertThatThrownBy(() -> schemas.get("hybrid-one")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void rateLimitsAndServerErrorsAreRetried() {
        fake.faults().rateLimitNext(1, Duration.ZERO).failNext(1, 503).resetConnectionNext(1);

        assertThat(customPlugins().find("hello")).isEmpty();
        assertThat(fake.requests()).hasSize(4);
    }

    @Test
    void exhaustedRetriesSurfaceTheLastError() {
        try (Konnect noRetries = client(RetryPolicy.none())) {
            CustomPlugins plugins = noRetries.controlPlane(fake.controlPlaneId()).customPlugins();
            fake.faults().rateLimitNext(1, Duration.ofSeconds(7)).failNext(1, 503);

            assertThatThrownBy(() -> plugins.get("x")).isInstanceOfSatisfying(RateLimitedException.class,
                    limited -> assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7)));
            assertThatThrownBy(() -> plugins.get("x")).isInstanceOf(ServerException.class);
        }
    }
}
