package org.jamesguard.core.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jamesguard.core.dns.Answer.Outcome;
import org.jamesguard.core.dns.DomainLookup.Status;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * A HELO or MAIL FROM domain: its A, AAAA and MX records in parallel, then the A and AAAA records of
 * its MX hosts in parallel. Hosts are asked for in preference order, so when the per-check query cap
 * is reached it is the least preferred hosts that are not looked up.
 */
final class DomainResolution {
    /** The domain's own answers are to A, AAAA and MX, in that order. */
    private static final int MX = 2;

    private final BoundedLookups lookups;
    private final Name domain;

    private DomainResolution(BoundedLookups lookups, Name domain) {
        this.lookups = lookups;
        this.domain = domain;
    }

    static CompletableFuture<DomainLookup> resolve(BoundedLookups lookups, Name domain) {
        DomainResolution resolution = new DomainResolution(lookups, domain);
        List<CompletableFuture<Answer>> own = List.of(
            lookups.ask(domain, Type.A), lookups.ask(domain, Type.AAAA), lookups.ask(domain, Type.MX));
        return BoundedLookups.all(own).thenCompose(resolution::withMxHosts);
    }

    private CompletableFuture<DomainLookup> withMxHosts(List<Answer> own) {
        List<CompletableFuture<Answer>> hosts = new ArrayList<>();
        for (Name host : exchangers(own.get(MX))) {
            if (!host.equals(domain)) { // its addresses are already asked for
                hosts.add(lookups.ask(host, Type.A));
                hosts.add(lookups.ask(host, Type.AAAA));
            }
        }
        return BoundedLookups.all(hosts).thenApply(hostAnswers -> summarize(own, hostAnswers));
    }

    private DomainLookup summarize(List<Answer> own, List<Answer> hosts) {
        Answer mx = own.get(MX);
        List<Answer> all = Stream.concat(own.stream(), hosts.stream()).collect(Collectors.toList());
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (Answer answer : all) {
            addresses.addAll(answer.addresses());
        }
        boolean hasMx = !exchangers(mx).isEmpty();
        Status status = status(own, all, !addresses.isEmpty() || hasMx, isNullMx(mx));
        List<String> details = new ArrayList<>();
        details.add(describe(status, all));
        List<String> notAsked = all.stream().filter(answer -> answer.is(Outcome.NOT_ASKED))
            .map(Answer::question).collect(Collectors.toList());
        if (!notAsked.isEmpty()) {
            details.add("query limit reached, not asked: " + String.join(", ", notAsked));
        }
        return DomainLookup.builder(Answer.text(domain), status).addresses(addresses).hasMx(hasMx)
            .limited(!notAsked.isEmpty())
            .detail(details.stream().filter(detail -> !detail.isEmpty()).collect(Collectors.joining("; "))).build();
    }

    /** A temporary failure is reported unless the domain's absence or its refusal of mail is certain. */
    private static Status status(List<Answer> own, List<Answer> all, boolean found, boolean nullMx) {
        if (nullMx) {
            return Status.NULL_MX;
        }
        if (!found && own.stream().anyMatch(answer -> answer.is(Outcome.NXDOMAIN))) {
            return Status.NXDOMAIN;
        }
        if (all.stream().anyMatch(answer -> answer.is(Outcome.TEMPERROR))) {
            return Status.TEMPERROR;
        }
        return found ? Status.FOUND : Status.NODATA;
    }

    private static String describe(Status status, List<Answer> all) {
        switch (status) {
            case NULL_MX:
                return "null MX, the domain accepts no mail";
            case NXDOMAIN:
                return "no such domain";
            case NODATA:
                return "no A, AAAA or MX record";
            case TEMPERROR:
                return all.stream().filter(answer -> answer.is(Outcome.TEMPERROR))
                    .map(Answer::describe).collect(Collectors.joining(", "));
            default:
                return "";
        }
    }

    /** MX hosts by preference, then name; the null MX's root target is no host. */
    private static List<Name> exchangers(Answer mx) {
        return mx.records().stream().map(record -> (MXRecord) record)
            .filter(record -> !record.getTarget().equals(Name.root))
            .sorted(Comparator.comparingInt(MXRecord::getPriority).thenComparing(MXRecord::getTarget))
            .map(MXRecord::getTarget)
            .distinct()
            .collect(Collectors.toList());
    }

    /** RFC 7505: a single MX record whose target is the root. */
    private static boolean isNullMx(Answer mx) {
        return mx.records().size() == 1 && ((MXRecord) mx.records().get(0)).getTarget().equals(Name.root);
    }
}
