package org.jamesguard.core.auth;

import java.util.function.BooleanSupplier;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;

/**
 * SPEC A1: an unauthenticated session may not use a sender of a local domain. With A3 (default) only
 * senders that are accounts or aliases of this server count as local, so a domain shared with another
 * server works. Trusted IPs are exempt. With A2 the decision moves to RCPT: see {@link #checkRecipient}.
 */
public final class LocalSenderRequiresAuthCheck {
    public static final CheckId ID = CheckId.of("local-sender-requires-auth");

    private LocalSenderRequiresAuthCheck() {
    }

    /** @param senderIsLocal whether the sender counts as local (A1 with A3 applied); asked only when it matters */
    public static Verdict check(SessionSnapshot session, BooleanSupplier senderIsLocal) {
        if (session.authenticated() || session.trusted() || session.nullSender() || !senderIsLocal.getAsBoolean()) {
            return Verdict.pass(ID);
        }
        return Verdict.reject(ID, Replies.AUTH_REQUIRED).withDetail("unauthenticated local sender " + session.mailFrom().orElseThrow());
    }

    /** A2: only a non-local recipient needs the sender to authenticate. */
    public static Verdict checkRecipient(SessionSnapshot session, BooleanSupplier senderIsLocal, boolean recipientIsLocal) {
        if (recipientIsLocal) {
            return Verdict.pass(ID);
        }
        return check(session, senderIsLocal);
    }
}
