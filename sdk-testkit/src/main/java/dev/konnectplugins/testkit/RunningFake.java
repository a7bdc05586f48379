package dev.konnectplugins.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake kept in a JUnit store, closed (and so stopped) when its test class ends. JUnit 5.13+ closes store
 * values that are {@code AutoCloseable}; older JUnit 5 only closes {@code CloseableResource}s. Implementing both
 * covers every version, and JUnit calls only one of them.
 */
@SuppressWarnings("deprecation") // CloseableResource is deprecated since 5.13 but the only hook older JUnit 5 has.
final class RunningFake implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final FakeKonnect fake;

    RunningFake(FakeKonnect fake) {
        this.fake = fake;
    }

    FakeKonnect fake() {
        return fake;
    }

    @Override
    public void close() {
        fake.close();
    }
}
