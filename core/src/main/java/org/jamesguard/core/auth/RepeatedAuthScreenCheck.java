package org.jamesguard.core.auth;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;

/**
 * SPEC A12 and A13: an IP that reached the limit of AUTH attempts (where AUTH is not offered) or of
 * failed AUTH (anywhere) within the window goes on the dynamic screen, and the session ends with
 * {@code 421 4.7.0}. Trusted IPs never.
 */
public final class RepeatedAuthScreenCheck {
    public static final CheckId PROBES = CheckId.of("auth-probes-screen");
    public static final CheckId FAILURES = CheckId.of("failed-auth-screen");

    private RepeatedAuthScreenCheck() {
    }

    /** @param count attempts counted in the window, this one included */
    public static Verdict check(CheckId id, SessionSnapshot session, long count, int limit) {
        if (session.trusted() || count < limit) {
            return Verdict.pass(id);
        }
        return Verdict.reject(id, Replies.AUTH_ATTEMPTS_SCREENED).andClose()
            .withDetail(count + " attempts within the window, limit " + limit);
    }
}
