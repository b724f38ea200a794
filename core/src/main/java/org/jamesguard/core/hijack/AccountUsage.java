package org.jamesguard.core.hijack;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jamesguard.core.Mode;
import org.jamesguard.core.config.Durations;

/**
 * An account's counters now and the limits that apply, for administrators (WebAdmin): messages per IP
 * class, client addresses (C5), refused recipients (C8), IPs seen, whether it is watched and frozen.
 * It reads the counters and decides nothing.
 */
public final class AccountUsage {
    private final HijackConfig config;
    private final HijackCounters counters;
    private final HijackPolicy policy;
    private final FrozenAccounts frozen;
    private final Clock clock;

    public AccountUsage(HijackConfig config, HijackCounters counters, HijackPolicy policy, FrozenAccounts frozen,
                        Clock clock) {
        this.config = config;
        this.counters = counters;
        this.policy = policy;
        this.frozen = frozen;
        this.clock = clock;
    }

    public Map<String, Object> of(String account) {
        Instant now = clock.instant();
        Map<String, Object> messages = new LinkedHashMap<>();
        for (IpClass ipClass : IpClass.values()) {
            HijackConfig.Limit limit = ipClass.limit(config);
            messages.put(ipClass.key(), usage(counters.messages(account, ipClass, limit, now), limit, config.limitsMode));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("account", account);
        view.put("watched", policy.watches(account));
        view.put("frozen", frozen.find(account).isPresent());
        view.put("counting", config.counting.name().toLowerCase(Locale.ROOT));
        view.put("messages", messages);
        view.put("clientAddresses", usage(counters.loginSources(account, config.distinctIps, now), config.distinctIps,
            config.distinctIpsMode));
        view.put("refusedRecipients", usage(counters.rcptFailures(account, config.rcptFailures, now), config.rcptFailures,
            config.rcptFailuresMode));
        view.put("ipsSeen", counters.ipsSeen(account, now));
        return view;
    }

    private static Map<String, Object> usage(long count, HijackConfig.Limit limit, Mode mode) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("count", count);
        usage.put("max", limit.max());
        usage.put("window", Durations.format(limit.window()));
        usage.put("mode", mode.xmlName());
        return usage;
    }
}
