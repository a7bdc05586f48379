package dev.konnectplugins.internal.testkit;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.function.Supplier;

/**
 * What one fault does to one request. It gets the normal answer lazily, so a fault that replaces the answer
 * (a 429, a reset) never touches the fake's state: a rate-limited POST creates nothing, as in Konnect.
 */
@FunctionalInterface
public interface FaultAction {

    ResponseDefinition apply(Supplier<ResponseDefinition> normalAnswer);
}
