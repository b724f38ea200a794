package org.jamesguard.bench;

import java.net.InetAddress;
import java.time.Clock;

import org.apache.james.metrics.dropwizard.DropWizardGaugeRegistry;
import org.apache.james.metrics.dropwizard.DropWizardMetricFactory;
import org.jamesguard.JamesMetrics;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.GuardMetrics;
import org.jamesguard.core.hijack.FreezeService;
import org.jamesguard.core.hijack.FrozenAccounts;
import org.jamesguard.core.hijack.HijackConfig;
import org.jamesguard.core.hijack.HijackCounters;
import org.jamesguard.core.hijack.HijackPolicy;
import org.jamesguard.core.hijack.UnfreezeTokens;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.net.NetworkClasses;
import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.DistinctStore;
import org.jamesguard.core.store.FreezeStore;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.TimedStores;
import org.jamesguard.core.store.TokenStore;
import org.jamesguard.core.store.memory.MemoryCounterStore;
import org.jamesguard.core.store.memory.MemoryDistinctStore;
import org.jamesguard.core.store.memory.MemoryFreezeStore;
import org.jamesguard.core.store.memory.MemoryTokenStore;
import org.jamesguard.core.testing.HijackFixture;

import com.codahale.metrics.MetricRegistry;

/**
 * Hijack detection wired as the extension wires it in James: memory stores behind {@link TimedStores},
 * {@link JamesMetrics} over James's Dropwizard metrics, the system clock. Limits are out of reach, so every
 * message is counted and accepted: the common path.
 */
final class HijackState {
    /** A client address of the "other" class, which every message here comes from. */
    static final InetAddress CLIENT = IpAddresses.parse("198.51.100.7");
    /** {@code <limits>} of {@code <hijack>} that no benchmark reaches. */
    static final String UNREACHABLE_LIMITS = "<limits>"
        + "<reserved><max>2000000000</max><window>60m</window></reserved>"
        + "<local><max>2000000000</max><window>60m</window></local>"
        + "<other><max>2000000000</max><window>60m</window></other></limits>";

    final MemoryCounterStore counterStore = new MemoryCounterStore();
    final MemoryDistinctStore distinctStore = new MemoryDistinctStore();
    final HijackPolicy policy;

    HijackState() {
        MetricRegistry registry = new MetricRegistry();
        GuardMetrics metrics = new JamesMetrics(new DropWizardMetricFactory(registry), new DropWizardGaugeRegistry(registry));
        Clock clock = Clock.systemUTC();
        HijackConfig config = HijackFixture.config(UNREACHABLE_LIMITS);
        CounterStore counters = TimedStores.timed(CounterStore.class, counterStore, metrics);
        DistinctStore distinct = TimedStores.timed(DistinctStore.class, distinctStore, metrics);
        FreezeStore freezes = TimedStores.timed(FreezeStore.class, new MemoryFreezeStore(), metrics);
        TokenStore tokens = TimedStores.timed(TokenStore.class, new MemoryTokenStore(), metrics);
        HijackCounters hijackCounters = new HijackCounters(counters, distinct);
        DecisionRecorder recorder = new DecisionRecorder(metrics, StoreFailurePolicy.FAIL_OPEN, false, clock);
        FreezeService freezeService = new FreezeService(freezes, tokens, hijackCounters, new UnfreezeTokens(new byte[32]),
            notice -> { }, config, clock);
        policy = new HijackPolicy(config, new NetworkClasses(IpMatcher.parse("192.0.2.10"), NetworkClasses.PRIVATE_RANGES),
            hijackCounters, freezeService, new FrozenAccounts(freezes, recorder), recorder, clock);
    }

    /** Counts one message of {@code account} as an authenticated SMTP session's DATA does. */
    boolean countMessage(String account, AuditContext context) {
        return !policy.countMessage(account, CLIENT, 1, context).refuses();
    }

    /** {@code count} account names: user0@example.test... */
    static String[] accounts(int count) {
        String[] accounts = new String[count];
        for (int i = 0; i < count; i++) {
            accounts[i] = "user" + i + "@example.test";
        }
        return accounts;
    }
}
