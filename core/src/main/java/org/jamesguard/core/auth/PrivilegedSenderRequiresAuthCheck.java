package org.jamesguard.core.auth;

import java.util.function.BooleanSupplier;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;

/**
 * SPEC A9: postmaster@, abuse@ and webmaster@ of a local domain (or an alias of one) always need AUTH,
 * even from trusted IPs: these are the addresses forgers like most.
 */
public final class PrivilegedSenderRequiresAuthCheck {
    public static final CheckId ID = CheckId.of("privileged-sender-requires-auth");

    private PrivilegedSenderRequiresAuthCheck() {
    }

    public static Verdict check(SessionSnapshot session, BooleanSupplier senderIsPrivileged) {
        if (session.authenticated() || session.nullSender() || !senderIsPrivileged.getAsBoolean()) {
            return Verdict.pass(ID);
        }
        return Verdict.reject(ID, Replies.AUTH_REQUIRED).withDetail("unauthenticated privileged sender " + session.mailFrom().orElseThrow());
    }
}
