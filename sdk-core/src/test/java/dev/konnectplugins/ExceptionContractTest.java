package dev.konnectplugins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.konnectplugins.testsupport.RecordingDelayer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What every exception promises: it is a KonnectException, immutable, and says whether retrying may help. */
@WireMockTest
class ExceptionContractTest {
    private static final String PATH = "/v2/control-planes/" + TestClients.CP + "/core-entities/custom-plugins";

    private static ErrorDetails answer(int status) {
        return new ErrorDetails("GET", "/v2/x", status, "no", null, List.of(), "");
    }

    @Test
    void aCallOnAClosedClientFailsWithAKonnectException(WireMockRuntimeInfo wm) {
        Konnect konnect = TestClients.client(wm.getHttpPort());
        konnect.close();
        CustomPlugins plugins = konnect.controlPlane(TestClients.CP).customPlugins();

        assertThatThrownBy(() -> plugins.get("p")).isInstanceOf(KonnectTransportException.class)
                .hasMessageContaining("closed").hasMessageContaining("GET " + PATH + "/p");
        assertThatThrownBy(() -> plugins.async().get("p").join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(KonnectTransportException.class);
    }

    @Test
    void theRetryHistoryIsGivenAtConstruction(WireMockRuntimeInfo wm) {
        stubFor(get(urlEqualTo(PATH + "/p"))
                .willReturn(aResponse().withStatus(503).withBody("{\"message\":\"try later\"}")));
        try (Konnect konnect = TestClients.builder(wm.getHttpPort(), new RecordingDelayer())
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).build()) {

            ServerException e = catchThrowableOfType(ServerException.class,
                    () -> konnect.controlPlane(TestClients.CP).customPlugins().get("p"));

            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.attemptFailures()).hasSize(2).allSatisfy(line -> assertThat(line).contains("503"));
            assertThat(e.retryable()).isTrue();
        }
    }

    @Test
    void noPublicMethodChangesAnExceptionAfterItWasMade() {
        for (Class<?> type : List.of(KonnectException.class, KonnectApiException.class,
                KonnectTransportException.class, KonnectTimeoutException.class, RateLimitedException.class,
                BadRequestException.class, PluginValidationException.class)) {
            List<String> mutators = Arrays.stream(type.getDeclaredMethods())
                    .filter(method -> Modifier.isPublic(method.getModifiers()))
                    .filter(method -> method.getName().startsWith("with") || method.getName().startsWith("set"))
                    .map(Method::getName).toList();
            assertThat(mutators).as(type.getSimpleName()).isEmpty();
        }
    }

    @Test
    void transientAnswersAreRetryableAndTheOthersAreNot() {
        assertThat(new RateLimitedException(answer(429), Duration.ofSeconds(1)).retryable()).isTrue();
        assertThat(new ServerException(answer(502)).retryable()).isTrue();
        assertThat(new ServerException(answer(503)).retryable()).isTrue();
        assertThat(new ServerException(answer(504)).retryable()).isTrue();
        assertThat(new KonnectTransportException("reset", null).retryable()).isTrue();
        assertThat(new KonnectTimeoutException("GET /x", KonnectTimeoutException.Timeout.ATTEMPT, Duration.ofSeconds(1),
                null, 1, List.of()).retryable()).isTrue();

        assertThat(new ServerException(answer(500)).retryable()).isFalse();
        assertThat(new BadRequestException(answer(400)).retryable()).isFalse();
        assertThat(new UnauthorizedException(answer(401)).retryable()).isFalse();
        assertThat(new NotFoundException(answer(404)).retryable()).isFalse();
        assertThat(new ConflictException(answer(409)).retryable()).isFalse();
        assertThat(new PluginValidationException("p", List.of()).retryable()).isFalse();
    }

    @Test
    void aNegativeAttemptCountIsRefused() {
        assertThatThrownBy(() -> new KonnectApiException(answer(500), -1, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempts");
    }
}
