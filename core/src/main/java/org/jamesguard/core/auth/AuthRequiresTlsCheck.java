package org.jamesguard.core.auth;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Verdict;

/**
 * AUTH where it is not offered to this client: when STARTTLS would make it offered (the listener requires TLS
 * for AUTH, RFC 4954), the client is told to encrypt first ({@code 538 5.7.11}); otherwise the command does not
 * exist here (SPEC A11, {@link AuthNotOfferedCheck}).
 */
public final class AuthRequiresTlsCheck {
    public static final CheckId ID = CheckId.of("auth-requires-tls");

    private AuthRequiresTlsCheck() {
    }

    /** @param offeredAfterStartTls the session has not started TLS yet, and AUTH would be offered once it has */
    public static Verdict check(boolean offeredAfterStartTls) {
        if (offeredAfterStartTls) {
            return Verdict.reject(ID, Replies.ENCRYPTION_REQUIRED).withDetail("AUTH before STARTTLS");
        }
        return AuthNotOfferedCheck.check().withDetail("AUTH not offered to this client");
    }
}
