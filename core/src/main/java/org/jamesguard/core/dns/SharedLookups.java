package org.jamesguard.core.dns;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.xbill.DNS.Name;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.LookupSession;

/**
 * dnsjava's lookups with one query in flight per question: a check asking what another is already waiting
 * for shares its answer. A mail server's HELO name is usually its PTR name, looked up when EHLO arrives; the
 * forward confirmation of the PTR then costs no second round trip. Answers already in are the cache's.
 */
final class SharedLookups {
    private final LookupSession session;
    private final ConcurrentHashMap<Map.Entry<Name, Integer>, CompletableFuture<LookupResult>> inFlight =
        new ConcurrentHashMap<>();

    SharedLookups(LookupSession session) {
        this.session = session;
    }

    /** The answer to {@code name}/{@code type}; each caller gets its own future, to time out on its own. */
    CompletableFuture<LookupResult> lookUp(Name name, int type) {
        Map.Entry<Name, Integer> question = Map.entry(name, type);
        CompletableFuture<LookupResult> answer = new CompletableFuture<>();
        CompletableFuture<LookupResult> asked = inFlight.putIfAbsent(question, answer);
        if (asked == null) {
            asked = answer;
            try {
                session.lookupAsync(name, type).whenComplete((result, failure) -> settle(question, answer, result, failure));
            } catch (RuntimeException e) {
                settle(question, answer, null, e);
            }
        }
        return asked.copy();
    }

    private void settle(Map.Entry<Name, Integer> question, CompletableFuture<LookupResult> answer, LookupResult result,
                        Throwable failure) {
        inFlight.remove(question, answer);
        if (failure == null) {
            answer.complete(result);
        } else {
            answer.completeExceptionally(failure);
        }
    }
}
