package org.jamesguard.testing.dns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.testing.dns.Behaviours.Action;
import org.jamesguard.testing.dns.Behaviours.Behaviour;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;

/**
 * A DNS server for tests on 127.0.0.1, UDP and TCP on one random port. It answers from the records
 * it is given like a recursive resolver (CNAME chains included, NXDOMAIN or NODATA with an SOA), can
 * be told to misbehave per name, and records every question it receives. Thread-safe.
 * <pre>{@code
 * try (TestDnsServer dns = TestDnsServer.start()) {
 *     dns.addressRecord("mail.example.test", "127.0.0.7").ptr("127.0.0.7", "mail.example.test");
 *     dns.servfail("broken.example.test");
 *     // point the resolver at dns.address(), then:
 *     assertThat(dns.queryCount("mail.example.test", Type.A)).isEqualTo(1);
 * }
 * }</pre>
 * Names may be written with or without the trailing dot. Records get a TTL of {@value #TTL} seconds
 * unless added with {@link #add(Record)}. As a JUnit 5 extension
 * ({@code @RegisterExtension static final TestDnsServer dns = TestDnsServer.start();}) it forgets
 * everything before each test and closes after the last one.
 */
public final class TestDnsServer implements AutoCloseable, BeforeEachCallback, AfterAllCallback {
    public static final long TTL = Zone.TTL;

    private final Zone zone = new Zone();
    private final Duration answerDelay;
    private final Behaviours behaviours;
    // a queue, not a copy-on-write list: load benchmarks send this server hundreds of thousands of queries
    private final Queue<ReceivedQuery> queries = new ConcurrentLinkedQueue<>();
    private final Responder responder;
    private final Listeners listeners;

    private TestDnsServer(Duration answerDelay, Optional<InetSocketAddress> at) {
        this.answerDelay = answerDelay;
        this.behaviours = new Behaviours(answerDelay);
        this.responder = new Responder(zone, behaviours, queries);
        this.listeners = at.map(address -> Listeners.openAt(address, responder)).orElseGet(() -> Listeners.open(responder));
    }

    public static TestDnsServer start() {
        return new TestDnsServer(Duration.ZERO, Optional.empty());
    }

    /** A server on a given address: port 53 of a loopback address, for James's own resolver, which has no port setting. */
    public static TestDnsServer startAt(InetSocketAddress address) {
        return new TestDnsServer(Duration.ZERO, Optional.of(address));
    }

    /**
     * A server that answers every query after {@code answerDelay} unless told otherwise, also after
     * {@link #reset()}. dnsjava 3.5.2 sends a query only when its selector thread finds nothing to
     * read, so a question asked while an answer arrives can wait a second; a few milliseconds of
     * delay let a burst of questions leave before the first answer returns, which keeps tests fast.
     */
    public static TestDnsServer startAnsweringAfter(Duration answerDelay) {
        return new TestDnsServer(answerDelay, Optional.empty());
    }

    public int port() {
        return listeners.port();
    }

    public InetSocketAddress address() {
        return listeners.address();
    }

    /** {@code 7.0.0.127.in-addr.arpa} for {@code 127.0.0.7}: the name to use for a PTR query's behaviour. */
    public static String reverseName(String ip) {
        return ReverseMap.fromAddress(IpAddresses.parse(ip)).toString(true);
    }

    public TestDnsServer add(Record record) {
        zone.add(record);
        return this;
    }

    /** An A or an AAAA record, whichever fits the address. */
    public TestDnsServer addressRecord(String host, String ip) {
        InetAddress address = IpAddresses.parse(ip);
        Name name = Zone.name(host);
        return add(address instanceof Inet4Address
            ? new ARecord(name, DClass.IN, TTL, address)
            : new AAAARecord(name, DClass.IN, TTL, address));
    }

    public TestDnsServer ptr(String ip, String host) {
        return add(new PTRRecord(Zone.name(reverseName(ip)), DClass.IN, TTL, Zone.name(host)));
    }

    public TestDnsServer mx(String domain, int preference, String host) {
        return add(new MXRecord(Zone.name(domain), DClass.IN, TTL, preference, Zone.name(host)));
    }

    /** RFC 7505: the domain accepts no mail ({@code MX 0 .}). */
    public TestDnsServer nullMx(String domain) {
        return add(new MXRecord(Zone.name(domain), DClass.IN, TTL, 0, Name.root));
    }

    public TestDnsServer cname(String alias, String target) {
        return add(new CNAMERecord(Zone.name(alias), DClass.IN, TTL, Zone.name(target)));
    }

    public TestDnsServer servfail(String name) {
        return behave(name, null, Action.SERVFAIL, answerDelay);
    }

    public TestDnsServer servfail(String name, int type) {
        return behave(name, type, Action.SERVFAIL, answerDelay);
    }

    /** Never answers: the client times out. */
    public TestDnsServer drop(String name) {
        return behave(name, null, Action.DROP, Duration.ZERO);
    }

    public TestDnsServer drop(String name, int type) {
        return behave(name, type, Action.DROP, Duration.ZERO);
    }

    public TestDnsServer delay(String name, Duration delay) {
        return behave(name, null, Action.ANSWER, delay);
    }

    public TestDnsServer delay(String name, int type, Duration delay) {
        return behave(name, type, Action.ANSWER, delay);
    }

    /** Delays every query without a rule of its own, until {@link #reset()}. */
    public TestDnsServer delayAll(Duration delay) {
        behaviours.setForEveryQuery(new Behaviour(Action.ANSWER, delay));
        return this;
    }

    /**
     * Holds the answers to this name until {@link #release()}: the test, not a clock, decides when DNS answers,
     * so "replied before DNS answered" is a fact of the order of events. The client's own timeout still runs.
     */
    public TestDnsServer hold(String name) {
        return behave(name, null, Action.HOLD, Duration.ZERO);
    }

    /** Holds the answer to every query without a rule of its own until {@link #release()}. */
    public TestDnsServer holdAll() {
        behaviours.setForEveryQuery(new Behaviour(Action.HOLD, Duration.ZERO));
        return this;
    }

    /** Sends every held answer now; later questions under a hold rule are answered at once, until {@link #reset()}. */
    public void release() {
        responder.release();
    }

    /** Answers held now: received, not yet sent. */
    public int heldCount() {
        return responder.heldCount();
    }

    /** Over UDP, answers with the TC bit and no records, so the client retries over TCP. */
    public TestDnsServer truncate(String name) {
        return behave(name, null, Action.TRUNCATE, answerDelay);
    }

    public TestDnsServer truncate(String name, int type) {
        return behave(name, type, Action.TRUNCATE, answerDelay);
    }

    private TestDnsServer behave(String name, Integer type, Action action, Duration delay) {
        behaviours.set(Zone.name(name), type, new Behaviour(action, delay));
        return this;
    }

    /** Every question received so far, in order. */
    public List<ReceivedQuery> queries() {
        return List.copyOf(queries);
    }

    /** Questions received for this name and type, over UDP and TCP. */
    public long queryCount(String name, int type) {
        return queries.stream().filter(query -> query.asks(name, type)).count();
    }

    public void clearRecords() {
        zone.clear();
    }

    public void clearBehaviours() {
        behaviours.clear();
    }

    public void clearQueries() {
        queries.clear();
    }

    /** Forgets records, behaviours, held answers (unsent) and received queries: the state of a new server. */
    public void reset() {
        clearRecords();
        clearBehaviours();
        responder.forgetHeld();
        clearQueries();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        listeners.close();
        responder.close();
    }
}
