package org.jamesguard.core.auth;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.CheckId;
import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Header;
import org.jamesguard.core.Mode;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.auth.AuthPolicyConfig.ScreenRule;
import org.jamesguard.core.config.Durations;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.store.CounterStore;

/**
 * SPEC A11–A14 for one listener: whether AUTH exists here, the password check, who the session may act
 * as, and screening IPs that keep trying. Every AUTH of every protocol adapter goes through here, so
 * failures are counted once, per IP, across listeners.
 */
public final class AuthPolicy {
    public static final CheckId CREDENTIALS = CheckId.of("auth-credentials");

    private final AuthPolicyConfig config;
    private final Credentials credentials;
    private final CounterStore counters;
    private final DynamicScreen screen;
    private final DecisionRecorder recorder;
    private final Clock clock;
    private final AccountGate accountGate;

    public AuthPolicy(AuthPolicyConfig config, Credentials credentials, CounterStore counters, DynamicScreen screen,
                      DecisionRecorder recorder, Clock clock, AccountGate accountGate) {
        this.config = config;
        this.credentials = credentials;
        this.counters = counters;
        this.screen = screen;
        this.recorder = recorder;
        this.clock = clock;
        this.accountGate = accountGate;
    }

    /** The AUTH command arrived. Where AUTH is not offered (A11) it is refused, and repeated tries screen the IP (A12). */
    public Decision onAuthCommand(SessionSnapshot session) {
        Decision notOffered = recorder.decide(AuthNotOfferedCheck.ID, config.noAuth, session.auditContext(),
            AuthNotOfferedCheck::check);
        if (!notOffered.refuses()) {
            return notOffered;
        }
        Decision screened = countAndScreen(RepeatedAuthScreenCheck.PROBES, config.authProbes, "auth-probe", session);
        return screened.refuses() ? screened : notOffered;
    }

    /**
     * The AUTH command where the protocol offers no AUTH to this client (it did not announce it): refused in every
     * mode, as the command cannot go on.
     *
     * @param offeredAfterStartTls the session has not started TLS yet, and AUTH would be offered once it has
     */
    public Decision onAuthNotAnnounced(SessionSnapshot session, boolean offeredAfterStartTls) {
        return recorder.refuse(AuthRequiresTlsCheck.check(offeredAfterStartTls), session.auditContext());
    }

    /**
     * Checks a login: the password, then the authorization identity (A14), then the account gate (a
     * freeze, too many client addresses) for the account whose password was checked and, when it acts for
     * another through a delegation, for that one too. A wrong password counts toward screening the IP (A13).
     *
     * @param authorizationId the identity to act as; empty for the login itself
     */
    public AuthResult authenticate(SessionSnapshot session, String authorizationId, String user, String password) {
        Optional<String> account;
        try {
            account = credentials.verify(user, password);
        } catch (RuntimeException e) {
            return AuthResult.refused(recorder.failure(CREDENTIALS, session.auditContext(user), e));
        }
        if (account.isEmpty()) {
            return failedLogin(session, user, "failed login as " + user);
        }
        return admit(session, account.get(), authorizationId);
    }

    /**
     * Checks a login whose credential only James can verify (an OAuth 2.0 bearer token, RFC 7628): the same
     * gate as a password login. A credential refused counts toward screening the IP (A13); a verifier that
     * fails (the identity provider unreachable) is an internal error, never a failed login. A verified login
     * then meets the authorization identity (A14) and the account gate for the account the credential
     * proved, and for the account it acts as when that is another one (a freeze or a limit of either
     * refuses).
     *
     * @param claimedUser the account the client named, for the audit line of a failure
     * @param verifier the account the credential proves, empty when it is refused
     * @param authorizationId the identity to act as; empty for the login itself
     */
    public AuthResult authenticateVerified(SessionSnapshot session, String mechanism, String claimedUser,
                                           Supplier<Optional<String>> verifier, String authorizationId) {
        Optional<String> account;
        try {
            account = verifier.get();
        } catch (RuntimeException e) {
            return AuthResult.refused(recorder.failure(CREDENTIALS, session.auditContext(claimedUser), e));
        }
        if (account.isEmpty()) {
            return failedLogin(session, claimedUser, "failed " + mechanism + " login as " + claimedUser);
        }
        return admit(session, account.get(), authorizationId);
    }

    /** A refused credential: one more failure toward screening the IP (A13). */
    private AuthResult failedLogin(SessionSnapshot session, String user, String detail) {
        Decision screened = countAndScreen(RepeatedAuthScreenCheck.FAILURES, config.failedAuth, "auth-fail", session);
        if (screened.refuses()) {
            return AuthResult.refused(screened);
        }
        return AuthResult.refused(recorder.refuse(Verdict.reject(CREDENTIALS, Replies.AUTH_FAILED).withDetail(detail),
            session.auditContext(user)));
    }

    /**
     * A login whose credential was verified: the authorization identity (A14), then the account gate for the
     * account the credential proved and, when it acts for another through a delegation, for that one too.
     */
    private AuthResult admit(SessionSnapshot session, String account, String authorizationId) {
        AuditContext context = session.auditContext(account);
        Optional<String> delegated = authorizationId.isEmpty() || AuthorizationIdentityCheck.sameAccount(account, authorizationId)
            ? Optional.empty()
            : credentials.delegatedAccount(account, authorizationId);
        Decision identity = recorder.decide(AuthorizationIdentityCheck.ID, Mode.ENFORCE, context,
            () -> AuthorizationIdentityCheck.check(account, authorizationId, delegated::isPresent));
        if (identity.refuses()) {
            return AuthResult.refused(identity);
        }
        // in report-only mode a refused authorization identity leaves the session acting as its login
        String actingAs = delegated.orElse(account);
        // the account whose credential was checked is gated first: acting for another does not lift its freeze or limits
        Decision loginGate = accountGate.atLogin(session, account);
        if (loginGate.refuses()) {
            return AuthResult.refused(loginGate);
        }
        Decision actingGate = actingAs.equals(account) ? Decision.PROCEED : accountGate.atLogin(session, actingAs);
        if (actingGate.refuses()) {
            return AuthResult.refused(actingGate);
        }
        List<Header> notes = Stream.of(identity.header(), loginGate.header(), actingGate.header()).flatMap(Optional::stream)
            .collect(Collectors.toUnmodifiableList());
        return AuthResult.success(actingAs, account, notes);
    }

    /**
     * Counts one event for the client's network (the screen's key, SPEC H4); at the limit, screens it (unless only
     * reporting, or the store failed).
     */
    private Decision countAndScreen(CheckId id, ScreenRule rule, String counter, SessionSnapshot session) {
        return recorder.decide(id, rule.mode, session.auditContext(),
            () -> RepeatedAuthScreenCheck.check(id, session,
                counters.increment(counter + "|" + screen.clientKey(session.clientIp()), 1, rule.window, clock.instant()),
                rule.limit),
            verdict -> screen.screen(session.clientIpText(), session.trusted(), rule.screenFor,
                id.name() + ": " + rule.limit + " within " + Durations.format(rule.window), session.auditContext()));
    }
}
