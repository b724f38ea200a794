package org.jamesguard;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.GuardClock;
import org.jamesguard.core.GuardMetrics;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.auth.AccountGate;
import org.jamesguard.core.auth.Credentials;
import org.jamesguard.core.auth.LocalAccounts;
import org.jamesguard.core.config.GuardSettings;
import org.jamesguard.core.dns.DnsVerifier;
import org.jamesguard.core.hijack.FreezeNotifier;
import org.jamesguard.core.hijack.FreezeService;
import org.jamesguard.core.hijack.FrozenAccounts;
import org.jamesguard.core.hijack.FrozenLogins;
import org.jamesguard.core.hijack.AccountUsage;
import org.jamesguard.core.hijack.HijackCounters;
import org.jamesguard.core.hijack.HijackPolicy;
import org.jamesguard.core.hijack.UnfreezeSecret;
import org.jamesguard.core.hijack.UnfreezeTokens;
import org.jamesguard.core.net.AccountAddresses;
import org.jamesguard.core.net.Cidr;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.net.NetworkClasses;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.screen.ScreenedLogins;
import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.DistinctStore;
import org.jamesguard.core.store.FreezeStore;
import org.jamesguard.core.store.PopLoginStore;
import org.jamesguard.core.store.ScreenStore;
import org.jamesguard.core.store.StoreBackends;
import org.jamesguard.core.store.StoreConfig;
import org.jamesguard.core.store.StoreUnavailableException;
import org.jamesguard.core.store.Stores;
import org.jamesguard.core.store.TokenStore;
import org.jamesguard.hooks.accounts.JamesCredentials;
import org.jamesguard.hooks.accounts.JamesLocalAccounts;
import org.jamesguard.mailets.MailetFreezeNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * The James Guard Guice module, named in {@code conf/extensions.properties}:
 * <pre>
 * guice.extension.module=org.jamesguard.JamesGuardModule
 * </pre>
 * James creates one child injector for extension modules; every handler of every listener, every
 * mailet and every WebAdmin route is created from it. All shared state is bound here as a
 * singleton, so they all see the same screen, counters and frozen accounts. James's own bindings
 * ({@code Clock}, {@code MetricFactory}, {@code UsersRepository}...) are used as they are: an
 * extension module cannot override them.
 */
public class JamesGuardModule extends AbstractModule {
    private static final Logger LOGGER = LoggerFactory.getLogger(JamesGuardModule.class);

    @Override
    protected void configure() {
        bind(GuardMetrics.class).to(JamesMetrics.class).in(Singleton.class);
        bind(LocalAccounts.class).to(JamesLocalAccounts.class).in(Singleton.class);
        bind(Credentials.class).to(JamesCredentials.class).in(Singleton.class);
        bind(FreezeNotifier.class).to(MailetFreezeNotifier.class).in(Singleton.class);
        bind(AccountGate.class).to(HijackPolicy.class);
    }

    @Provides
    @Singleton
    GuardSettings settings(ConfigurationProvider configurationProvider) throws ConfigurationException {
        return GuardSettings.parse(configurationProvider.getConfiguration("jamesguard"));
    }

    @Provides
    @Singleton
    TrustedNetworks trustedNetworks(GuardSettings settings) {
        return new TrustedNetworks(settings.trustedIps());
    }

