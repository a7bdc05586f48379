package dev.konnectplugins.testkit;

import dev.konnectplugins.internal.testkit.OrganizationRateLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Options for a {@link FakeKonnect}; get one from {@link FakeKonnect#builder()}. Every option has a default,
 * so {@code FakeKonnect.builder().start()} equals {@link FakeKonnect#start()}.
 */
public final class FakeKonnectBuilder {

    /** The token a fake accepts unless told otherwise; shaped like a Konnect personal access token. */
    public static final String DEFAULT_TOKEN = "kpat_fake0000000000000000000000000000000000000000000";
    /** The name of the control plane a fake starts with unless told otherwise. */
    public static final String DEFAULT_CONTROL_PLANE_NAME = "default";

    private int port;
    private String bindAddress = "127.0.0.1";
    private String token = DEFAULT_TOKEN;
    private String controlPlaneName = DEFAULT_CONTROL_PLANE_NAME;
    private String controlPlaneId;
    private int duplicateNameStatus = 400;
    private Clock clock = Clock.systemUTC();
    private boolean kongChecks = true;
    private OrganizationRateLimit.Settings rateLimit;

    FakeKonnectBuilder() {
    }

    /**
     * The TCP port; 0 (the default) picks a free one.
     *
     * @param port the port, 0 to 65535
     * @return this builder
     */
    public FakeKonnectBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Not a TCP port: " + port);
        }
        this.port = port;
        return this;
    }

    /**
     * Where to listen; {@code 127.0.0.1} by default, {@code 0.0.0.0} to accept other hosts (containers).
     *
     * @param bindAddress an IP address or host name of this machine
     * @return this builder
     */
    public FakeKonnectBuilder bindAddress(String bindAddress) {
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        return this;
    }

    /**
     * The bearer token the fake accepts; anything else is answered 401.
     *
     * @param token the token, not blank
     * @return this builder
     */
    public FakeKonnectBuilder token(String token) {
        if (token == null || token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A token must be non-blank and without spaces");
        }
        this.token = token;
        return this;
    }

    /**
     * Name of the control plane the fake starts with ({@value #DEFAULT_CONTROL_PLANE_NAME}).
     *
     * @param name the control plane's name
     * @return this builder
     */
    public FakeKonnectBuilder controlPlaneName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A control plane name must not be blank");
        }
        this.controlPlaneName = name;
        return this;
    }

    /**
     * A fixed UUID for the default control plane, for scripts that hard-code it; random otherwise.
     *
     * @param id a UUID
     * @return this builder
     */
    public FakeKonnectBuilder controlPlaneId(String id) {
        this.controlPlaneId = UUID.fromString(id).toString();
        return this;
    }

    /**
     * Status of the unique-name error on custom plugins: 400 (default; what Konnect core entities answer,
     * {@code "data constraint error"}) or 409 (what self-managed Kong answers), same body either way.
     *
     * @param status 400 or 409
     * @return this builder
     */
    public FakeKonnectBuilder duplicateNameStatus(int status) {
        if (status != 400 && status != 409) {
            throw new IllegalArgumentException("The duplicate-name status must be 400 or 409, not " + status);
        }
        this.duplicateNameStatus = status;
        return this;
    }

    /**
     * The clock for {@code created_at} / {@code updated_at}; lets tests control timestamps.
     *
     * @param clock the clock, not null
     * @return this builder
     */
    public FakeKonnectBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Whether POST and PUT of a custom plugin go through Kong's checks, as on Konnect (the default): both files are
     * compiled and run in Kong's sandbox, the schema is checked against the restricted metaschema, and PRIORITY,
     * VERSION, {@code init_worker}, the name and Konnect's 100 KB limit are checked, by sdk-validation; a refused
     * upload is a 400 naming each field with Kong's message. Turn them off for a test that must store a plugin Konnect
     * would refuse; the request's shape (fields, types, tags) is still checked.
     *
     * @param enabled false to store any plugin whose request is well formed
     * @return this builder
     */
    public FakeKonnectBuilder kongChecks(boolean enabled) {
        this.kongChecks = enabled;
        return this;
    }

    /**
     * Limits the organisation's request rate, as Konnect does: above {@code requestsPerSecond} authenticated
     * requests in a second, whatever control plane they name, the fake answers 429 with {@code Retry-After} and
     * {@code {"message":"API rate limit exceeded"}}; see {@link FakeKonnect#rateLimit(int)}. No limit by default.
     *
     * @param requestsPerSecond how many requests each second admits, at least 1
     * @return this builder
     */
    public FakeKonnectBuilder rateLimit(int requestsPerSecond) {
        return rateLimit(requestsPerSecond, Duration.ofSeconds(1));
    }

    /**
     * Limits the organisation's request rate to {@code requests} per fixed {@code window}; see
     * {@link FakeKonnect#rateLimit(int, Duration)}.
     *
     * @param requests how many requests a window admits, at least 1
     * @param window   the window's length, at least 1 ms
     * @return this builder
     */
    public FakeKonnectBuilder rateLimit(int requests, Duration window) {
        this.rateLimit = new OrganizationRateLimit.Settings(requests, window);
        return this;
    }

    /**
     * Starts a fake with these options.
     *
     * @return the running fake; close it to stop it
     */
    public FakeKonnect start() {
        return new FakeKonnect(this);
    }

    int port() {
        return port;
    }

    String bindAddress() {
        return bindAddress;
    }

    String token() {
        return token;
    }

    String controlPlaneName() {
        return controlPlaneName;
    }

    String controlPlaneId() {
        return controlPlaneId != null ? controlPlaneId : UUID.randomUUID().toString();
    }

    int duplicateNameStatus() {
        return duplicateNameStatus;
    }

    Clock clock() {
        return clock;
    }

    boolean kongChecks() {
        return kongChecks;
    }

    OrganizationRateLimit.Settings rateLimit() {
        return rateLimit;
    }
}
