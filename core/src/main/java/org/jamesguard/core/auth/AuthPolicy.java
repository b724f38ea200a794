package org.jamesguard.core.auth;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
     * Checks a login: the password, then the authorization identity (A14), then the account gate (a
     * freeze, too many client addresses). A wrong password counts toward screening the IP (A13).
     *
     * @param authorizationId the identity to act as; empty for the login itself
     */
    public AuthResult authenticate(SessionSnapshot session, String authorizationId, String user, String password) {
        Optional<String> account;
        try {
            account = credentials.verify(user, password);
        } catch (RuntimeException e) {
            return AuthResult.refused(recorder.failure(CREDENTIALS, context(session, user), e));
        }
        AuditContext context = context(session, account.orElse(user));
        if (account.isEmpty()) {
            Decision screened = countAndScreen(RepeatedAuthScreenCheck.FAILURES, config.failedAuth, "auth-fail", session);
            if (screened.refuses()) {
                return AuthResult.refused(screened);
            }
            return AuthResult.refused(recorder.refuse(
                Verdict.reject(CREDENTIALS, Replies.AUTH_FAILED).withDetail("failed login as " + user), context));
        }
        Optional<String> delegated = authorizationId.isEmpty() || AuthorizationIdentityCheck.sameAccount(account.get(), authorizationId)
            ? Optional.empty()
            : credentials.delegatedAccount(account.get(), authorizationId);
        Decision identity = recorder.decide(AuthorizationIdentityCheck.ID, Mode.ENFORCE, context,
            () -> AuthorizationIdentityCheck.check(account.get(), authorizationId, delegated::isPresent));
        if (identity.refuses()) {
            return AuthResult.refused(identity);
        }
        // in report-only mode a refused authorization identity leaves the session acting as its login
        String actingAs = delegated.orElse(account.get());
        Decision gate = accountGate.atLogin(session, actingAs);
        if (gate.refuses()) {
            return AuthResult.refused(gate);
        }
        List<Header> notes = Stream.of(identity.header(), gate.header()).flatMap(Optional::stream)
            .collect(Collectors.toUnmodifiableList());
        return AuthResult.success(actingAs, notes);
    }

    private static AuditContext context(SessionSnapshot session, String account) {
        return AuditContext.of(session.sessionId(), session.clientIpText(), account, session.listener());
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
            () -> screen.screen(session.clientIpText(), session.trusted(), rule.screenFor,
                id.name() + ": " + rule.limit + " within " + Durations.format(rule.window), session.auditContext()));
    }
}
