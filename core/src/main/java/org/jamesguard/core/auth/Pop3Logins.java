package org.jamesguard.core.auth;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Optional;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Reply;
import org.jamesguard.core.hijack.FrozenLogins;
import org.jamesguard.core.screen.ScreenedLogins;
import org.jamesguard.core.store.PopLoginStore;
import org.jamesguard.core.store.StoreUnavailableException;

/**
 * The POP3 logins James answers itself:
 * <ul>
 * <li>a client IP on the dynamic screen is refused before the password is checked: a screened IP cannot go on
 * guessing here what it guessed over SMTP;</li>
 * <li>a frozen account (SPEC C7) is refused at {@code PASS} only when the password is right (a wrong one gets the
 * protocol's usual failure), and outright at {@code APOP}, whose digest cannot be checked without the clear-text
 * password;</li>
 * <li>each successful login is recorded per client IP, for POP-before-SMTP (SPEC A10). A store outage never fails
 * the login: it is logged and counted, and the POP-before-SMTP check that later needs the login meets the outage
 * and applies the failure policy.</li>
 * </ul>
 * A refusal's text is what the client reads after {@code -ERR}.
 */
public final class Pop3Logins {
    private final ScreenedLogins screened;
    private final FrozenLogins frozen;
    private final PopLoginStore logins;
    private final DecisionRecorder recorder;
    private final Clock clock;

    public Pop3Logins(ScreenedLogins screened, FrozenLogins frozen, PopLoginStore logins, DecisionRecorder recorder,
                      Clock clock) {
        this.screened = screened;
        this.frozen = frozen;
        this.logins = logins;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** {@code PASS}, before the protocol checks the password. */
    public Optional<Reply> withPassword(InetAddress clientIp, String account, String password, AuditContext context) {
        return screened.atLogin(clientIp, context).or(() -> frozen.withPassword(account, password, context));
    }

    /** {@code APOP}, before the protocol checks the digest; {@code account} is empty when the name is not one. */
    public Optional<Reply> withDigest(InetAddress clientIp, Optional<String> account, AuditContext context) {
        return screened.atLogin(clientIp, context).or(() -> account.flatMap(name -> frozen.authenticated(name, context)));
    }

    /** The protocol logged the client in. */
    public void loggedIn(String clientIp, AuditContext context) {
        try {
            logins.recordLogin(clientIp, clock.instant());
        } catch (StoreUnavailableException e) {
            recorder.storeOutage(PopBeforeSmtpCheck.ID, context, e);
        }
    }
}
