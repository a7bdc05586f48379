/**
 * Validation reports: {@link dev.konnectplugins.validation.report.ReportFormat} renders the results of
 * {@link dev.konnectplugins.validation.PluginValidator} as text, JSON, SARIF 2.1.0 or GitHub Actions annotations,
 * as {@code konnect-plugins validate --output} prints them; {@link dev.konnectplugins.validation.report.DiagnosticText}
 * is the one way a single diagnostic is printed, shared by validate, plan and sync.
 */
package dev.konnectplugins.validation.report;
