package dev.konnectplugins.benchmarks;

import java.net.URI;

/** The four operations measured, implemented once with the SDK and once by hand; both talk to the same stub. */
interface BenchmarkedClient extends AutoCloseable {
    /** Reads one plugin (3 KB). */
    Object get();

    /** Uploads one plugin (POST, answered 201). */
    Object create();

    /** Reads one page of 100 plugins (about 310 KB). */
    Object pageOf100();

    /** Lists 10,000 plugins in pages of 1000; returns how many it saw. */
    int list10k();

    @Override
    void close();

    /** "sdk" or "raw". */
    static BenchmarkedClient of(String kind, URI baseUrl) {
        return switch (kind) {
            case "sdk" -> new SdkClient(baseUrl);
            case "raw" -> new RawClient(baseUrl);
            default -> throw new IllegalArgumentException("client must be sdk or raw, got " + kind);
        };
    }
}
