package org.jamesguard.core.auth;

import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Verdict;

/**
 * SPEC A14: AUTH PLAIN may name an authorization identity other than the login only when that account
 * delegated to the login; otherwise {@code 535 5.7.8}, whatever the password.
 */
public final class AuthorizationIdentityCheck {
    public static final CheckId ID = CheckId.of("authorization-identity");

    private AuthorizationIdentityCheck() {
    }

    public static Verdict check(String account, String authorizationId, BooleanSupplier delegated) {
        if (authorizationId.isEmpty() || sameAccount(account, authorizationId) || delegated.getAsBoolean()) {
            return Verdict.pass(ID);
        }
        return Verdict.reject(ID, Replies.AUTHZID_REFUSED).withDetail(account + " asked to act as " + authorizationId);
    }

    static boolean sameAccount(String account, String authorizationId) {
        return account.toLowerCase(Locale.ROOT).equals(authorizationId.toLowerCase(Locale.ROOT));
    }
}
