package org.jamesguard.core.auth;

import java.util.List;
import java.util.Optional;

import org.jamesguard.core.Decision;
import org.jamesguard.core.Header;

/**
 * The outcome of an AUTH exchange: the account the session now acts as (with the report-only notes the
 * login collected), or the refusal to send.
 */
public final class AuthResult {
    private final String account;
    private final List<Header> headers;
    private final Decision refusal;

    private AuthResult(String account, List<Header> headers, Decision refusal) {
        this.account = account;
        this.headers = List.copyOf(headers);
        this.refusal = refusal;
    }

    public static AuthResult success(String account, List<Header> headers) {
        return new AuthResult(account, headers, null);
    }

    public static AuthResult refused(Decision refusal) {
        if (!refusal.refuses()) {
            throw new IllegalArgumentException("not a refusal: " + refusal);
        }
        return new AuthResult(null, List.of(), refusal);
    }

    /** Report-only notes for the messages of the session. */
    public List<Header> headers() {
        return headers;
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
