package org.jamesguard.testing.dns;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.testing.dns.Behaviours.Action;
import org.jamesguard.testing.dns.Behaviours.Behaviour;
import org.jamesguard.testing.dns.ReceivedQuery.Transport;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
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
    private static final int UDP_LIMIT_WITHOUT_EDNS = 512;

    private final Zone zone = new Zone();
    private final Behaviours behaviours = new Behaviours();
    private final List<ReceivedQuery> queries = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-dns-server-delay");
        thread.setDaemon(true);
        return thread;
    });
    private final Listeners listeners;

    private TestDnsServer() {
        listeners = Listeners.open(this::handle);
    }

    public static TestDnsServer start() {
        return new TestDnsServer();
    }

    public int port() {
        return listeners.port();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
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
        return behave(name, null, Action.SERVFAIL, Duration.ZERO);
    }

    public TestDnsServer servfail(String name, int type) {
        return behave(name, type, Action.SERVFAIL, Duration.ZERO);
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

    /** Delays every query without a rule of its own. */
    public TestDnsServer delayAll(Duration delay) {
        behaviours.setForEveryQuery(new Behaviour(Action.ANSWER, delay));
        return this;
    }

    /** Over UDP, answers with the TC bit and no records, so the client retries over TCP. */
    public TestDnsServer truncate(String name) {
        return behave(name, null, Action.TRUNCATE, Duration.ZERO);
    }

    public TestDnsServer truncate(String name, int type) {
        return behave(name, type, Action.TRUNCATE, Duration.ZERO);
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

    /** Forgets records, behaviours and received queries: the state of a new server. */
    public void reset() {
        clearRecords();
        clearBehaviours();
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
        delayed.shutdownNow();
    }

    private void handle(byte[] wire, Transport transport, Consumer<byte[]> reply) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException e) {
            return; // not DNS: a real server ignores it too
        }
        if (query.getQuestion() == null) {
            return;
        }
        queries.add(new ReceivedQuery(query.getQuestion().getName(), query.getQuestion().getType(), transport));
        Behaviour behaviour = behaviours.forQuery(query.getQuestion().getName(), query.getQuestion().getType());
        if (behaviour.action == Action.DROP) {
            return;
        }
        Runnable answer = () -> reply.accept(render(query, behaviour.action, transport));
        if (behaviour.delay.isZero()) {
            answer.run();
        } else {
            delayed.schedule(answer, behaviour.delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private byte[] render(Message query, Action action, Transport transport) {
        if (action == Action.SERVFAIL) {
            return Zone.response(query, Rcode.SERVFAIL).toWire();
        }
        if (transport == Transport.TCP) {
            return zone.answer(query).toWire();
        }
        if (action == Action.TRUNCATE) {
            Message truncated = Zone.response(query, Rcode.NOERROR);
            truncated.getHeader().setFlag(Flags.TC);
            return truncated.toWire();
        }
        // dnsjava sets TC itself when the answer does not fit the client's buffer
        return zone.answer(query).toWire(udpLimit(query));
    }

    private static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        return opt == null ? UDP_LIMIT_WITHOUT_EDNS : Math.max(UDP_LIMIT_WITHOUT_EDNS, opt.getPayloadSize());
    }
}
