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
    private final String login;
    private final List<Header> headers;
    private final Decision refusal;

    private AuthResult(String account, String login, List<Header> headers, Decision refusal) {
        this.account = account;
        this.login = login;
        this.headers = List.copyOf(headers);
        this.refusal = refusal;
    }

    /**
     * @param account the account the session acts as
     * @param login the account whose password was checked: {@code account} itself, or the one acting for it
     */
    public static AuthResult success(String account, String login, List<Header> headers) {
        return new AuthResult(account, login, headers, null);
    }

    public static AuthResult refused(Decision refusal) {
        if (!refusal.refuses()) {
            throw new IllegalArgumentException("not a refusal: " + refusal);
        }
        return new AuthResult(null, null, List.of(), refusal);
    }

    /** Report-only notes for the messages of the session. */
    public List<Header> headers() {
        return headers;
    }

    public Optional<String> account() {
        return Optional.ofNullable(account);
    }

    /** The account whose password was checked, when it acts for another account (a delegation); empty otherwise. */
    public Optional<String> delegatingLogin() {
        return Optional.ofNullable(login).filter(name -> !name.equals(account));
    }

    public Optional<Decision> refusal() {
        return Optional.ofNullable(refusal);
    }

    @Override
    public String toString() {
        if (account == null) {
            return "refused: " + refusal;
        }
        return "authenticated as " + account + delegatingLogin().map(name -> " by " + name).orElse("");
    }
}
