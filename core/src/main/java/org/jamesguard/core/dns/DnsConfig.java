package org.jamesguard.core.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.config.Durations;
import org.jamesguard.core.net.IpAddresses;
import org.xbill.DNS.ResolverConfig;

import com.google.common.base.Preconditions;
import com.google.common.net.HostAndPort;

/**
 * How the {@link DnsVerifier} talks to DNS. Read from a {@code <dns>} element (all optional):
 * <pre>{@code
 * <dns>
 *   <server>192.0.2.53</server>          <!-- repeatable; default: the system's resolvers -->
 *   <server>[2001:db8::53]:5353</server>
 *   <timeout>3s</timeout>                <!-- per attempt -->
 *   <retries>1</retries>                 <!-- attempts after the first -->
 *   <cacheSize>10000</cacheSize>         <!-- names kept in the cache -->
 *   <maxPtrNames>2</maxPtrNames>         <!-- PTR names tried for forward confirmation, 1 to 9 -->
 *   <maxQuestionsInFlight>500</maxQuestionsInFlight>   <!-- server-wide; past it a check gets a temporary error -->
 * </dns>
 * }</pre>
 * Resolvers are IP literals: a resolver named by host name would need DNS to be found.
 */
public final class DnsConfig {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_RETRIES = 1;
    public static final int DEFAULT_CACHE_SIZE = 10_000;
    /**
     * A mail server's address should have one PTR name; the second tolerates one stale record. More
     * names cost a forward lookup each, and a client's own reverse zone decides how many there are.
     */
    public static final int DEFAULT_MAX_PTR_NAMES = 2;
    /** SPEC section 2: DNS questions one check may ask, whether or not the cache answers them. */
    public static final int MAX_QUERIES_PER_CHECK = 10;
    /** One PTR question plus one forward question per name must fit in {@link #MAX_QUERIES_PER_CHECK}. */
    public static final int MAX_PTR_NAMES = MAX_QUERIES_PER_CHECK - 1;
    /**
     * Each question on the wire holds a socket of its own until answered or timed out. Enough for hundreds of
     * sessions starting their lookups at once (most answers come from the cache); few enough that a client
     * flood can neither exhaust James's file descriptors nor turn James into a flood of a DNS server.
     */
    public static final int DEFAULT_MAX_QUESTIONS_IN_FLIGHT = 500;
    private static final int DNS_PORT = 53;

    private final List<InetSocketAddress> servers;
    private final Duration timeout;
    private final int retries;
    private final int cacheSize;
    private final int maxPtrNames;
    private final int maxQuestionsInFlight;

