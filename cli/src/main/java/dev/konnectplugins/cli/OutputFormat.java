package dev.konnectplugins.cli;

/** {@code --output}: text for people, JSON for tools. */
enum OutputFormat {
    text,
    json
}
