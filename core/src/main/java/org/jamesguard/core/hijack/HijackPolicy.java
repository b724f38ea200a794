package org.jamesguard.core.hijack;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.auth.AccountGate;
import org.jamesguard.core.config.Durations;
import org.jamesguard.core.net.AccountAddresses;
import org.jamesguard.core.net.Cidr;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.net.NetworkClasses;
import org.jamesguard.core.store.StoreUnavailableException;

/**
 * SPEC §3 for sessions authenticated as a local account: frozen accounts refused at login and at MAIL,
 * distinct client addresses counted at login (C5), messages counted per IP class when accepted (C1–C4,
 * C10), refused recipients counted (C8), freezing at a limit (C7). postmaster@ accounts and the exclusion
 * list (C9) are never limited. Counting is one atomic store operation per decision.
 */
public final class HijackPolicy implements AccountGate {
    private final HijackConfig config;
    private final NetworkClasses network;
    private final HijackCounters counters;
    private final FreezeService freezes;
    private final FrozenAccounts frozen;
    private final DecisionRecorder recorder;
    private final AccountAddresses addresses;
    private final Clock clock;

    public HijackPolicy(HijackConfig config, NetworkClasses network, HijackCounters counters, FreezeService freezes,
                        FrozenAccounts frozen, DecisionRecorder recorder, AccountAddresses addresses, Clock clock) {
        this.config = config;
        this.network = network;
        this.counters = counters;
        this.freezes = freezes;
        this.frozen = frozen;
        this.recorder = recorder;
        this.addresses = addresses;
        this.clock = clock;
    }

    /**
     * Whether limits apply to {@code account}: every account but postmaster@ and the exclusion list, matched
     * on the account's address (a plain name, James without virtual hosting, in James's default domain). A
     * name no address can carry is still watched: nothing exempts it.
     */
    public boolean watches(String account) {
        return addresses.of(account)
            .map(address -> !address.localPart().toLowerCase(Locale.ROOT).equals("postmaster")
                && !config.exclusions.matchesAddress(address))
            .orElse(true);
    }

    /**
     * Fails when some accounts could not be watched (no usable default domain for plain account names): called
     * at start-up, so James refuses to start and says why instead of leaving them unwatched.
     */
    public void checkAccountsCanBeWatched() {
        addresses.defaultDomain();
    }

    /** A login whose password was right: refused while frozen; C5 counts its client address. */
    @Override
    public Decision atLogin(SessionSnapshot session, String account) {
        AuditContext context = session.auditContext(account);
        Decision frozenDecision = frozen.atLogin(account, context);
        if (frozenDecision.refuses() || !watches(account)) {
            return frozenDecision;
        }
        Instant now = clock.instant();
        recordIp(account, session.clientIpText(), now);
        return recorder.decide(DistinctIpLimitCheck.ID, config.distinctIpsMode, context,
            () -> DistinctIpLimitCheck.check(
                counters.admitLoginSource(account, loginSource(session.clientIp()), config.distinctIps, now),
                config.distinctIps, config.reply, config.freezeOnLimit),
            verdict -> freezeOnLimit(account, DistinctIpLimitCheck.FROZEN_REASON, verdict.counts(), context));
    }

    /**
     * MAIL in a session that logged in before its account was frozen: the account it acts as, or the one whose
     * password it gave to act for it (a delegation).
     */
    public Decision atMail(SessionSnapshot session) {
        for (String account : session.accountsInvolved()) {
            Decision decision = frozen.atStep(account, session.auditContext(account), Replies.ACCOUNT_FROZEN_SESSION);
            if (decision.refuses()) {
                return decision;
            }
        }
        return Decision.PROCEED;
    }

