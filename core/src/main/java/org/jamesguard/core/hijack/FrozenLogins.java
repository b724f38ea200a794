package org.jamesguard.core.hijack;

import java.util.Optional;
import java.util.function.Function;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.Reply;
import org.jamesguard.core.auth.Credentials;

/**
 * The freeze gate of the login paths James answers itself: POP3, IMAP and JMAP (SPEC C7). Their
 * adapters ask it before (or, when James has already checked the credentials, right after) James
 * logs the account in, and refuse with the reply's text.
 * <p>
 * A login with a password is refused only when the password is right, so only someone who knows it
 * learns that the account is frozen; a wrong password is left to the protocol's usual failure. The
 * password is checked here only for an account that is, or may be, frozen: other logins cost nothing
 * more than a store lookup.
 */
public final class FrozenLogins {
    private final FrozenAccounts frozen;
    private final Credentials credentials;

    public FrozenLogins(FrozenAccounts frozen, Credentials credentials) {
        this.frozen = frozen;
        this.credentials = credentials;
    }

    /**
     * A login by {@code account} (its canonical name) with {@code password}, before the protocol checks
     * the password.
     *
     * @return the refusal when the password is right and the account frozen (or its state unknown and
     *     the failure policy closed); empty when the protocol should carry on
     */
    public Optional<Reply> withPassword(String account, String password, AuditContext context) {
        if (!mayBeFrozen(account)) {
            return Optional.empty();
        }
        Optional<String> verified = credentials.verify(account, password);
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        return authenticated(verified.get(), context);
    }

    /**
     * A login by {@code account} with {@code password} that asks to act as {@code actingAs} (IMAP AUTHENTICATE
     * PLAIN with an authorization identity), before the protocol checks either: both accounts are gated, the
     * login's first, and only when the password is right (and, for the other account, the delegation exists).
     *
     * @param contexts the audit context of a decision about each account
     * @return the refusal when the password is right and either account frozen; empty when the protocol should
     *     carry on (and check the password and the delegation itself)
     */
    public Optional<Reply> withPasswordActingAs(String account, String password, String actingAs,
                                                Function<String, AuditContext> contexts) {
        if (!mayBeFrozen(account) && !mayBeFrozen(actingAs)) {
            return Optional.empty();
        }
        Optional<String> verified = credentials.verify(account, password);
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        Optional<Reply> login = authenticated(verified.get(), contexts.apply(verified.get()));
        if (login.isPresent()) {
            return login;
        }
        // without a delegation the protocol refuses anyway: a stranger's freeze is not the login's business
        return credentials.delegatedAccount(verified.get(), actingAs)
            .flatMap(delegated -> authenticated(delegated, contexts.apply(delegated)));
    }

    /**
     * A login by {@code account} whose credentials were checked by other means (a JMAP strategy, an
     * OAuth token) or cannot be checked here (an APOP digest).
     *
     * @return the refusal while the account is frozen; empty when the protocol should carry on
     */
    public Optional<Reply> authenticated(String account, AuditContext context) {
        return frozen.atLogin(account, context).reply();
    }

    /** Whether to look closer. A store failure counts as "maybe": the failure policy then decides. */
    private boolean mayBeFrozen(String account) {
        try {
            return frozen.find(account).isPresent();
        } catch (RuntimeException e) {
            return true;
        }
    }
}
