package org.jamesguard.bench;

import java.net.InetAddress;
import java.time.Clock;

import org.apache.james.metrics.dropwizard.DropWizardGaugeRegistry;
import org.apache.james.metrics.dropwizard.DropWizardMetricFactory;
import org.jamesguard.JamesMetrics;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.GuardMetrics;
import org.jamesguard.core.SessionSnapshot;
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
import org.jamesguard.core.store.StoreBackends;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.Stores;
import org.jamesguard.core.testing.HijackFixture;

import com.codahale.metrics.MetricRegistry;

/**
 * Hijack detection wired as the extension wires it in James: {@link JamesMetrics} over James's Dropwizard
 * metrics, the system clock, and store timers only around a remote store, as {@code JamesGuardModule} does.
 * Limits are out of reach, so every message is counted and accepted: the common path.
 */
final class HijackState {
    /** A client address of the "other" class, which every message here comes from. */
    static final InetAddress CLIENT = IpAddresses.parse("198.51.100.7");
    /** {@code <limits>} of {@code <hijack>} that no benchmark reaches. */
    static final String UNREACHABLE_LIMITS = "<limits>"
        + "<reserved><max>2000000000</max><window>60m</window></reserved>"
        + "<local><max>2000000000</max><window>60m</window></local>"
        + "<other><max>2000000000</max><window>60m</window></other></limits>";

    final CounterStore counterStore;
    final DistinctStore distinctStore;
    final FrozenAccounts frozen;
    final HijackPolicy policy;

    /** On the in-memory stores, untimed. */
    HijackState() {
        this(StoreBackends.memory(), false);
    }

    HijackState(Stores stores, boolean remote) {
        this.counterStore = stores.counters();
        this.distinctStore = stores.distinct();
        MetricRegistry registry = new MetricRegistry();
        GuardMetrics metrics = new JamesMetrics(new DropWizardMetricFactory(registry), new DropWizardGaugeRegistry(registry));
        Clock clock = Clock.systemUTC();
        HijackConfig config = HijackFixture.config(UNREACHABLE_LIMITS);
        Stores used = remote ? stores.timed(metrics) : stores;
        HijackCounters hijackCounters = new HijackCounters(used.counters(), used.distinct());
        DecisionRecorder recorder = new DecisionRecorder(metrics, StoreFailurePolicy.FAIL_OPEN, false, clock);
        FreezeService freezeService = new FreezeService(used.freezes(), used.tokens(), hijackCounters,
            new UnfreezeTokens(new byte[32]), notice -> { }, config, HijackFixture.ADDRESSES, clock);
        frozen = new FrozenAccounts(used.freezes(), recorder);
        policy = new HijackPolicy(config, new NetworkClasses(IpMatcher.parse("192.0.2.10"), NetworkClasses.PRIVATE_RANGES),
            hijackCounters, freezeService, frozen, recorder, HijackFixture.ADDRESSES, clock);
    }

    /** A login of the session's account whose password was right, as every protocol's gate meets it. */
    boolean login(SessionSnapshot session) {
        return !policy.atLogin(session, session.authUser().orElseThrow()).refuses();
    }

    /** Counts one message of the session's account, as an authenticated SMTP session's DATA does. */
    boolean countMessage(SessionSnapshot session) {
        return !policy.atMessage(session).refuses();
    }

    /** The session of {@code account}, authenticated from {@link #CLIENT}. */
    static SessionSnapshot session(String account) {
        return SessionSnapshot.builder(CLIENT).sessionId("bench").listener("smtp-submission").authUser(account).build();
    }

    /** The sessions of {@code count} accounts: user0@example.test... */
    static SessionSnapshot[] sessions(int count) {
        SessionSnapshot[] sessions = new SessionSnapshot[count];
        for (int i = 0; i < count; i++) {
            sessions[i] = session("user" + i + "@example.test");
        }
        return sessions;
    }
}
