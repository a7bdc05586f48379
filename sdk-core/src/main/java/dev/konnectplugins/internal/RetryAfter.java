package dev.konnectplugins.internal;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads how long a server asked to wait: {@code retry-after-ms}, or {@code Retry-After} in seconds or as a date. */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** The wait asked for, never negative; empty when the headers say nothing usable. */
    public static Optional<Duration> parse(HttpHeaders headers, Supplier<Instant> now) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(RetryAfter::parseMillis);
        if (millis.isPresent()) {
            return millis;
        }
        return headers.firstValue("retry-after").flatMap(value -> parseValue(value, now));
    }

    static Optional<Duration> parseValue(String value, Supplier<Instant> now) {
        String text = value.trim();
        try {
            long seconds = Long.parseLong(text);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now.get(), when);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Duration> parseMillis(String value) {
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
