package org.jamesguard.core.dns;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jamesguard.core.GuardMetrics;
import org.xbill.DNS.Name;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.LookupSession;

/**
 * dnsjava's lookups with one query in flight per question: a check asking what another is already waiting
 * for shares its answer. A mail server's HELO name is usually its PTR name, looked up when EHLO arrives; the
 * forward confirmation of the PTR then costs no second round trip. Answers already in are the cache's.
 * <p>
 * At most {@code maxInFlight} questions are out at once, across every session: each holds a socket until
 * it ends, and clients decide how many lookups start. A question past the cap is not asked; it fails at once
 * with {@link CapReached}, which the check reads as a temporary error, and counts
 * {@value #REFUSED_METRIC}.
 */
final class SharedLookups {
    static final String REFUSED_METRIC = GuardMetrics.PREFIX + "dns_questions_refused";
    static final String IN_FLIGHT_GAUGE = GuardMetrics.PREFIX + "dns_questions_in_flight";

    private final LookupSession session;
    private final int maxInFlight;
    private final GuardMetrics metrics;
    private final AtomicInteger inFlightCount = new AtomicInteger();
    private final ConcurrentHashMap<Map.Entry<Name, Integer>, CompletableFuture<LookupResult>> inFlight =
        new ConcurrentHashMap<>();

    SharedLookups(LookupSession session, int maxInFlight, GuardMetrics metrics) {
        this.session = session;
        this.maxInFlight = maxInFlight;
        this.metrics = metrics;
        metrics.gauge(IN_FLIGHT_GAUGE, inFlightCount::get);
    }

    /** The answer to {@code name}/{@code type}; each caller gets its own future, to time out on its own. */
    CompletableFuture<LookupResult> lookUp(Name name, int type) {
        Map.Entry<Name, Integer> question = Map.entry(name, type);
        CompletableFuture<LookupResult> answer = new CompletableFuture<>();
        CompletableFuture<LookupResult> asked = inFlight.putIfAbsent(question, answer);
        if (asked == null) {
            asked = answer;
            ask(question, answer);
        }
        return asked.copy();
    }

    private void ask(Map.Entry<Name, Integer> question, CompletableFuture<LookupResult> answer) {
        if (inFlightCount.incrementAndGet() > maxInFlight) {
            inFlightCount.decrementAndGet();
            metrics.increment(REFUSED_METRIC);
            inFlight.remove(question, answer);
            answer.completeExceptionally(new CapReached(maxInFlight));
            return;
        }
        try {
            session.lookupAsync(question.getKey(), question.getValue())
                .whenComplete((result, failure) -> settle(question, answer, result, failure));
        } catch (RuntimeException e) {
            settle(question, answer, null, e);
        }
    }

    private void settle(Map.Entry<Name, Integer> question, CompletableFuture<LookupResult> answer, LookupResult result,
                        Throwable failure) {
        inFlight.remove(question, answer);
        inFlightCount.decrementAndGet();
        if (failure == null) {
            answer.complete(result);
        } else {
            answer.completeExceptionally(failure);
        }
    }

    /** A question not asked because {@code <dns><maxQuestionsInFlight>} questions were already out. */
    static final class CapReached extends Exception {
        private static final long serialVersionUID = 1L;

        CapReached(int maxInFlight) {
            super("not asked, " + maxInFlight + " DNS questions already in flight", null, false, false);
        }
    }
}
