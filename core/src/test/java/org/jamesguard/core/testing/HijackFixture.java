package org.jamesguard.core.testing;

import java.util.Arrays;

import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.hijack.FreezeService;
import org.jamesguard.core.hijack.FrozenAccounts;
import org.jamesguard.core.hijack.HijackConfig;
import org.jamesguard.core.hijack.HijackCounters;
import org.jamesguard.core.hijack.HijackPolicy;
import org.jamesguard.core.hijack.UnfreezeTokens;
import org.jamesguard.core.net.AccountAddresses;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.net.NetworkClasses;
import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.DistinctStore;
import org.jamesguard.core.store.FreezeStore;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.TokenStore;
import org.jamesguard.core.store.memory.MemoryCounterStore;
import org.jamesguard.core.store.memory.MemoryDistinctStore;
import org.jamesguard.core.store.memory.MemoryFreezeStore;
import org.jamesguard.core.store.memory.MemoryTokenStore;

/**
 * Hijack detection wired as the extension wires it, over memory stores, a {@link MutableClock}, a
 * {@link RecordingMetrics} and a {@link RecordingFreezeNotifier}:
 * <pre>{@code
 * HijackFixture hijack = HijackFixture.of("<freezeOnLimit>true</freezeOnLimit>");
 * hijack.policy().countMessage(...);
 * assertThat(hijack.notifier().last().subject()).isEqualTo(...);
 * }</pre>
 * The server's own address is {@link #SERVER_IP}; the LAN is the private ranges. Any store can be
 * replaced, e.g. by one of {@link UnavailableStores}.
 */
public final class HijackFixture {
    /** The server's own address: a client there is in the local class. */
    public static final String SERVER_IP = "203.0.113.10";
    /** James's default domain: plain account names (no virtual hosting) live there. */
    public static final AccountAddresses ADDRESSES = AccountAddresses.withDefaultDomain("example.com");

    private final MutableClock clock = new MutableClock();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final RecordingFreezeNotifier notifier = new RecordingFreezeNotifier();
    private final CounterStore counterStore;
    private final DistinctStore distinctStore;
    private final FreezeStore freezeStore;
    private final TokenStore tokenStore;
    private final HijackConfig config;
    private final UnfreezeTokens tokens = new UnfreezeTokens(secret());
    private final HijackCounters counters;
    private final DecisionRecorder recorder;
    private final FreezeService freezes;
    private final FrozenAccounts frozen;
    private final HijackPolicy policy;

    private HijackFixture(Builder builder) {
        counterStore = builder.counterStore;
        distinctStore = builder.distinctStore;
        freezeStore = builder.freezeStore;
        tokenStore = builder.tokenStore;
        config = config(builder.hijackXml);
        counters = new HijackCounters(counterStore, distinctStore);
        recorder = new DecisionRecorder(metrics, builder.storeFailurePolicy, builder.globalReportOnly, clock);
        freezes = new FreezeService(freezeStore, tokenStore, counters, tokens, notifier, config, ADDRESSES, clock);
        frozen = new FrozenAccounts(freezeStore, recorder);
        policy = new HijackPolicy(config, new NetworkClasses(IpMatcher.parse(SERVER_IP), NetworkClasses.PRIVATE_RANGES), counters,
            freezes, frozen, recorder, ADDRESSES, clock);
    }

    /** The default wiring with {@code hijackXml} inside {@code <hijack>}. */
    public static HijackFixture of(String hijackXml) {
        return builder().hijack(hijackXml).build();
    }

    /** {@code hijackXml} inside {@code <hijack>}, parsed; errors name paths from {@code <hijack>}. */
    public static HijackConfig config(String hijackXml) {
        return HijackConfig.parse(ConfigReader.of(XmlConfigs.parse("<hijack>" + hijackXml + "</hijack>"), "<hijack>"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The unfreeze secret: 32 bytes of 7. */
    public static byte[] secret() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        return secret;
    }

    public MutableClock clock() {
        return clock;
    }

    public RecordingMetrics metrics() {
        return metrics;
    }

    public RecordingFreezeNotifier notifier() {
        return notifier;
    }

    public CounterStore counterStore() {
        return counterStore;
    }

    public DistinctStore distinctStore() {
        return distinctStore;
    }

    public FreezeStore freezeStore() {
        return freezeStore;
    }

    public TokenStore tokenStore() {
        return tokenStore;
    }

    public HijackConfig config() {
        return config;
    }

    /** The token signer, with {@link #secret()}. */
    public UnfreezeTokens tokens() {
        return tokens;
    }

    public HijackCounters counters() {
        return counters;
    }

    public DecisionRecorder recorder() {
        return recorder;
    }

    public FreezeService freezes() {
        return freezes;
    }

    public FrozenAccounts frozen() {
        return frozen;
    }

    public HijackPolicy policy() {
        return policy;
    }

    /** The token local part of the latest freeze notice's Reply-To. */
    public String lastToken() {
        return notifier.last().replyTo().localPart();
    }

    public static final class Builder {
        private String hijackXml = "";
        private StoreFailurePolicy storeFailurePolicy = StoreFailurePolicy.FAIL_OPEN;
        private boolean globalReportOnly;
        private CounterStore counterStore = new MemoryCounterStore();
        private DistinctStore distinctStore = new MemoryDistinctStore();
        private FreezeStore freezeStore = new MemoryFreezeStore();
        private TokenStore tokenStore = new MemoryTokenStore();

        private Builder() {
        }

        /** What goes inside {@code <hijack>}; empty for the SPEC defaults. */
        public Builder hijack(String xml) {
            this.hijackXml = xml;
            return this;
        }

        public Builder storeFailurePolicy(StoreFailurePolicy value) {
            this.storeFailurePolicy = value;
            return this;
        }

        /** {@code <reportOnly>true</reportOnly>} of jamesguard.xml. */
        public Builder globalReportOnly(boolean value) {
            this.globalReportOnly = value;
            return this;
        }

        public Builder counterStore(CounterStore value) {
            this.counterStore = value;
            return this;
        }

        public Builder distinctStore(DistinctStore value) {
            this.distinctStore = value;
            return this;
        }

        public Builder freezeStore(FreezeStore value) {
            this.freezeStore = value;
            return this;
        }

        public Builder tokenStore(TokenStore value) {
            this.tokenStore = value;
            return this;
        }

        public HijackFixture build() {
            return new HijackFixture(this);
        }
    }
}
