package dev.konnectplugins.internal.testkit;

import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;

/**
 * Puts the fake's catch-all stub back whenever WireMock's stubs are reset, whether by
 * {@code WireMockServer.resetAll()} in a test or by {@code POST /__admin/reset} from a tool in another
 * language: without it, every request after such a reset would fall through to WireMock's own 404.
 */
public final class FakeStubKeeper implements StubLifecycleListener {

    private volatile Runnable installFakeStub = () -> { };

    @Override
    public String getName() {
        return "fake-konnect-stub-keeper";
    }

    /** What re-creates the stub; set once the server exists. */
    public void attach(Runnable installFakeStub) {
        this.installFakeStub = installFakeStub;
    }

    @Override
    public void afterStubsReset() {
        installFakeStub.run();
    }
}
