package dev.konnectplugins.internal.validation.schema;

/**
 * Kong's validation code raising a Lua error on the value it was given (comparing a string with a number, measuring a
 * boolean, concatenating a table): where Kong runs the validation under pcall (a {@code default}), the field is
 * refused with "error in schema prevents from validating this field"; elsewhere the whole validation fails.
 */
final class KongRaise extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KongRaise(String message) {
        super(message, null, false, false);
    }
}
