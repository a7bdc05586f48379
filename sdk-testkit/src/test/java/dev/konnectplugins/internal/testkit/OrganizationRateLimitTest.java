package dev.konnectplugins.internal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The window arithmetic, on a clock the test moves. */
class OrganizationRateLimitTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final OrganizationRateLimit limit = new OrganizationRateLimit(now::get);

    @Test
    void admitsEverythingWithoutALimit() {
        for (int i = 0; i < 1000; i++) {
            assertThat(limit.admit()).isEmpty();
        }
        assertThat(limit.refused()).isZero();
    }

    @Test
    void admitsTheLimitPerWindowAndTellsHowLongToWait() {
        limit.set(new OrganizationRateLimit.Settings(3, Duration.ofSeconds(1)));

        assertThat(limit.admit()).isEmpty();
        assertThat(limit.admit()).isEmpty();
        now.addAndGet(Duration.ofMillis(400).toNanos());
        assertThat(limit.admit()).isEmpty();
        assertThat(limit.admit()).hasValue(1L);
        assertThat(limit.admit()).hasValue(1L);
        assertThat(limit.refused()).isEqualTo(2);

        now.addAndGet(Duration.ofMillis(600).toNanos());   // the next window
        assertThat(limit.admit()).isEmpty();
    }

    @Test
    void retryAfterRoundsTheRestOfALongWindowUp() {
        limit.set(new OrganizationRateLimit.Settings(1, Duration.ofMinutes(1)));
        limit.admit();
        now.addAndGet(Duration.ofMillis(58_500).toNanos());

        assertThat(limit.admit()).hasValue(2L);
    }

    @Test
    void refusedRequestsDoNotCount() {
        limit.set(new OrganizationRateLimit.Settings(1, Duration.ofSeconds(1)));
        limit.admit();
        for (int i = 0; i < 10; i++) {
            limit.admit();
        }
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(limit.admit()).isEmpty();
        assertThat(limit.admit()).isPresent();
    }

    @Test
    void resetForgetsTheCountsAndTurningOffLiftsTheLimit() {
        OrganizationRateLimit.Settings one = new OrganizationRateLimit.Settings(1, Duration.ofSeconds(1));
        limit.set(one);
        limit.admit();
        limit.admit();

        limit.reset(one);
        assertThat(limit.refused()).isZero();
        assertThat(limit.admit()).isEmpty();

        limit.set(null);
        assertThat(limit.settings()).isEmpty();
        assertThat(limit.admit()).isEqualTo(Optional.empty());
    }

    @Test
    void refusesSettingsThatAdmitNothing() {
        assertThatThrownBy(() -> new OrganizationRateLimit.Settings(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 request");
        assertThatThrownBy(() -> new OrganizationRateLimit.Settings(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 ms");
    }
}
