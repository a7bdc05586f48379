package dev.konnectplugins.internal;

import dev.konnectplugins.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Everything the pipeline needs, fixed when the client is built.
 *
 * @param httpClient     the JDK client that sends the requests
 * @param baseUrl        host root such as {@code https://eu.api.konghq.com}, without trailing slash
 * @param authorization  the {@code Authorization} header value; never logged
 * @param userAgent      the {@code User-Agent} header value
 * @param retryPolicy    when to retry
 * @param connectTimeout how long connecting may take (reported when it fires)
 * @param attemptTimeout how long one attempt may take
 * @param totalTimeout   how long a call may take, all attempts and waits together
 * @param maxResponseBytes the longest answer body read; a longer one fails the call
 * @param listingLimits  how many pages and items one listing may have
 * @param delayer        how to wait between attempts
 * @param clock          wall clock, for HTTP-date {@code Retry-After}
 * @param random         source of jitter in [0, 1)
 */
public record TransportSettings(HttpClient httpClient, URI baseUrl, String authorization, String userAgent,
                                RetryPolicy retryPolicy, Duration connectTimeout, Duration attemptTimeout,
                                Duration totalTimeout, long maxResponseBytes, ListingLimits listingLimits, Delayer delayer, Clock clock,
                                DoubleSupplier random) {
    public TransportSettings {
        Objects.requireNonNull(httpClient, "httpClient");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        Objects.requireNonNull(listingLimits, "listingLimits");
        Objects.requireNonNull(delayer, "delayer");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, got " + maxResponseBytes);
        }
    }

    /** {@return what masks this client's token in server text} */
    public TokenRedaction tokenRedaction() {
        String bearer = "Bearer ";
        return new TokenRedaction(authorization.startsWith(bearer) ? authorization.substring(bearer.length())
                : authorization);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "TransportSettings{baseUrl=" + baseUrl + ", retryPolicy=" + retryPolicy + ", connectTimeout="
                + connectTimeout + ", attemptTimeout=" + attemptTimeout + ", totalTimeout=" + totalTimeout
                + ", maxResponseBytes=" + maxResponseBytes + ", " + listingLimits + "}";
    }
}
