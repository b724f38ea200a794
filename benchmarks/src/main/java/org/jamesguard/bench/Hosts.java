package org.jamesguard.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jamesguard.testing.dns.TestDnsServer;

/**
 * Outside mail hosts, a new one each time: its own 127.x.y.z address with a forward-confirmed PTR name, used as
 * HELO name, and a sender domain whose MX is that host, in every DNS server given. New names defeat every
 * resolver cache, so each session pays the DNS round trips of a sender never seen before: the worst case.
 */
final class Hosts {
    private final List<TestDnsServer> dns;
    private final AtomicInteger next = new AtomicInteger();

    Hosts(List<TestDnsServer> dns) {
        this.dns = dns;
    }

    Host next() {
        int index;
        do {
            index = next.incrementAndGet();
        } while ((index & 0xff) == 0 || (index & 0xff) == 0xff);
        if ((index >>> 16) > 253) {
            throw new IllegalStateException("out of loopback addresses");
        }
        Host host = new Host(index);
        for (TestDnsServer server : dns) {
            server.ptr(host.ip, host.name).addressRecord(host.name, host.ip).mx(host.senderDomain, 10, host.name);
        }
        return host;
    }

    static final class Host {
        final String ip;
        final String name;
        final String senderDomain;

        private Host(int index) {
            ip = "127." + (1 + (index >>> 16)) + "." + ((index >>> 8) & 0xff) + "." + (index & 0xff);
            name = "h" + index + ".senders.test";
            senderDomain = "d" + index + ".senders.test";
        }
    }
}
