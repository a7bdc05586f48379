package dev.konnectplugins;

import dev.konnectplugins.internal.Delayer;
import dev.konnectplugins.internal.EnvironmentProxySelector;
import dev.konnectplugins.internal.HttpPipeline;
import dev.konnectplugins.internal.ListingLimits;
import dev.konnectplugins.internal.Listeners;
import dev.konnectplugins.internal.RateLimiter;
import dev.konnectplugins.internal.TransportSettings;
import dev.konnectplugins.internal.UploadGuard;
import dev.konnectplugins.internal.UserAgent;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The Konnect client: immutable, thread-safe, meant to be built once and shared. Close it when done.
 *
 * <pre>{@code
 * try (Konnect konnect = Konnect.builder().region(Region.EU).tokenFromEnvironment().build()) {
 *     CustomPlugins plugins = konnect.controlPlaneByName("prod-gateways").customPlugins();
 *     plugins.upsert(PluginSource.fromDirectory(Path.of("plugins/stream-headers")));
 * }
 * }</pre>
 */
public final class Konnect implements AutoCloseable {
    /** The environment variable {@link Builder#tokenFromEnvironment()} reads. */
    public static final String TOKEN_VARIABLE = "KONNECT_TOKEN";
    /** The default of {@link Builder#maxResponseBytes(long)}: 32 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;
    /** The default of {@link Builder#maxListPages(int)}: 10,000 pages, 100 times the largest real listing. */
    public static final int DEFAULT_MAX_LIST_PAGES = 10_000;
    /** The default of {@link Builder#maxListItems(long)}: 1,000,000 items, 100 times the largest real listing. */
    public static final long DEFAULT_MAX_LIST_ITEMS = 1_000_000L;
    /** The environment variable {@link Builder#fromEnvironment()} reads the region from ({@code us}, {@code eu}...). */
    public static final String REGION_VARIABLE = "KONNECT_REGION";
    /** The environment variable {@link Builder#fromEnvironment()} reads another API host from. */
    public static final String BASE_URL_VARIABLE = "KONNECT_BASE_URL";
    /** The environment variable {@link #controlPlaneFromEnvironment()} reads: a control plane's name or id. */
    public static final String CONTROL_PLANE_VARIABLE = "KONNECT_CONTROL_PLANE";

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final HttpPipeline pipeline;
    private final UploadGuard guard;
    private final ExecutorService ownedExecutor;
    private final ScheduledThreadPoolExecutor timer;

    /** @param ownedExecutor the threads this client started for HTTP work and async calls */
    private Konnect(HttpPipeline pipeline, UploadGuard guard, ExecutorService ownedExecutor,
                    ScheduledThreadPoolExecutor timer) {
        this.pipeline = pipeline;
        this.guard = guard;
        this.ownedExecutor = ownedExecutor;
        this.timer = timer;
    }

    /**
     * Starts configuring a client: set where ({@code region} or {@code baseUrl}) and who ({@code token}), then
     * {@link Builder#build()}.
     *
     * @return a new builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A control plane by id: the root of its custom plugins and plugin schemas. Sends nothing.
     *
     * @param controlPlaneId the control plane's id (a UUID), not null
     * @return the control plane's client
     */
    public ControlPlaneClient controlPlane(String controlPlaneId) {
        return new ControlPlaneClient(pipeline, guard, controlPlaneId);
    }

    /**
     * A control plane by exact name, resolved now through {@code GET /v2/control-planes?filter[name][eq]=...}.
     * Resolve once and keep the result: each call asks Konnect again.
     *
     * @param name the exact, case-sensitive name, not null
     * @return the control plane's client
     * @throws NotFoundException when no control plane has this name
     */
    public ControlPlaneClient controlPlaneByName(String name) {
        return controlPlane(controlPlanes().getByName(name).getId());
    }

    /**
     * A control plane by id (a UUID: nothing is sent) or else by exact name (resolved now, as
     * {@link #controlPlaneByName}), so users may give either.
     *
     * @param idOrName a control plane's id (a UUID) or exact name, not null
     * @return the control plane's client
     * @throws NotFoundException when a name is given and no control plane has it
     */
    public ControlPlaneClient controlPlaneByIdOrName(String idOrName) {
        String value = Requests.requireText(idOrName, "idOrName").trim();
        return UUID.matcher(value).matches() ? controlPlane(value) : controlPlaneByName(value);
    }

