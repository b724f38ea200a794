package org.jamesguard.core.auth;

import java.util.Optional;

import org.jamesguard.core.Decision;

/** The outcome of an AUTH exchange: the account the session now acts as, or the refusal to send. */
public final class AuthResult {
    private final String account;
    private final Decision refusal;

    private AuthResult(String account, Decision refusal) {
        this.account = account;
        this.refusal = refusal;
    }

    public static AuthResult success(String account) {
        return new AuthResult(account, null);
    }

    public static AuthResult refused(Decision refusal) {
        if (!refusal.refuses()) {
            throw new IllegalArgumentException("not a refusal: " + refusal);
        }
        return new AuthResult(null, refusal);
    }

    public Optional<String> account() {
        return Optional.ofNullable(account);
    }

    public Optional<Decision> refusal() {
        return Optional.ofNullable(refusal);
    }

    @Override
    public String toString() {
        return account != null ? "authenticated as " + account : "refused: " + refusal;
    }
}
