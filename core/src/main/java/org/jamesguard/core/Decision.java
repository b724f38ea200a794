package org.jamesguard.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What an adapter must do after {@link DecisionRecorder} applied mode, policy and logging to a
 * verdict: carry on (possibly adding a header to the message) or send a reply (possibly closing).
 */
public final class Decision {
    public static final Decision PROCEED = new Decision(null, null, false);

    private final Reply reply;
    private final Header header;
    private final boolean close;

    private Decision(Reply reply, Header header, boolean close) {
        this.reply = reply;
        this.header = header;
        this.close = close;
    }

    public static Decision proceedWith(Header header) {
        return new Decision(null, Objects.requireNonNull(header, "header"), false);
    }

    public static Decision refuse(Reply reply, boolean close) {
        return new Decision(Objects.requireNonNull(reply, "reply"), null, close);
    }

    public boolean refuses() {
        return reply != null;
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
        return close == that.close && Objects.equals(reply, that.reply) && Objects.equals(header, that.header);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reply, header, close);
    }

    @Override
    public String toString() {
        if (reply != null) {
            return reply + (close ? " (close)" : "");
        }
        return header == null ? "proceed" : "proceed [" + header + "]";
    }
}
