package org.jamesguard.core.store;

/**
 * A state store could not answer (Redis down, disk error, timeout). Checks let it propagate: the
 * configured {@link StoreFailurePolicy} is applied in one place, {@code DecisionRecorder}.
 */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
