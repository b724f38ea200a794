package org.jamesguard.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one choke point between a check's {@link Verdict} and what the client sees. It
 * <ul>
 * <li>applies the check's {@link Mode} and the global report-only switch: a refusal that only reports
 * becomes "accept + header";</li>
 * <li>applies the store failure policy when a store is unreachable, and turns any unexpected
 * exception into {@code 451 4.3.0} (report-only never hides these, as in Postfix);</li>
 * <li>writes one audit line per non-passing decision and increments
 * {@code jamesguard_<check>_<outcome>}.</li>
 * </ul>
 * Thread-safe; shared by every adapter.
 */
public final class DecisionRecorder {
    public static final String REPORT_HEADER = "X-Guard-Report-Only";
    private static final Logger LOGGER = LoggerFactory.getLogger(DecisionRecorder.class);
    private static final Duration STORE_FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    private final GuardMetrics metrics;
    private final StoreFailurePolicy storeFailurePolicy;
    private final boolean globalReportOnly;
    private final Clock clock;
    private final AtomicReference<Instant> lastStoreFailureLog = new AtomicReference<>(Instant.MIN);

    public DecisionRecorder(GuardMetrics metrics, StoreFailurePolicy storeFailurePolicy, boolean globalReportOnly,
                            Clock clock) {
        this.metrics = metrics;
        this.storeFailurePolicy = storeFailurePolicy;
        this.globalReportOnly = globalReportOnly;
        this.clock = clock;
    }

    /** Runs {@code check} under {@code mode} and turns its verdict into a decision. */
    public Decision decide(CheckId id, Mode mode, AuditContext context, Supplier<Verdict> check) {
        return decide(id, mode, context, check, verdict -> { });
    }

    /**
     * As {@link #decide(CheckId, Mode, AuditContext, Supplier)}, then gives the check's verdict to
     * {@code consequence} (screening an IP, freezing an account with the verdict's counts) when the check itself
     * refused and the refusal is enforced: never for a refusal that only reports, nor for a store outage or an
     * error. The consequence's own store outage is logged and counted, and changes nothing of the decision
     * already taken.
     */
    public Decision decide(CheckId id, Mode mode, AuditContext context, Supplier<Verdict> check,
                           Consumer<Verdict> consequence) {
        if (!mode.isActive()) {
            return Decision.PROCEED;
        }
        Verdict verdict;
        try {
            verdict = check.get();
        } catch (StoreUnavailableException e) {
            return storeFailure(id, context, e);
        } catch (RuntimeException e) {
            return failure(id, context, e);
        }
        Decision decision = record(verdict, mode, context);
        if (verdict.refuses() && decision.refuses()) {
            try {
                consequence.accept(verdict);
            } catch (StoreUnavailableException e) {
                storeFailure(id, context, e);
            } catch (RuntimeException e) {
                failure(id, context, e);
            }
        }
        return decision;
    }

    /** A check, or what it depends on (James's repositories), failed unexpectedly: never a permanent refusal. */
    public Decision failure(CheckId id, AuditContext context, RuntimeException e) {
        LOGGER.error("check {} failed unexpectedly ({})", id, context, e);
        count(id, "error");
        AuditLog.decision(id, "error", Optional.of(Replies.INTERNAL_ERROR), context, Optional.of(String.valueOf(e)));
        return Decision.internalError();
    }

    /** Applies mode, logging and metrics to a verdict computed elsewhere. */
    public Decision record(Verdict verdict, Mode mode, AuditContext context) {
        CheckId id = verdict.check();
        if (!mode.isActive()) {
            return Decision.PROCEED;
        }
        switch (verdict.kind()) {
            case PASS:
                count(id, "pass");
                return Decision.PROCEED;
            case WARN:
                count(id, "warn");
                AuditLog.decision(id, "warn", Optional.empty(), context, verdict.detail());
                return Decision.proceedWith(verdict.header().orElseThrow());
            default:
                return refusal(verdict, mode, context);
        }
    }

    /**
     * Logs and counts a refusal that no mode can turn into an acceptance: a wrong password stays wrong in
     * report-only mode.
     */
    public Decision refuse(Verdict verdict, AuditContext context) {
        if (!verdict.refuses()) {
            throw new IllegalArgumentException("not a refusal: " + verdict);
        }
        return enforced(verdict, context);
    }

    private Decision refusal(Verdict verdict, Mode mode, AuditContext context) {
        CheckId id = verdict.check();
        Reply reply = verdict.reply().orElseThrow();
        if (mode == Mode.REPORT_ONLY || globalReportOnly) {
            count(id, "report_only");
            AuditLog.decision(id, "report-only", verdict.reply(), context, verdict.detail());
            return Decision.proceedWith(verdict.header().orElseGet(() -> reportHeader(id, reply)));
        }
        return enforced(verdict, context);
    }

    private Decision enforced(Verdict verdict, AuditContext context) {
        CheckId id = verdict.check();
        Reply reply = verdict.reply().orElseThrow();
        String outcome = verdict.kind() == Verdict.Kind.TEMPFAIL ? "tempfail" : "reject";
        count(id, outcome);
        AuditLog.decision(id, outcome, verdict.reply(), context, verdict.detail());
        return Decision.refuse(reply, verdict.closes());
    }

    /**
     * Applies the store failure policy. Fail-open logs at most once a minute (an outage must not flood
     * the log) but counts every occurrence.
     */
    public Decision storeFailure(CheckId id, AuditContext context, StoreUnavailableException e) {
        storeOutage(id, context, e);
        if (storeFailurePolicy == StoreFailurePolicy.FAIL_CLOSED) {
            AuditLog.decision(id, "store-failure", Optional.of(Replies.STORE_UNAVAILABLE), context,
                Optional.ofNullable(e.getMessage()));
            return Decision.storeFailure();
        }
        return Decision.PROCEED;
    }

    /**
     * Logs (at most once a minute) and counts a store outage met on a path that decides nothing itself, such as
     * recording a POP3 login for a later check: that check meets the outage too, and the policy applies there.
     */
    public void storeOutage(CheckId id, AuditContext context, StoreUnavailableException e) {
        count(id, "store_failure");
        Instant now = clock.instant();
        Instant last = lastStoreFailureLog.get();
        if (now.isAfter(last.plus(STORE_FAILURE_LOG_INTERVAL)) && lastStoreFailureLog.compareAndSet(last, now)) {
            LOGGER.warn("state store unavailable during check {} ({}), policy {}: {}", id, context,
                storeFailurePolicy.xmlName(), e.getMessage());
        }
    }

    private void count(CheckId id, String outcome) {
        metrics.increment(id.metric(outcome));
    }

    static Header reportHeader(CheckId id, Reply reply) {
        return Header.of(REPORT_HEADER, id.name() + "; would-reply=" + Header.quote(reply.toString()));
    }
}