    /**
     * The control plane named by {@value #CONTROL_PLANE_VARIABLE} (a name or an id), as
     * {@link #controlPlaneByIdOrName}.
     *
     * @return the control plane's client
     * @throws IllegalStateException when the variable is not set
     * @throws NotFoundException     when no control plane has that name
     */
    public ControlPlaneClient controlPlaneFromEnvironment() {
        return controlPlaneFromEnvironment(System.getenv());
    }

    ControlPlaneClient controlPlaneFromEnvironment(Map<String, String> environment) {
        String value = environment.get(CONTROL_PLANE_VARIABLE);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(CONTROL_PLANE_VARIABLE + " is not set: export a control plane's name "
                    + "or id");
        }
        return controlPlaneByIdOrName(value);
    }

    /**
     * The organization's control planes (list, get, find by name).
     *
     * @return the client for the organization's control planes; sends nothing
     */
    public ControlPlanes controlPlanes() {
        return new ControlPlanes(new ControlPlanesAsync(pipeline));
    }

    /** {@return the base URL requests go to, such as {@code https://eu.api.konghq.com}} */
    public URI baseUrl() {
        return pipeline.settings().baseUrl();
    }

    /** {@return the retry policy every call follows} */
    public RetryPolicy retryPolicy() {
        return pipeline.settings().retryPolicy();
    }

    /** {@return whether uploads are validated offline first (sdk-validation on the class path, and not turned off)} */
    public boolean validatesBeforeUpload() {
        return guard.active();
    }

    /**
     * Refuses further calls, fails the calls still running with a {@link KonnectTransportException}, and stops the
     * threads this client started. A shared HttpClient is left alone. (The JDK's HttpClient keeps one selector
     * thread until it is garbage-collected: build one Konnect and share it rather than one per call.)
     */
    @Override
    public void close() {
        pipeline.close();
        timer.shutdownNow();
        ownedExecutor.shutdown();
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "Konnect{baseUrl=" + baseUrl() + ", token=<redacted>, validateBeforeUpload=" + guard.active() + ", "
                + pipeline.settings() + pipeline.rateLimit().map(rate -> ", maxRequestsPerSecond=" + rate).orElse("")
                + "}";
    }

    /**
     * Configures and builds a {@link Konnect}. Required: where ({@link #region}, {@link #baseUrl}) and who
     * ({@link #token}, {@link #tokenFromEnvironment()}).
     */
    public static final class Builder {
        private static final List<String> PROXY_VARIABLES = List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY",
                "http_proxy");

        private Region region;
        private URI baseUrl;
        private String customDomain;
        private String token;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private boolean connectTimeoutSet;
        private Duration attemptTimeout = Duration.ofSeconds(30);
        private Duration totalTimeout = Duration.ofMinutes(2);
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private int maxListPages = DEFAULT_MAX_LIST_PAGES;
        private long maxListItems = DEFAULT_MAX_LIST_ITEMS;
        private ProxySelector proxy;
        private HttpClient httpClient;
        private Executor executor;
        private String userAgentSuffix;
        private boolean validateBeforeUpload = true;
        private Delayer delayer;
        private Clock clock = Clock.systemUTC();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private final List<KonnectListener> listeners = new ArrayList<>();
        private double maxRequestsPerSecond;
        private LongSupplier nanoTime = System::nanoTime;

        private Builder() {
        }

        /**
         * Konnect's API host for a region, {@code https://{region}.api.konghq.com}.
         *
         * @param value the region whose API host requests go to, not null
         * @return this builder
         */
        public Builder region(Region value) {
            this.region = Objects.requireNonNull(value, "region");
            return this;
        }

        /**
         * Any host, such as a fake Konnect in tests: {@code http://localhost:8080}. Requests go to {@code /v2/...}
         * under it.
         *
         * @param value the host root, with scheme and without a path, not null
         * @return this builder
         */
        public Builder baseUrl(URI value) {
            Objects.requireNonNull(value, "baseUrl");
            if (value.getScheme() == null || value.getHost() == null
                    || !(value.getScheme().equals("http") || value.getScheme().equals("https"))) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, got " + value);
            }
            this.baseUrl = value;
            return this;
        }

        /**
         * With {@link #region}: a Konnect custom domain, so the host becomes {@code {region}.api.{domain}}.
         *
         * @param domain the custom domain, such as {@code example.com}, not null
         * @return this builder
         */
        public Builder customDomain(String domain) {
            Objects.requireNonNull(domain, "customDomain");
            if (domain.isBlank() || domain.contains("/") || domain.contains(":")) {
                throw new IllegalArgumentException("customDomain must be a bare domain such as example.com, got '"
                        + domain + "'");
            }
            this.customDomain = domain.trim();
            return this;
        }

        /**
         * A personal ({@code kpat_...}) or system-account ({@code spat_...}) access token.
         *
         * @param value the token, not null or blank; never logged
         * @return this builder
         */
        public Builder token(String value) {
            Objects.requireNonNull(value, "token");
            String trimmed = value.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            // Checked here, without quoting it: the JDK's own complaint about a bad header would echo the token.
            if (trimmed.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("token contains a space, control or non-ASCII character; "
                        + "copy it again from Konnect");
            }
            this.token = trimmed;
            return this;
        }

        /**
         * Reads the token from {@value Konnect#TOKEN_VARIABLE}.
         *
         * @return this builder
         * @throws IllegalStateException when the variable is not set
         */
        public Builder tokenFromEnvironment() {
            return tokenFromEnvironment(System.getenv());
        }

        Builder tokenFromEnvironment(Map<String, String> environment) {
            String value = environment.get(TOKEN_VARIABLE);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(TOKEN_VARIABLE + " is not set: export a Konnect personal or "
                        + "system-account access token, or call token(...)");
            }
            return token(value);
        }

        /**
         * Everything a tool or script needs from the environment, so none parses it again: the token from
         * {@value Konnect#TOKEN_VARIABLE}; the host from {@value Konnect#BASE_URL_VARIABLE} or else the region
         * {@value Konnect#REGION_VARIABLE} (default {@code us}); and, when {@code HTTPS_PROXY} or {@code HTTP_PROXY}
         * is set, those proxies (with {@code NO_PROXY}). Call it first: later calls replace the token, the proxy or
         * the region it set (but a {@code baseUrl} next to a region is refused, as always).
         *
         * @return this builder
         * @throws IllegalStateException    when the token is missing, or both host variables are set
         * @throws IllegalArgumentException naming the variable whose value is not valid
         */
        public Builder fromEnvironment() {
            return fromEnvironment(System.getenv());
        }

        /**
         * The same as {@link #fromEnvironment()}, from the given variables: a tool can lay its own options over
         * the process environment (a {@code --token} flag replacing {@value Konnect#TOKEN_VARIABLE}, say).
         *
         * @param environment the variables to read, by name (such as {@link System#getenv()}), not null
         * @return this builder
         */
        public Builder fromEnvironment(Map<String, String> environment) {
            Objects.requireNonNull(environment, "environment");
            tokenFromEnvironment(environment);
            String baseUrlValue = nonBlank(environment.get(BASE_URL_VARIABLE));
            String regionValue = nonBlank(environment.get(REGION_VARIABLE));
            if (baseUrlValue != null && regionValue != null) {
                throw new IllegalStateException("Both " + BASE_URL_VARIABLE + " and " + REGION_VARIABLE
                        + " are set; unset one");
            }
            try {
                if (baseUrlValue != null) {
                    baseUrl(URI.create(baseUrlValue));
                } else {
                    region(regionValue == null ? Region.US : Region.of(regionValue));
                }
            } catch (IllegalArgumentException e) {
                String variable = baseUrlValue != null ? BASE_URL_VARIABLE : REGION_VARIABLE;
                throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
            }
            if (PROXY_VARIABLES.stream().anyMatch(name -> nonBlank(environment.get(name)) != null)) {
                proxyFromEnvironment(environment);
            }
            return this;
        }

        private static String nonBlank(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }

        /**
         * When and how failed calls are retried; default {@link RetryPolicy#defaults()}.
         *
         * @param value the policy, not null; {@link RetryPolicy#none()} to never retry
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * How long opening a connection may take; default 10 s.
         *
         * @param value a positive duration, not null
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            this.connectTimeoutSet = true;
            return this;
        }

        /**
         * How long one attempt may wait for Konnect's answer; default 30 s.
         *
         * @param value a positive duration, not null
         * @return this builder
         */
        public Builder attemptTimeout(Duration value) {
            this.attemptTimeout = positive(value, "attemptTimeout");
            return this;
        }

        /**
         * How long a call may take, every attempt and backoff included; default 2 min.
         *
         * @param value a positive duration, not null
         * @return this builder
         */
        public Builder totalTimeout(Duration value) {
            this.totalTimeout = positive(value, "totalTimeout");
            return this;
        }

        /**
         * The longest answer the client reads, in bytes; default {@value Konnect#DEFAULT_MAX_RESPONSE_BYTES} (32 MiB),
         * far above Konnect's largest (a page of 1000 plugins of 3 KB is about 3 MB). A longer answer fails the call
         * with a {@link KonnectTransportException} as soon as its size is known, before it is held in memory.
         *
         * @param value the limit in bytes, positive
         * @return this builder
         */
        public Builder maxResponseBytes(long value) {
            if (value < 1 || value > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxResponseBytes must be between 1 and " + (Integer.MAX_VALUE - 8)
                        + ", got " + value);
            }
            this.maxResponseBytes = value;
            return this;
        }

        /**
         * The most pages one listing follows ({@code list()} and the listings built on it); default
         * {@value Konnect#DEFAULT_MAX_LIST_PAGES}. A server that keeps sending next-page cursors cannot keep a
         * listing going for ever: past this many pages it ends with a {@link KonnectApiException}. (A cursor that
         * repeats an earlier page's ends it at once, whatever this limit.)
         *
         * @param value the page cap, positive
         * @return this builder
         */
        public Builder maxListPages(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxListPages must be positive, got " + value);
            }
            this.maxListPages = value;
            return this;
        }

        /**
         * The most items one listing returns, all its pages together; default
         * {@value Konnect#DEFAULT_MAX_LIST_ITEMS}. Past it the listing ends with a {@link KonnectApiException}.
         *
         * @param value the item cap, positive
         * @return this builder
         */
        public Builder maxListItems(long value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxListItems must be positive, got " + value);
            }
            this.maxListItems = value;
            return this;
        }

        /**
         * Routes requests through a proxy.
         *
         * @param value the proxy selector, not null
         * @return this builder
         */
        public Builder proxy(ProxySelector value) {
            this.proxy = Objects.requireNonNull(value, "proxy");
            return this;
        }

        /**
         * Uses {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY}, which {@code java.net.http} ignores on
         * its own. Without these variables, requests go direct.
         *
         * @return this builder
         * @throws IllegalArgumentException naming the variable that is not a proxy URL
         */
        public Builder proxyFromEnvironment() {
            return proxyFromEnvironment(System.getenv());
        }

        Builder proxyFromEnvironment(Map<String, String> environment) {
            return proxy(EnvironmentProxySelector.from(environment));
        }

        /**
         * Sends through your own {@link HttpClient} (its proxy, TLS, executor and connect timeout apply; the SDK's
         * {@link #connectTimeout}, {@link #proxy} and {@link #executor} must then not be set). It is not closed.
         * It must not follow redirects ({@code followRedirects(Redirect.NEVER)}, the JDK's default): the JDK copies
         * the {@code Authorization} header onto a redirect to any host, so {@link #build()} refuses a client that
         * follows them rather than let the token reach a host other than the configured one.
         *
         * @param value the client to send through, not null; the SDK does not close it
         * @return this builder
         */
        public Builder httpClient(HttpClient value) {
            this.httpClient = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        /**
         * Runs async calls on this executor instead of the client's own threads: each call in flight holds one of its
         * threads while it waits for Konnect, and its future completes there. The JDK HttpClient's own I/O work
         * stays on the client's threads, so a small fixed pool cannot starve it.
         *
         * @param value the executor, not null; the SDK does not shut it down
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /**
         * Appended to the User-Agent, for tools built on this SDK: {@code my-deployer/1.2}.
         *
         * @param value the product token(s) to append, not null
         * @return this builder
         */
        public Builder userAgentSuffix(String value) {
            Objects.requireNonNull(value, "userAgentSuffix");
            if (value.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
                throw new IllegalArgumentException("userAgentSuffix must be printable ASCII");
            }
            this.userAgentSuffix = value;
            return this;
        }

        /**
         * Whether create and upsert first validate plugins offline with the validators on the class path
         * (sdk-validation); default true. Turn off to let Konnect be the only judge.
         *
         * @param value false to skip the offline validation
         * @return this builder
         */
        public Builder validateBeforeUpload(boolean value) {
            this.validateBeforeUpload = value;
            return this;
        }

        /**
         * Tells {@code value} of every attempt this client makes (start, answer, failure, retry), for metrics,
         * tracing or audit logs. Call it again to add more listeners; they are called in the order added. A listener
         * that throws is logged and skipped, never failing the call. Without listeners, nothing is spent on them.
         *
         * @param value the listener, not null
         * @return this builder
         */
        public Builder listener(KonnectListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Caps the rate of requests this client sends, to stay under Konnect's rate limit rather than retry into it:
         * requests start at least {@code 1 / value} seconds apart, counted across every thread and every call of
         * this client, retries included. A blocking call waits on its own thread (within its
         * {@link #totalTimeout}); an async call waits on a timer before it takes one of the executor's threads (its
         * later requests and retries wait on that thread). Default: no cap.
         *
         * @param value the most requests per second, positive and finite (0.5 means one every two seconds)
         * @return this builder
         */
        public Builder maxRequestsPerSecond(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("maxRequestsPerSecond must be a positive number, got " + value);
            }
            this.maxRequestsPerSecond = value;
            return this;
        }

        /** For tests: the monotonic clock the rate limit is measured with. */
        Builder nanoTime(LongSupplier value) {
            this.nanoTime = Objects.requireNonNull(value, "nanoTime");
            return this;
        }

        /** For tests: waits between attempts without sleeping. */
        Builder delayer(Delayer value) {
            this.delayer = Objects.requireNonNull(value, "delayer");
            return this;
        }

        /** For tests: the clock HTTP-date {@code Retry-After} values are measured against. */
        Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** For tests: the jitter source, values in [0, 1). */
        Builder random(DoubleSupplier value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /**
         * @return a new client; close it when done
         * @throws IllegalStateException when the host or the token is missing, or options contradict each other
         */
        public Konnect build() {
            URI root = resolveBaseUrl();
            if (token == null) {
                throw new IllegalStateException("No token: call token(...) or tokenFromEnvironment()");
            }
            if (httpClient != null && (proxy != null || executor != null || connectTimeoutSet)) {
                throw new IllegalStateException("httpClient(...) cannot be combined with proxy, executor or "
                        + "connectTimeout: configure them on your HttpClient");
            }
            if (httpClient != null && httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
                throw new IllegalStateException("httpClient(...) follows redirects (" + httpClient.followRedirects()
                        + "): the JDK would send the Konnect token to whatever host a redirect names. Build it with "
                        + "followRedirects(HttpClient.Redirect.NEVER)");
            }
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("konnect-timer"));
            timer.setRemoveOnCancelPolicy(true);
            // Cached, so that async calls blocked on Konnect never starve the JDK client's own I/O work.
            ExecutorService ownedExecutor = Executors.newCachedThreadPool(daemonThreads("konnect-http"));
            HttpClient client = httpClient != null ? httpClient : newHttpClient(ownedExecutor);
            Delayer waits = delayer != null ? delayer : wait -> {
                CompletableFuture<Void> done = new CompletableFuture<>();
                timer.schedule(() -> done.complete(null), wait.toNanos(), TimeUnit.NANOSECONDS);
                return done;
            };
            Duration effectiveConnectTimeout = client.connectTimeout().orElse(connectTimeout);
            TransportSettings settings = new TransportSettings(client, root, "Bearer " + token,
                    UserAgent.of(userAgentSuffix), retryPolicy, effectiveConnectTimeout, attemptTimeout, totalTimeout,
                    maxResponseBytes, new ListingLimits(maxListPages, maxListItems), waits, clock, random);
            UploadGuard guard = validateBeforeUpload ? UploadGuard.fromClassPath() : UploadGuard.disabled();
            RateLimiter limiter = maxRequestsPerSecond > 0 ? new RateLimiter(maxRequestsPerSecond, nanoTime) : null;
            HttpPipeline pipeline = new HttpPipeline(settings, executor != null ? executor : ownedExecutor,
                    Listeners.of(listeners), limiter);
            return new Konnect(pipeline, guard, ownedExecutor, timer);
        }

        /** Never shows the token. */
        @Override
        public String toString() {
            return "Konnect.Builder{region=" + region + ", baseUrl=" + baseUrl + ", token="
                    + (token == null ? "<unset>" : "<redacted>") + ", retryPolicy=" + retryPolicy + "}";
        }

        private URI resolveBaseUrl() {
            if (region != null && baseUrl != null) {
                throw new IllegalStateException("Both region(...) and baseUrl(...) are set; choose one");
            }
            if (customDomain != null && region == null) {
                throw new IllegalStateException("customDomain(...) needs region(...)");
            }
            if (region == null && baseUrl == null) {
                throw new IllegalStateException("No host: call region(Region.US|EU|AU|ME|IN|SG) or baseUrl(URI)");
            }
            URI root = region != null ? (customDomain != null ? region.baseUrl(customDomain) : region.baseUrl())
                    : baseUrl;
            String text = root.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.endsWith("/v2")) {
                text = text.substring(0, text.length() - 3);
            }
            return URI.create(text);
        }

        private HttpClient newHttpClient(Executor httpExecutor) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(connectTimeout)
                    .executor(httpExecutor);
            if (proxy != null) {
                builder.proxy(proxy);
            }
            return builder.build();
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }

        private static ThreadFactory daemonThreads(String prefix) {
            AtomicInteger count = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
