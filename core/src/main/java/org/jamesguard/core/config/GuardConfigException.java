package org.jamesguard.core.config;

/**
 * A configuration value is wrong. The message names the element path, what was found and what is
 * allowed, e.g. {@code <reverseLookup><ptr><mode>: expected off, report-only or enforce, got 'strict'}.
 */
public class GuardConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public GuardConfigException(String message) {
        super(message);
    }
}
