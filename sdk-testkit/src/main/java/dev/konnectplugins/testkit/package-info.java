/**
 * A fake Konnect for tests: {@link dev.konnectplugins.testkit.FakeKonnect} serves Konnect's custom plugin, plugin
 * schema, plugin instance and control plane endpoints over HTTP, with fault injection; use it in-process, through the
 * JUnit 5 {@link dev.konnectplugins.testkit.FakeKonnectExtension}, or standalone
 * ({@link dev.konnectplugins.testkit.FakeKonnectServer}).
 */
package dev.konnectplugins.testkit;
