package dev.konnectplugins.internal.validation.resolve;

import java.util.List;

/**
 * What the resolver needs to know of the environment a file runs in: which global paths are nil there. Code under
 * {@code if ngx.timer then} cannot run where {@code ngx.timer} is nil, and {@code bit32 or bit} is {@code bit}. The
 * resolver asks only this; what a nil path means for the plugin is the checks' business.
 */
@FunctionalInterface
public interface Environment {
    /** Whether reading this non-empty global path, such as {@code [ngx, timer]}, gives nil. */
    boolean absent(List<String> path);
}
