package org.jamesguard.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What an adapter must do after {@link DecisionRecorder} applied mode, policy and logging to a
 * verdict: carry on (possibly adding a header to the message) or send a reply (possibly closing).
 * A refusal says why ({@link Cause}): a store outage and a bug send the same {@code 451 4.3.0}, yet an
 * adapter without a client to answer must tell them from a refusal by policy.
 */
public final class Decision {
    public static final Decision PROCEED = new Decision(null, null, false, null);

    /** Why a decision refuses. */
    public enum Cause {
        /** A check refused. */
        POLICY,
        /** The state store could not be reached and the failure policy is fail-closed. */
        STORE_FAILURE,
        /** A check, or what it depends on, failed unexpectedly. */
        INTERNAL_ERROR
    }

    private final Reply reply;
    private final Header header;
    private final boolean close;
    private final Cause cause;

    private Decision(Reply reply, Header header, boolean close, Cause cause) {
        this.reply = reply;
        this.header = header;
        this.close = close;
        this.cause = cause;
    }

    public static Decision proceedWith(Header header) {
        return new Decision(null, Objects.requireNonNull(header, "header"), false, null);
    }

    /** A refusal by policy. */
    public static Decision refuse(Reply reply, boolean close) {
        return new Decision(Objects.requireNonNull(reply, "reply"), null, close, Cause.POLICY);
    }

    /** The store failed under fail-closed: {@link Replies#STORE_UNAVAILABLE}, the session goes on. */
    public static Decision storeFailure() {
        return new Decision(Replies.STORE_UNAVAILABLE, null, false, Cause.STORE_FAILURE);
    }

    /** A check failed unexpectedly: {@link Replies#INTERNAL_ERROR}, never permanent, the session goes on. */
    public static Decision internalError() {
        return new Decision(Replies.INTERNAL_ERROR, null, false, Cause.INTERNAL_ERROR);
    }

    public boolean refuses() {
        return reply != null;
    }

    /** Why it refuses; empty when it proceeds. */
    public Optional<Cause> cause() {
        return Optional.ofNullable(cause);
    }

    public Optional<Reply> reply() {
        return Optional.ofNullable(reply);
    }

    public Optional<Header> header() {
        return Optional.ofNullable(header);
    }

    public boolean closes() {
        return close;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Decision)) {
            return false;
        }
        Decision that = (Decision) o;
        return close == that.close && Objects.equals(reply, that.reply) && Objects.equals(header, that.header)
            && cause == that.cause;
    }

    @Override
    public int hashCode() {
        return Objects.hash(reply, header, close, cause);
    }

    @Override
    public String toString() {
        if (reply != null) {
            return reply + (close ? " (close)" : "");
        }
        return header == null ? "proceed" : "proceed [" + header + "]";
    }
}
