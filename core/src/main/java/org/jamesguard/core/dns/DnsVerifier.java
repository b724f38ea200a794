package org.jamesguard.core.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jamesguard.core.AuditLog;
import org.jamesguard.core.GuardMetrics;
import org.jamesguard.core.config.Durations;
import org.jamesguard.core.net.Domains;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Name;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.lookup.LookupSession;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The DNS facts the reverse-lookup checks read (SPEC section 2), looked up with dnsjava's
 * asynchronous API so that no caller thread ever waits: call it from the Netty event loop at
 * connect, HELO and MAIL, keep the future, use it once it is done. Futures complete on the DNS
 * transport's thread (or at once from the cache), never exceptionally (every DNS failure is classified
 * into the result) and always within {@link DnsConfig#checkDeadline()}. Each call is one check, capped at
 * {@link DnsConfig#MAX_QUERIES_PER_CHECK} questions. One instance is shared; it is thread-safe and
 * its cache, bounded by {@link DnsConfig#cacheSize()}, keeps answers for their TTL, a question already
 * in flight is not asked again, and at most {@link DnsConfig#maxQuestionsInFlight()} are out at once, whatever
 * the clients do: past that a question fails as a temporary error ({@link SharedLookups}). Queries travel
 * through a {@link NettyResolver} on one daemon thread of its own, which {@link #close()} stops.
 */
public final class DnsVerifier implements DnsFacts, AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(DnsVerifier.class);
    /**
     * A CNAME the resolver's answer leaves unfollowed costs dnsjava one more query, outside the
     * per-check count: allow a few (dnsjava allows 16), mail hosts rarely need more than one.
     */
    private static final int MAX_REDIRECTS = 5;

    private final DnsConfig config;
    private final GuardMetrics metrics;
    private final EventLoopGroup transport;
    private final SharedLookups lookups;

    /**
     * @param metrics times each check ({@code jamesguard_dns_iprev}, {@code jamesguard_dns_domain}), counts the
     *                questions the cap refused ({@code jamesguard_dns_questions_refused}) and shows those in
     *                flight ({@code jamesguard_dns_questions_in_flight})
     */
    public DnsVerifier(DnsConfig config, GuardMetrics metrics) {
        this.config = Objects.requireNonNull(config, "config");
        this.metrics = metrics;
        this.transport = new NioEventLoopGroup(1, new DefaultThreadFactory("jamesguard-dns", true));
        Cache cache = new Cache(DClass.IN);
        cache.setMaxEntries(config.cacheSize());
        this.lookups = new SharedLookups(LookupSession.builder()
            .resolver(resolver(config, transport))
            .cache(cache)
            .maxRedirects(MAX_REDIRECTS)
            .build(), config.maxQuestionsInFlight(), metrics);
    }

    /** Each attempt waits {@code timeout}; attempts go to the servers in turn until the question's deadline. */
    private static Resolver resolver(DnsConfig config, EventLoopGroup transport) {
        List<Resolver> servers = config.servers().stream()
            .map(address -> new NettyResolver(address, config.timeout(), transport))
            .collect(Collectors.toList());
        ExtendedResolver resolver = new ExtendedResolver(servers);
        resolver.setRetries(config.retries() + 1);
        // BoundedLookups ends each question at its deadline; this overall timeout must not fire first.
        resolver.setTimeout(config.questionDeadline().plus(config.timeout()));
        return resolver;
    }

    /** RFC 8601 iprev for a client IP (IPv4, IPv6, or IPv4-mapped IPv6, which counts as IPv4). */
    @Override
    public CompletableFuture<IprevResult> verifyClientIp(InetAddress ip) {
        Objects.requireNonNull(ip, "ip");
        Runnable stopTimer = metrics.startTimer(GuardMetrics.PREFIX + "dns_iprev");
        return IprevVerification.verify(newCheck(), ip, config.maxPtrNames())
            .exceptionally(bug -> {
                LOGGER.error("iprev lookup of {} failed unexpectedly", ip, bug);
                return IprevResult.temperror(ip, List.of(), "internal error: " + bug);
            })
            .completeOnTimeout(IprevResult.temperror(ip, List.of(), overdue()), deadline(), TimeUnit.NANOSECONDS)
            .whenComplete((result, failure) -> stopTimer.run());
    }

    /** The addresses and mail routing of a HELO or MAIL FROM domain; Unicode names are looked up as A-labels. */
    @Override
    public CompletableFuture<DomainLookup> resolveDomain(String domain) {
        Objects.requireNonNull(domain, "domain");
        Name name;
        try {
            name = Name.fromString(Domains.normalize(domain), Name.root);
        } catch (IllegalArgumentException | TextParseException e) {
            return CompletableFuture.completedFuture(DomainLookup.invalid(domain.trim(), "not a domain name: " + e.getMessage()));
        }
        Runnable stopTimer = metrics.startTimer(GuardMetrics.PREFIX + "dns_domain");
        return DomainResolution.resolve(newCheck(), name)
            .exceptionally(bug -> {
                LOGGER.error("lookup of domain {} failed unexpectedly", AuditLog.value(domain), bug);
                return temperror(name, "internal error: " + bug);
            })
            .completeOnTimeout(temperror(name, overdue()), deadline(), TimeUnit.NANOSECONDS)
            .whenComplete((result, failure) -> stopTimer.run());
    }

    private static DomainLookup temperror(Name name, String detail) {
        return DomainLookup.temperror(Answer.text(name), detail);
    }

    /**
     * Every question ends within its deadline, so a check ends within {@link DnsConfig#checkDeadline()};
     * a check still running then (a bug) completes as a temporary error all the same.
     */
    private long deadline() {
        return config.checkDeadline().toNanos();
    }

    private String overdue() {
        return "no answer within " + Durations.format(config.checkDeadline());
    }

    private BoundedLookups newCheck() {
        return new BoundedLookups(lookups, config.questionDeadline());
    }

    /** Stops the transport thread; lookups still running fail as temporary errors. */
    @Override
    public void close() {
        transport.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }
}
