package org.jamesguard.core.auth;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Verdict;

/**
 * SPEC A11: on a listener without AUTH (the MX port), the AUTH command does not exist. James accepts
 * AUTH even when it does not offer it, so the command itself must be refused, not only hidden.
 */
public final class AuthNotOfferedCheck {
    public static final CheckId ID = CheckId.of("auth-not-offered");

    private AuthNotOfferedCheck() {
    }

    public static Verdict check() {
        return Verdict.reject(ID, Replies.AUTH_UNRECOGNIZED).withDetail("AUTH on a listener without AUTH");
    }
}