    /** The server's own addresses are those of its network interfaces, plus any configured. */
    @Provides
    @Singleton
    NetworkClasses networkClasses(GuardSettings settings) throws SocketException {
        List<Cidr> own = new ArrayList<>();
        for (NetworkInterface networkInterface : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
                own.add(Cidr.of(address, address.getAddress().length * 8));
            }
        }
        return new NetworkClasses(IpMatcher.of(own).plus(settings.serverAddresses()), settings.lanIps());
    }

    /**
     * James's clock; movable only in a JVM started with {@code -Djamesguard.testing.clock=true}, which the test harness
     * sets. Then WebAdmin's {@code TestClockRoutes} moves it, and an administrator must hear of it.
     */
    @Provides
    @Singleton
    GuardClock guardClock(Clock james) {
        GuardClock clock = GuardClock.of(james);
        if (clock.movable()) {
            LOGGER.warn("James Guard's clock can be moved forward over WebAdmin (-D{}=true): for tests only, never in production."
                + " Freezes, unfreeze tokens and screen entries expire when a test says so", GuardClock.TEST_PROPERTY);
        }
        return clock;
    }

    @Provides
    @Singleton
    DecisionRecorder decisionRecorder(GuardMetrics metrics, GuardSettings settings, GuardClock clock) {
        return new DecisionRecorder(metrics, settings.store().failurePolicy(), settings.reportOnly(), clock);
    }

    /**
     * The backend of {@code <store>}, opened once (a damaged state file stops James here, naming the file) and
     * closed when the JVM ends, after the file store wrote its last changes. Only Redis's calls are timed: memory
     * and file stores answer from the heap, faster than a timer.
     */
    @Provides
    @Singleton
    Stores stores(GuardSettings settings, FileSystem fileSystem, GuardMetrics metrics) throws IOException {
        Stores stores = StoreBackends.open(settings.store(), fileSystem.getBasedir().toPath(), metrics);
        Runtime.getRuntime().addShutdownHook(new Thread(stores::close, "jamesguard-stores-close"));
        return settings.store().backend() == StoreConfig.Backend.REDIS ? stores.timed(metrics) : stores;
    }

    @Provides
    @Singleton
    ScreenStore screenStore(Stores stores) {
        return stores.screen();
    }

    @Provides
    @Singleton
    CounterStore counterStore(Stores stores) {
        return stores.counters();
    }

    @Provides
    @Singleton
    PopLoginStore popLoginStore(Stores stores) {
        return stores.popLogins();
    }

    @Provides
    @Singleton
    FreezeStore freezeStore(Stores stores) {
        return stores.freezes();
    }

    @Provides
    @Singleton
    TokenStore tokenStore(Stores stores) {
        return stores.tokens();
    }

    @Provides
    @Singleton
    DistinctStore distinctStore(Stores stores) {
        return stores.distinct();
    }

    @Provides
    @Singleton
    HijackCounters hijackCounters(CounterStore counters, DistinctStore distinct) {
        return new HijackCounters(counters, distinct);
    }

    /** Nodes sharing a Redis store must sign alike: a generated key is this node's alone, so say so. */
    @Provides
    @Singleton
    UnfreezeTokens unfreezeTokens(GuardSettings settings, FileSystem fileSystem) throws IOException {
        Optional<byte[]> configured = settings.hijack().secret();
        if (configured.isEmpty() && settings.store().backend() == StoreConfig.Backend.REDIS) {
            LOGGER.warn("the Redis store is shared by every James node, but the unfreeze key is generated per node: a reply"
                + " to a freeze notice processed by another node will be refused. Set <hijack><notice><secret> to one value"
                + " on every node");
        }
        return new UnfreezeTokens(configured.isPresent()
            ? configured.get()
            : UnfreezeSecret.loadOrCreate(fileSystem.getBasedir().toPath().resolve(UnfreezeSecret.FILE)));
    }

    @Provides
    @Singleton
    FreezeService freezeService(FreezeStore freezes, TokenStore tokens, HijackCounters counters, UnfreezeTokens signer,
                                FreezeNotifier notifier, GuardSettings settings, AccountAddresses addresses, GuardClock clock,
                                GuardMetrics metrics) {
        FreezeService service = new FreezeService(freezes, tokens, counters, signer, notifier, settings.hijack(), addresses, clock);
        metrics.gauge(GuardMetrics.PREFIX + "frozen_accounts", whileReachable(() -> freezes.list().size()));
        // not an eager singleton: it would pull MailetContext in while James is still wiring itself
        FreezeExpirySweeper.startIfExpiring(settings.hijack(), service);
        return service;
    }

    @Provides
    @Singleton
    HijackPolicy hijackPolicy(GuardSettings settings, NetworkClasses network, HijackCounters counters, FreezeService freezes,
                              FrozenAccounts frozen, DecisionRecorder recorder, AccountAddresses addresses, GuardClock clock) {
        return new HijackPolicy(settings.hijack(), network, counters, freezes, frozen, recorder, addresses, clock);
    }

    @Provides
    @Singleton
    AccountUsage accountUsage(GuardSettings settings, HijackCounters counters, HijackPolicy policy, FrozenAccounts frozen,
                              Clock clock) {
        return new AccountUsage(settings.hijack(), counters, policy, frozen, clock);
    }

    /**
     * Without virtual hosting accounts are plain names in James's default domain (SPEC H5): hijack detection
     * watches them there, and their postmaster is postmaster@ of that domain. The domain list is configured after
     * this module is wired, so the default domain is asked when the SMTP handlers start ({@code HijackGate.init});
     * one James does not serve would send freeze notices away and exempt nobody: James does not start.
     */
    @Provides
    @Singleton
    AccountAddresses accountAddresses(DomainList domains, UsersRepository users) {
        return AccountAddresses.withDefaultDomain(() -> {
            try {
                Domain defaultDomain = domains.getDefaultDomain();
                if (!users.supportVirtualHosting() && !domains.containsDomain(defaultDomain)) {
                    throw new IllegalStateException("James Guard cannot watch accounts without virtual hosting: they live in"
                        + " James's default domain " + defaultDomain.asString() + ", which is not a domain of this server"
                        + " (domainlist.xml <defaultDomain> and <domainnames>)");
                }
                return defaultDomain.asString();
            } catch (DomainListException | UsersRepositoryException e) {
                throw new IllegalStateException("James Guard cannot watch accounts: James's default domain is unavailable ("
                    + e.getMessage() + ")", e);
            }
        });
    }

    @Provides
    @Singleton
    FrozenAccounts frozenAccounts(FreezeStore freezes, DecisionRecorder recorder) {
        return new FrozenAccounts(freezes, recorder);
    }

    @Provides
    @Singleton
    FrozenLogins frozenLogins(FrozenAccounts frozenAccounts, Credentials credentials) {
        return new FrozenLogins(frozenAccounts, credentials);
    }

    @Provides
    @Singleton
    ScreenedLogins screenedLogins(DynamicScreen screen, DecisionRecorder recorder) {
        return new ScreenedLogins(screen, recorder);
    }

    @Provides
    @Singleton
    DynamicScreen dynamicScreen(ScreenStore store, GuardSettings settings, TrustedNetworks trusted, GuardClock clock,
                                GuardMetrics metrics) {
        DynamicScreen screen = new DynamicScreen(store, settings.clientNetworks(), trusted, clock);
        metrics.gauge(GuardMetrics.PREFIX + "screened_ips", whileReachable(() -> screen.list().size()));
        return screen;
    }

    /** A gauge of the store reads -1 while the store is unreachable: James's /metrics keeps answering. */
    private static Supplier<Integer> whileReachable(Supplier<Integer> gauge) {
        return () -> {
            try {
                return gauge.get();
            } catch (StoreUnavailableException e) {
                return -1;
            }
        };
    }

    /** One resolver, cache and DNS transport thread for every listener's reverse lookups. */
    @Provides
    @Singleton
    DnsVerifier dnsVerifier(GuardSettings settings, GuardMetrics metrics) {
        return new DnsVerifier(settings.dns(), metrics);
    }
}
