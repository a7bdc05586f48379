package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Validators on the class path run before create and upsert; a refused plugin is never sent. */
@WireMockTest
class UploadGuardTest {
    private static final String PATH = "/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins";
    private static final PluginSource REFUSED = PluginSource.of("refuse-me", "return {}", "return {}");

    @Test
    void refusedPluginIsNeitherCreatedNorUpserted(WireMockRuntimeInfo wm) {
        try (Konnect konnect = TestClients.client(wm.getHttpPort())) {
            CustomPlugins plugins = konnect.controlPlane(TestClients.CP).customPlugins();
            assertThat(konnect.validatesBeforeUpload()).isTrue();

            PluginValidationException e = catchThrowableOfType(PluginValidationException.class,
                    () -> plugins.create(REFUSED));
            catchThrowableOfType(PluginValidationException.class, () -> plugins.upsert(REFUSED));

            assertThat(e.pluginName()).isEqualTo("refuse-me");
            assertThat(e.errors()).extracting(Diagnostic::rule).containsExactly("sandbox.timer");
            assertThat(e.getMessage()).contains("Plugin 'refuse-me' was not uploaded: 1 error",
                    "handler.lua:9:19: error [sandbox.timer] (upload) ngx.timer.at is not available in the sandbox");
        }
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aValidatorThatFailsRefusesTheUploadWithAKonnectException(WireMockRuntimeInfo wm) {
        try (Konnect konnect = TestClients.client(wm.getHttpPort())) {
            CustomPlugins plugins = konnect.controlPlane(TestClients.CP).customPlugins();
            PluginSource crashing = PluginSource.of("crash-me", "return {}", "return {}");

            PluginValidationException e = catchThrowableOfType(PluginValidationException.class,
                    () -> plugins.upsert(crashing));
            CompletionException async = catchThrowableOfType(CompletionException.class,
                    () -> plugins.async().create(crashing).join());

            assertThat(e.errors()).singleElement().satisfies(d -> {
                assertThat(d.rule()).isEqualTo("validation.incomplete");
                assertThat(d.message()).contains("RefusingValidator failed with StackOverflowError");
            });
            assertThat(async).hasCauseInstanceOf(PluginValidationException.class);
            assertThat(plugins.validate(crashing)).extracting(Diagnostic::rule).containsExactly("validation.incomplete");
        }
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void asyncUploadFailsTheFutureWithoutSending(WireMockRuntimeInfo wm) {
        try (Konnect konnect = TestClients.client(wm.getHttpPort())) {
            CompletionException e = catchThrowableOfType(
                    CompletionException.class,
                    () -> konnect.controlPlane(TestClients.CP).customPlugins().async().create(REFUSED).join());
            assertThat(e).hasCauseInstanceOf(PluginValidationException.class);
        }
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void warningsAloneDoNotBlock(WireMockRuntimeInfo wm) {
        stubFor(post(PATH).willReturn(aResponse().withStatus(201).withBody("{\"name\":\"warn-me\"}")));
        try (Konnect konnect = TestClients.client(wm.getHttpPort())) {
            assertThat(konnect.controlPlane(TestClients.CP).customPlugins()
                    .create(PluginSource.of("warn-me", "return {}", "return {}")).getName()).isEqualTo("warn-me");
        }
    }

    @Test
    void validateReportsWhatAnUploadWouldCheckWithoutSending(WireMockRuntimeInfo wm) {
        try (Konnect konnect = TestClients.client(wm.getHttpPort())) {
            CustomPlugins plugins = konnect.controlPlane(TestClients.CP).customPlugins();

            assertThat(plugins.validate(REFUSED)).extracting(Diagnostic::rule).containsExactly("sandbox.timer");
            assertThat(plugins.validate(PluginSource.of("warn-me", "", ""))).extracting(Diagnostic::severity)
                    .containsExactly(Severity.WARNING);
            assertThat(plugins.validate(PluginSource.of("fine", "", ""))).isEmpty();
        }
        verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void validationCanBeTurnedOff(WireMockRuntimeInfo wm) {
        stubFor(put(PATH + "/refuse-me").willReturn(okJson("{\"name\":\"refuse-me\"}")));
        try (Konnect konnect = TestClients.builder(wm.getHttpPort(), new dev.konnectplugins.testsupport.RecordingDelayer())
                .validateBeforeUpload(false).build()) {
            assertThat(konnect.validatesBeforeUpload()).isFalse();
            assertThat(konnect.controlPlane(TestClients.CP).customPlugins().validate(REFUSED)).isEmpty();
            assertThat(konnect.controlPlane(TestClients.CP).customPlugins().upsert(REFUSED).getName())
                    .isEqualTo("refuse-me");
        }
    }
}
