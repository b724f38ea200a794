package org.jamesguard.core.dns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.jamesguard.core.dns.Answer.Outcome;
import org.jamesguard.core.net.IpAddresses;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * Forward-confirmed reverse DNS (RFC 8601 iprev): the PTR names of the client IP, then the
 * addresses of the first {@code maxPtrNames} of them, looked up in parallel. Names are tried in DNS
 * order, not in the order the server happened to return them, so the same records always give the
 * same result. Only the IP's own family is asked for: an IPv4 client is confirmed by an A record only.
 */
final class IprevVerification {
    private final BoundedLookups lookups;
    private final InetAddress ip;
    private final int maxPtrNames;

    private IprevVerification(BoundedLookups lookups, InetAddress ip, int maxPtrNames) {
        this.lookups = lookups;
        this.ip = ip;
        this.maxPtrNames = maxPtrNames;
    }

    static CompletableFuture<IprevResult> verify(BoundedLookups lookups, InetAddress ip, int maxPtrNames) {
        IprevVerification verification = new IprevVerification(lookups, IpAddresses.normalize(ip), maxPtrNames);
        return lookups.ask(ReverseMap.fromAddress(verification.ip), Type.PTR).thenCompose(verification::confirm);
    }

    private CompletableFuture<IprevResult> confirm(Answer ptr) {
        if (ptr.is(Outcome.NXDOMAIN) || ptr.is(Outcome.NODATA)) {
            return CompletableFuture.completedFuture(IprevResult.permerror(ip, "no PTR record"));
        }
        if (!ptr.is(Outcome.RECORDS)) {
            return CompletableFuture.completedFuture(IprevResult.temperror(ip, List.of(), ptr.describe()));
        }
        TreeSet<Name> names = new TreeSet<>();
        for (Record record : ptr.records()) {
            names.add(((PTRRecord) record).getTarget());
        }
        int forwardType = ip instanceof Inet4Address ? Type.A : Type.AAAA;
        List<CompletableFuture<Answer>> forward = names.stream().limit(maxPtrNames)
            .map(name -> lookups.ask(name, forwardType))
            .collect(Collectors.toList());
        int untried = names.size() - forward.size();
        return BoundedLookups.all(forward).thenApply(answers -> decide(answers, untried));
    }

    /** Pass beats temperror beats fail: a name that confirms settles it whatever else failed. */
    private IprevResult decide(List<Answer> forward, int untried) {
        List<String> tried = forward.stream().map(answer -> Answer.text(answer.name())).collect(Collectors.toList());
        for (Answer answer : forward) {
            if (answer.addresses().contains(ip)) {
                return IprevResult.pass(ip, Answer.text(answer.name()), tried);
            }
        }
        Optional<Answer> temporary = forward.stream().filter(answer -> answer.is(Outcome.TEMPERROR)).findFirst();
        if (temporary.isPresent()) {
            return IprevResult.temperror(ip, tried, temporary.get().describe());
        }
        String detail = String.join(", ", tried) + (tried.size() == 1 ? " does" : " do") + " not resolve to "
            + IpAddresses.format(ip);
        if (untried > 0) {
            detail += "; " + untried + " more PTR " + (untried == 1 ? "name" : "names") + " not tried";
        }
        return IprevResult.fail(ip, tried, detail);
    }
}
