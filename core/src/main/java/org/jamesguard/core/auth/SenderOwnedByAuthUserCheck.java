package org.jamesguard.core.auth;

import java.util.function.BooleanSupplier;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;

/**
 * SPEC A5: an authenticated session's return-path must belong to its account (own address, alias,
 * delegation). The null sender is allowed: bounces and notifications carry it.
 */
public final class SenderOwnedByAuthUserCheck {
    public static final CheckId ID = CheckId.of("sender-owned-by-auth-user");

    private SenderOwnedByAuthUserCheck() {
    }

    /** @param exempt the sender is on the exemption list (A7) or the mail goes to a gateway domain (A8) */
    public static Verdict check(SessionSnapshot session, BooleanSupplier owned, boolean exempt) {
        if (!session.authenticated() || session.nullSender() || exempt || owned.getAsBoolean()) {
            return Verdict.pass(ID);
        }
        return Verdict.reject(ID, Replies.SENDER_NOT_OWNED)
            .withDetail(session.authUser().orElseThrow() + " used " + session.mailFrom().orElseThrow());
    }
}
