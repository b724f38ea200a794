package org.jamesguard.core.auth;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;

/**
 * SPEC A4: every session from a local IP (the server's own addresses and the LAN ranges) must
 * authenticate before MAIL, trusted IPs excepted: mail from inside comes from users, and users log in.
 */
public final class LocalIpRequiresAuthCheck {
    public static final CheckId ID = CheckId.of("local-ip-requires-auth");

    private LocalIpRequiresAuthCheck() {
    }

    public static Verdict check(SessionSnapshot session, boolean clientIsLocal) {
        if (!clientIsLocal || session.trusted() || session.authenticated()) {
            return Verdict.pass(ID);
        }
        return Verdict.reject(ID, Replies.AUTH_REQUIRED).withDetail("unauthenticated session from local IP");
    }
}