    private DnsConfig(List<InetSocketAddress> servers, Duration timeout, int retries, int cacheSize, int maxPtrNames,
                      int maxQuestionsInFlight) {
        Preconditions.checkArgument(!servers.isEmpty(), "at least one DNS server is needed");
        Preconditions.checkArgument(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive, got %s", timeout);
        Preconditions.checkArgument(retries >= 0, "retries must be at least 0, got %s", retries);
        Preconditions.checkArgument(cacheSize >= 1, "cacheSize must be at least 1, got %s", cacheSize);
        Preconditions.checkArgument(maxPtrNames >= 1 && maxPtrNames <= MAX_PTR_NAMES,
            "maxPtrNames must be between 1 and %s, got %s", MAX_PTR_NAMES, maxPtrNames);
        Preconditions.checkArgument(maxQuestionsInFlight >= 1, "maxQuestionsInFlight must be at least 1, got %s",
            maxQuestionsInFlight);
        this.servers = List.copyOf(servers);
        this.timeout = timeout;
        this.retries = retries;
        this.cacheSize = cacheSize;
        this.maxPtrNames = maxPtrNames;
        this.maxQuestionsInFlight = maxQuestionsInFlight;
    }

    /** The SPEC defaults, with the resolvers dnsjava finds on this system ({@code /etc/resolv.conf}...). */
    public static DnsConfig defaults() {
        return parse(ConfigReader.empty("<dns>"));
    }

    /** @param dns the {@code <dns>} element; an absent one reads as empty */
    public static DnsConfig parse(ConfigReader dns) {
        dns.allowOnly("server", "timeout", "retries", "cacheSize", "maxPtrNames", "maxQuestionsInFlight");
        List<InetSocketAddress> servers = dns.list("server", DnsConfig::parseServer);
        int maxPtrNames = dns.integer("maxPtrNames", 1, DEFAULT_MAX_PTR_NAMES);
        if (maxPtrNames > MAX_PTR_NAMES) {
            throw dns.error("maxPtrNames", "expected a number of at most " + MAX_PTR_NAMES + ", got " + maxPtrNames);
        }
        return new DnsConfig(servers.isEmpty() ? ResolverConfig.getCurrentConfig().servers() : servers,
            dns.duration("timeout", DEFAULT_TIMEOUT),
            dns.integer("retries", 0, DEFAULT_RETRIES),
            dns.integer("cacheSize", 1, DEFAULT_CACHE_SIZE),
            maxPtrNames,
            dns.integer("maxQuestionsInFlight", 1, DEFAULT_MAX_QUESTIONS_IN_FLIGHT));
    }

    /** {@code 192.0.2.53}, {@code 192.0.2.53:5353}, {@code 2001:db8::53} or {@code [2001:db8::53]:5353}. */
    private static InetSocketAddress parseServer(String text) {
        HostAndPort server = HostAndPort.fromString(text);
        if (!IpAddresses.isLiteral(server.getHost())) {
            throw new IllegalArgumentException("expected an IP address with an optional port, got '" + text + "'");
        }
        return new InetSocketAddress(IpAddresses.parse(server.getHost()), server.getPortOrDefault(DNS_PORT));
    }

    public DnsConfig withServers(List<InetSocketAddress> newServers) {
        return new DnsConfig(newServers, timeout, retries, cacheSize, maxPtrNames, maxQuestionsInFlight);
    }

    public DnsConfig withTimeout(Duration newTimeout) {
        return new DnsConfig(servers, newTimeout, retries, cacheSize, maxPtrNames, maxQuestionsInFlight);
    }

    public DnsConfig withRetries(int newRetries) {
        return new DnsConfig(servers, timeout, newRetries, cacheSize, maxPtrNames, maxQuestionsInFlight);
    }

    public DnsConfig withMaxPtrNames(int newMaxPtrNames) {
        return new DnsConfig(servers, timeout, retries, cacheSize, newMaxPtrNames, maxQuestionsInFlight);
    }

    public DnsConfig withMaxQuestionsInFlight(int newMaxQuestionsInFlight) {
        return new DnsConfig(servers, timeout, retries, cacheSize, maxPtrNames, newMaxQuestionsInFlight);
    }

    public List<InetSocketAddress> servers() {
        return servers;
    }

    /** How long one attempt waits for an answer. */
    public Duration timeout() {
        return timeout;
    }

    /** Attempts after the first, across the servers in turn. */
    public int retries() {
        return retries;
    }

    /** The longest one question can take, retries included. */
    public Duration questionDeadline() {
        return timeout.multipliedBy(retries + 1L);
    }

    /**
     * The longest one check can take: two rounds of questions, each within {@link #questionDeadline()}
     * (a PTR, then its names' addresses; a domain's records, then its MX hosts' addresses).
     */
    public Duration checkDeadline() {
        return questionDeadline().multipliedBy(2);
    }

    public int cacheSize() {
        return cacheSize;
    }

    public int maxPtrNames() {
        return maxPtrNames;
    }

    /** Questions on the wire at once, across every session; past it a question is not asked (a temporary error). */
    public int maxQuestionsInFlight() {
        return maxQuestionsInFlight;
    }

    /** The effective configuration, in the syntax of the XML. */
    @Override
    public String toString() {
        return "DnsConfig{servers=" + servers.stream().map(DnsConfig::format).collect(Collectors.joining(", "))
            + ", timeout=" + Durations.format(timeout) + ", retries=" + retries + ", cacheSize=" + cacheSize
            + ", maxPtrNames=" + maxPtrNames + ", maxQuestionsInFlight=" + maxQuestionsInFlight + "}";
    }

    private static String format(InetSocketAddress server) {
        return HostAndPort.fromParts(IpAddresses.format(server.getAddress()), server.getPort()).toString();
    }
}
