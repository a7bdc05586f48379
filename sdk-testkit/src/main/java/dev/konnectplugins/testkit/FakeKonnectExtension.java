package dev.konnectplugins.testkit;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects a started {@link FakeKonnect} into test methods, lifecycle methods and
 * constructors, and, when sdk-core is on the test class path, a ready {@code dev.konnectplugins.Konnect} client
 * pointed at that fake.
 *
 * <p>Lifecycle: one fake per test class (shared by its {@code @Nested} classes), started on first use and
 * closed after the class; {@link FakeKonnect#reset()} runs before each test, so every test starts with an
 * empty default control plane (same id), no faults, no extra stubs and an empty request journal.
 *
 * <pre>{@code
 * @ExtendWith(FakeKonnectExtension.class)
 * class UploadTest {
 *     @Test void uploads(FakeKonnect fake) { ... }
 * }
 * }</pre>
 *
 * For other options, register an instance: {@code @RegisterExtension static FakeKonnectExtension konnect =
 * new FakeKonnectExtension(FakeKonnect.builder().duplicateNameStatus(409));} and use {@link #fake()} or
 * parameters as before.
 *
 * <p>A {@code Konnect} parameter gets a client built as {@code Konnect.builder().baseUrl(fake.baseUrl())
 * .token(fake.token()).build()}, with the client's default retries and timeouts. It is closed when the context it
 * was injected into ends: after the test for a test method's parameter, after the class for a constructor's or
 * {@code @BeforeAll} method's. Parameters of one method share one client.
 *
 * <pre>{@code
 * @ExtendWith(FakeKonnectExtension.class)
 * class DeployTest {
 *     @Test void deploys(Konnect konnect, FakeKonnect fake) { ... }
 * }
 * }</pre>
 */
public final class FakeKonnectExtension implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FakeKonnectExtension.class);

    private final Supplier<FakeKonnect> factory;
    private volatile FakeKonnect lastStarted;

    /** Fakes with the default options; what {@code @ExtendWith(FakeKonnectExtension.class)} uses. */
    public FakeKonnectExtension() {
        this(FakeKonnect.builder());
    }

    /**
     * Fakes started from these options.
     *
     * @param options the options every test's fake starts with
     */
    public FakeKonnectExtension(FakeKonnectBuilder options) {
        Objects.requireNonNull(options, "options");
        this.factory = options::start;
    }

    /**
     * The fake of the test running now (for {@code @RegisterExtension} fields).
     *
     * @return the fake; only valid while a test runs
     */
    public FakeKonnect fake() {
        FakeKonnect fake = lastStarted;
        if (fake == null) {
            throw new IllegalStateException("No fake is running yet: fake() works inside tests and lifecycle methods");
        }
        return fake;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        fakeFor(context).reset();
    }

    /** Supports {@link FakeKonnect} parameters, and {@code Konnect} ones (see the class comment). */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeKonnect.class || type.getName().equals(InjectedKonnect.KONNECT_CLASS);
    }

    /** The fake of this test class, or a client pointed at it, closed when {@code context} ends. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        FakeKonnect fake = fakeFor(context);
        if (parameter.getParameter().getType() == FakeKonnect.class) {
            return fake;
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(InjectedKonnect.class,
                key -> new InjectedKonnect(fake), InjectedKonnect.class).konnect();
    }

    private FakeKonnect fakeFor(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        RunningFake running = classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningFake.class, key -> new RunningFake(factory.get()), RunningFake.class);
        lastStarted = running.fake();
        return running.fake();
    }

    /** The outermost class context, so nested classes and every test method share one fake. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().filter(parent -> parent.getTestClass().isPresent()).isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
