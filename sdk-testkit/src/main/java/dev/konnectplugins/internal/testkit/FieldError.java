package dev.konnectplugins.internal.testkit;

/** One failed check of a request body, reported as one `details[]` entry of a core-entity error. */
record FieldError(String field, String message) {
}
