package org.jamesguard.core.rdns;

import org.jamesguard.core.Mode;
import org.jamesguard.core.Reply;

/**
 * How B8 and B12 treat a domain that does not exist: the mode, the reply ({@code 451 4.1.8} by default,
 * {@code 501 5.1.8} as an option) and whether the session closes after it.
 */
public final class NotFoundRule {
    private final Mode mode;
    private final Reply reply;
    private final boolean close;

    NotFoundRule(Mode mode, Reply reply, boolean close) {
        this.mode = mode;
        this.reply = reply;
        this.close = close;
    }

    Mode mode() {
        return mode;
    }

    Reply reply() {
        return reply;
    }

    boolean closes() {
        return close;
    }
}
