package dev.konnectplugins.internal.validation.checks;

import dev.konnectplugins.internal.validation.resolve.Event;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec;
import dev.konnectplugins.internal.validation.sandbox.SandboxSpec.Kind;

/**
 * Which resolved reads of a global path meet a nil in the sandbox where they happen. Reading a path whose last step
 * is missing only gives nil: stored in a local ({@code local f = os.getenv}) it fails where the local is first used;
 * a path whose earlier step is missing fails at once, where indexing that nil.
 */
final class SandboxReads {
    private SandboxReads() {
    }

    /** The missing part of the path when this read meets it, else null. */
    static SandboxSpec.Missing failing(SandboxSpec spec, Kind kind, Event.Read read) {
        if (read.path().isEmpty() || !(spec.lookup(kind, read.path()) instanceof SandboxSpec.Missing missing)) {
            return null;
        }
        boolean onlyLastStep = missing.length() == read.path().size();
        return switch (read.kind()) {
            case USE -> missing;
            case ALIAS -> onlyLastStep ? null : missing;
            case ALIAS_USED -> onlyLastStep ? missing : null;
        };
    }
}
