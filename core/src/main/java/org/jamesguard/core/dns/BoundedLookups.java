package org.jamesguard.core.dns;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.xbill.DNS.Name;

/**
 * The DNS questions of one check. It asks at most {@link DnsConfig#MAX_QUERIES_PER_CHECK} of them,
 * counting those the cache answers too, so a check's outcome never depends on what happens to be
 * cached (SPF counts its DNS lookups the same way, RFC 7208 section 4.6.4). Each question ends
 * within its deadline, and none fails: failures become classified {@link Answer}s.
 */
final class BoundedLookups {
    private final SharedLookups lookups;
    private final Duration deadline;
    private final AtomicInteger left = new AtomicInteger(DnsConfig.MAX_QUERIES_PER_CHECK);

    BoundedLookups(SharedLookups lookups, Duration deadline) {
        this.lookups = lookups;
        this.deadline = deadline;
    }

    /**
     * Never blocks: completes on the DNS transport's or a timer thread, or at once when the cache or the
     * budget decides. The deadline is the question's, whatever the servers, retries and CNAMEs cost.
     */
    CompletableFuture<Answer> ask(Name name, int type) {
        if (left.getAndDecrement() <= 0) {
            return CompletableFuture.completedFuture(Answer.notAsked(name, type));
        }
        try {
            return lookups.lookUp(name, type)
                .orTimeout(deadline.toNanos(), TimeUnit.NANOSECONDS)
                .handle((result, failure) -> failure == null
                    ? Answer.of(name, type, result)
                    : Answer.failed(name, type, failure));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Answer.failed(name, type, e));
        }
    }

    /** The answers once all have come; questions asked together wait for each other here only. */
    static CompletableFuture<List<Answer>> all(List<CompletableFuture<Answer>> answers) {
        return CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0]))
            .thenApply(done -> answers.stream().map(CompletableFuture::join).collect(Collectors.toList()));
    }
}
