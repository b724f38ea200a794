package org.jamesguard.hooks;

import org.apache.james.protocols.api.ProtocolSession;

/** The listener named in audit lines, for SMTP and POP3 sessions. */
public final class Listeners {
    private Listeners() {
    }

    /** Listeners have no name James exposes to handlers: we name them by protocol and bound port, {@code smtp:587}. */
    public static String name(String protocol, ProtocolSession session) {
        return protocol + ":" + session.getLocalAddress().getPort();
    }
}