    /**
     * A message about to be accepted from an authenticated SMTP session. A message sent through a delegation
     * counts for both accounts, the login's first: the first to reach its limit refuses it (or is frozen), and
     * the other is then not counted.
     */
    public Decision atMessage(SessionSnapshot session) {
        Decision result = Decision.PROCEED;
        for (String account : session.accountsInvolved()) {
            Decision decision = count(account, session.clientIp(), session.recipients().size(),
                session.auditContext(account), false);
            if (decision.refuses()) {
                return decision;
            }
            // report-only notes of one check: either tells the reader what would have happened
            result = decision.header().isPresent() ? decision : result;
        }
        return result;
    }

    /**
     * Counts one accepted message (or its recipients, C10) against the limit of the client's IP class;
     * the message that would go past it is refused, or freezes the account (C7). For a submission that did
     * not log in through {@link #atLogin} (JMAP), whose client address is recorded here instead.
     */
    public Decision countMessage(String account, InetAddress clientIp, int recipients, AuditContext context) {
        return count(account, clientIp, recipients, context, true);
    }

    /** An SMTP session's login recorded its address already: the count is then the message's one store call. */
    private Decision count(String account, InetAddress clientIp, int recipients, AuditContext context, boolean recordIp) {
        if (!watches(account)) {
            return Decision.PROCEED;
        }
        Instant now = clock.instant();
        IpClass ipClass = IpClass.of(clientIp, network, config.localIncludesLan);
        HijackConfig.Limit limit = ipClass.limit(config);
        long amount = config.counting == HijackConfig.Counting.RECIPIENTS ? Math.max(1, recipients) : 1;
        Decision decision = recorder.decide(SendLimitCheck.ID, config.limitsMode, context,
            () -> SendLimitCheck.check(counters.acquireMessages(account, ipClass, amount, limit, now), ipClass, limit,
                config.reply, config.freezeOnLimit),
            verdict -> freezeOnLimit(account, "sending limit reached (" + ipClass.key() + " IPs)", verdict.counts(), context));
        if (recordIp && !decision.refuses()) {
            recordIp(account, IpAddresses.format(clientIp), now);
        }
        return decision;
    }

    /**
     * A 5xx reply to RCPT in an authenticated session (C8), counted for each account the session answers for
     * (see {@link #atMessage}); at the limit the account is frozen.
     */
    public Decision atRcptRefused(SessionSnapshot session) {
        Decision result = Decision.PROCEED;
        for (String account : session.accountsInvolved()) {
            Decision decision = watches(account) ? rcptRefused(account, session.auditContext(account)) : Decision.PROCEED;
            if (decision.refuses()) {
                return decision;
            }
            result = decision.header().isPresent() ? decision : result;
        }
        return result;
    }

    private Decision rcptRefused(String account, AuditContext context) {
        return recorder.decide(RcptFailureLimitCheck.ID, config.rcptFailuresMode, context,
            () -> RcptFailureLimitCheck.check(counters.countRcptFailure(account, config.rcptFailures, clock.instant()),
                config.rcptFailures),
            verdict -> freezes.freeze(account, RcptFailureLimitCheck.FROZEN_REASON, true, verdict.counts(), context));
    }

    /** C7: a limit freezes the account only when configured to; otherwise its reply alone answers. */
    private void freezeOnLimit(String account, String reason, Map<String, Long> counts, AuditContext context) {
        if (config.freezeOnLimit) {
            freezes.freeze(account, reason, false, counts, context);
        }
    }

    /**
     * The IPs seen only enrich a freeze notice: a store outage here must neither refuse nor let through what
     * the checks decide (they meet the same outage and follow the store failure policy).
     */
    private void recordIp(String account, String ip, Instant now) {
        try {
            counters.recordIp(account, ip, now);
        } catch (StoreUnavailableException e) {
            // the checks of this step report the outage
        }
    }

    /** C5 counts addresses, or /24 and /64 networks when configured. */
    private String loginSource(InetAddress ip) {
        if (config.distinctPer == HijackConfig.DistinctPer.ADDRESS) {
            return IpAddresses.format(ip);
        }
        return Cidr.of(ip, IpAddresses.isIpv4(ip) ? 24 : 64).toString();
    }
}
