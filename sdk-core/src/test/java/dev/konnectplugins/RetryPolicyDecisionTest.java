package dev.konnectplugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retry decision as a pure function: request, what came back, attempt count -> a wait, or give up. */
class RetryPolicyDecisionTest {
    private final RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100))
            .maxBackoff(Duration.ofSeconds(1)).build();

    @ParameterizedTest
    @CsvSource({"GET,429,true", "POST,429,true", "GET,503,true", "PUT,502,true", "DELETE,504,true",
            "POST,503,false", "GET,500,false", "GET,400,false", "GET,404,false", "PATCH,503,false"})
    void whichStatusesAreRetried(String method, int status, boolean retried) {
        assertThat(policy.retryDelay(method, status, 1, null, 0.5).isPresent()).isEqualTo(retried);
    }

    @Test
    void serverWaitIsHonouredUpToMaxBackoff() {
        assertThat(policy.retryDelay("GET", 429, 1, Duration.ofMillis(250), 0.9)).contains(Duration.ofMillis(250));
        assertThat(policy.retryDelay("GET", 429, 1, Duration.ofSeconds(77), 0.9)).contains(Duration.ofSeconds(1));
    }

    @Test
    void fullJitterDoublesItsCeilingPerAttemptUpToMaxBackoff() {
        assertThat(policy.retryDelay("GET", 503, 1, null, 1.0)).contains(Duration.ofMillis(100));
        assertThat(policy.retryDelay("GET", 503, 2, null, 1.0)).contains(Duration.ofMillis(200));
        assertThat(RetryPolicy.builder().maxAttempts(10).initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofSeconds(1)).build().retryDelay("GET", 503, 5, null, 1.0))
                .contains(Duration.ofSeconds(1));
        assertThat(policy.retryDelay("GET", 503, 2, null, 0.25)).contains(Duration.ofMillis(50));
        assertThat(policy.retryDelay("GET", 503, 1, null, 0.0)).contains(Duration.ZERO);
    }

    @Test
    void theLastAttemptIsNeverFollowedByAnother() {
        assertThat(policy.retryDelay("GET", 429, 3, Duration.ofMillis(1), 0.5)).isEmpty();
        assertThat(policy.retryDelay("GET", new IOException("reset"), 3, 0.5)).isEmpty();
        assertThat(RetryPolicy.none().retryDelay("GET", 429, 1, null, 0.5)).isEmpty();
    }

    @Test
    void ioFailuresAreRetriedOnIdempotentCallsOnly() {
        assertThat(policy.retryDelay("GET", new IOException("reset"), 1, 1.0)).contains(Duration.ofMillis(100));
        assertThat(policy.retryDelay("PUT", new HttpTimeoutException("attempt timeout"), 1, 1.0)).isPresent();
        assertThat(policy.retryDelay("POST", new IOException("reset"), 1, 1.0)).isEmpty();
        assertThat(policy.retryDelay("POST", new HttpTimeoutException("attempt timeout"), 1, 1.0)).isEmpty();
    }

    @Test
    void aPostThatNeverLeftIsRetried() {
        assertThat(policy.retryDelay("POST", new ConnectException("refused"), 1, 1.0)).isPresent();
        assertThat(policy.retryDelay("POST", new HttpConnectTimeoutException("connect"), 1, 1.0)).isPresent();
    }

    @Test
    void ioRetriesCanBeTurnedOffAndStatusesChosen() {
        RetryPolicy custom = RetryPolicy.builder().retryIoFailures(false).retryableStatuses(Set.of(500)).build();
        assertThat(custom.retryDelay("GET", new IOException("reset"), 1, 0.5)).isEmpty();
        assertThat(custom.retryDelay("GET", 500, 1, null, 0.5)).isPresent();
        assertThat(custom.retryDelay("GET", 503, 1, null, 0.5)).isEmpty();
    }
}
