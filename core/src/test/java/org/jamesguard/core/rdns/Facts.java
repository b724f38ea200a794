package org.jamesguard.core.rdns;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jamesguard.core.dns.DomainLookup;
import org.jamesguard.core.dns.DomainLookup.Status;
import org.jamesguard.core.dns.IprevResult;
import org.jamesguard.core.net.IpAddresses;

/** DNS answers as the checks receive them, without DNS. */
final class Facts {
    static final InetAddress CLIENT = IpAddresses.parse("192.0.2.7");
    static final LookupVerdicts VERDICTS = new LookupVerdicts(ReverseLookupConfig.DEFAULT_WARNING_HEADER);

    private Facts() {
    }

    static DomainLookup found(String domain, boolean hasMx, String... addresses) {
        return DomainLookup.builder(domain, Status.FOUND).addresses(addresses(addresses)).hasMx(hasMx).build();
    }

    static DomainLookup nxdomain(String domain) {
        return DomainLookup.builder(domain, Status.NXDOMAIN).detail("no such domain").build();
    }

    static DomainLookup nodata(String domain) {
        return DomainLookup.builder(domain, Status.NODATA).detail("no A, AAAA or MX record").build();
    }

    static DomainLookup nullMx(String domain) {
        return DomainLookup.builder(domain, Status.NULL_MX).detail("null MX, the domain accepts no mail").build();
    }

    /** A lookup that timed out, keeping whatever answers came. */
    static DomainLookup temperror(String domain, boolean hasMx, String... addresses) {
        return DomainLookup.builder(domain, Status.TEMPERROR).addresses(addresses(addresses)).hasMx(hasMx)
            .detail(domain + "/MX: timeout").build();
    }

    /** The query cap left MX hosts unasked. */
    static DomainLookup limited(String domain, String... addresses) {
        return DomainLookup.builder(domain, Status.FOUND).addresses(addresses(addresses)).hasMx(true).limited(true)
            .detail("query limit reached, not asked: mx9." + domain + "/A").build();
    }

    static IprevResult pass() {
        return IprevResult.pass(CLIENT, "mail.example.test", List.of("mail.example.test"));
    }

    static IprevResult fail() {
        return IprevResult.fail(CLIENT, List.of("mail.example.test"), "mail.example.test does not resolve to 192.0.2.7");
    }

    static IprevResult permerror() {
        return IprevResult.permerror(CLIENT, "no PTR record");
    }

    static IprevResult ptrTimeout() {
        return IprevResult.temperror(CLIENT, List.of(), "7.2.0.192.in-addr.arpa/PTR: timeout");
    }

    static IprevResult forwardTimeout() {
        return IprevResult.temperror(CLIENT, List.of("mail.example.test"), "mail.example.test/A: SERVFAIL");
    }

    private static Set<InetAddress> addresses(String... addresses) {
        return Arrays.stream(addresses).map(IpAddresses::parse).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
