package dev.konnectplugins.internal.validation.schema;

/**
 * Kong would run plugin code here (a shorthand's {@code func}, a plugin-defined {@code custom_validator}) or a
 * stand-in (a stubbed module's value) is involved: the engine cannot tell Kong's verdict, so the value in question is
 * accepted rather than guessed at.
 */
final class Undecidable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Undecidable(String why) {
        super(why, null, false, false);
    }
}
