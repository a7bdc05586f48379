package dev.konnectplugins.testkit;

import dev.konnectplugins.Konnect;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@link Konnect} client {@link FakeKonnectExtension} injects: pointed at the fake, with its token and the
 * client's defaults otherwise, and closed when the JUnit context it was created for ends (after the test, for a test
 * method parameter).
 *
 * <p>The only class of sdk-testkit that uses sdk-core, an optional dependency: the extension names
 * {@link #KONNECT_CLASS} as a string and loads this class only when a test asks for a client, so tests without
 * sdk-core on their class path never touch it. (JUnit 5.13+ closes {@code AutoCloseable} store values, older JUnit 5
 * {@code CloseableResource}s; see {@link RunningFake}.)
 */
@SuppressWarnings("deprecation") // CloseableResource is deprecated since 5.13 but the only hook older JUnit 5 has.
final class InjectedKonnect implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    /** The parameter type this class resolves; a constant, so checking it does not load sdk-core. */
    static final String KONNECT_CLASS = "dev.konnectplugins.Konnect";

    private final Konnect konnect;

    InjectedKonnect(FakeKonnect fake) {
        this.konnect = Konnect.builder().baseUrl(fake.baseUrl()).token(fake.token()).build();
    }

    Konnect konnect() {
        return konnect;
    }

    @Override
    public void close() {
        konnect.close();
    }
}
