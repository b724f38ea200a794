package org.jamesguard.core.dns;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;

/**
 * The two lookups the reverse-lookup checks start, as {@link DnsVerifier} makes them: futures that never
 * block the caller, never complete exceptionally and end within the verifier's deadline. Tests answer them
 * by hand.
 */
public interface DnsFacts {
    /** RFC 8601 iprev for a client IP. */
    CompletableFuture<IprevResult> verifyClientIp(InetAddress ip);

    /** The addresses and mail routing of a HELO or MAIL FROM domain. */
    CompletableFuture<DomainLookup> resolveDomain(String domain);
}
