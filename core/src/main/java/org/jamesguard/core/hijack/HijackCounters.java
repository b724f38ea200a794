package org.jamesguard.core.hijack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.CounterStore.Acquisition;
import org.jamesguard.core.store.DistinctStore;

/**
 * The per-account state of hijack detection and the one place that names its keys: messages per IP
 * class (C1–C4), client IPs or networks (C5), 5xx RCPT replies (C8), and the IPs seen for the freeze
 * record.
 */
public final class HijackCounters {
    /** The IPs a freeze record lists: those seen within this window. */
    static final Duration IPS_SEEN_WINDOW = Duration.ofHours(24);
    private static final String PREFIX = "hijack|";

    private final CounterStore counters;
    private final DistinctStore distinct;

    public HijackCounters(CounterStore counters, DistinctStore distinct) {
        this.counters = counters;
        this.distinct = distinct;
    }

    public Acquisition acquireMessages(String account, IpClass ipClass, long amount, HijackConfig.Limit limit, Instant now) {
        return counters.tryAcquire(messagesKey(account, ipClass), amount, limit.max(), limit.window(), now);
    }

    public long messages(String account, IpClass ipClass, HijackConfig.Limit limit, Instant now) {
        return counters.count(messagesKey(account, ipClass), limit.window(), now);
    }

    public long countRcptFailure(String account, HijackConfig.Limit limit, Instant now) {
        return counters.increment(PREFIX + "rcpt-fail|" + account, 1, limit.window(), now);
    }

    public long rcptFailures(String account, HijackConfig.Limit limit, Instant now) {
        return counters.count(PREFIX + "rcpt-fail|" + account, limit.window(), now);
    }

    /** C5: admits a login from {@code member} (an IP or its network) unless it would go past the limit. */
    public Acquisition admitLoginSource(String account, String member, HijackConfig.Limit limit, Instant now) {
        return distinct.admit(PREFIX + "sources|" + account, member, limit.max(), limit.window(), now);
    }

    public int loginSources(String account, HijackConfig.Limit limit, Instant now) {
        return distinct.members(PREFIX + "sources|" + account, limit.window(), now).size();
    }

    public void recordIp(String account, String ip, Instant now) {
        distinct.admit(PREFIX + "ips|" + account, ip, Integer.MAX_VALUE, IPS_SEEN_WINDOW, now);
    }

    public List<String> ipsSeen(String account, Instant now) {
        return distinct.members(PREFIX + "ips|" + account, IPS_SEEN_WINDOW, now);
    }

    /** An unfreeze starts the account afresh. */
    public void reset(String account) {
        for (IpClass ipClass : IpClass.values()) {
            counters.delete(messagesKey(account, ipClass));
        }
        counters.delete(PREFIX + "rcpt-fail|" + account);
        distinct.delete(PREFIX + "sources|" + account);
        distinct.delete(PREFIX + "ips|" + account);
    }

    private static String messagesKey(String account, IpClass ipClass) {
        return PREFIX + "messages|" + ipClass.key() + "|" + account;
    }
}
