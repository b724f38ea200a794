package org.jamesguard;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.inject.Singleton;

import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.GuardMetrics;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.auth.Credentials;
import org.jamesguard.core.auth.LocalAccounts;
import org.jamesguard.core.auth.PopLoginStore;
import org.jamesguard.core.config.GuardSettings;
import org.jamesguard.core.dns.DnsVerifier;
import org.jamesguard.core.net.Cidr;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.net.NetworkClasses;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.ScreenStore;
import org.jamesguard.core.store.memory.MemoryCounterStore;
import org.jamesguard.core.store.memory.MemoryPopLoginStore;
import org.jamesguard.core.store.memory.MemoryScreenStore;
import org.jamesguard.hooks.accounts.JamesCredentials;
import org.jamesguard.hooks.accounts.JamesLocalAccounts;

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
    @Override
    protected void configure() {
        bind(GuardMetrics.class).to(JamesMetrics.class).in(Singleton.class);
        bind(LocalAccounts.class).to(JamesLocalAccounts.class).in(Singleton.class);
        bind(Credentials.class).to(JamesCredentials.class).in(Singleton.class);
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

    @Provides
    @Singleton
    DecisionRecorder decisionRecorder(GuardMetrics metrics, GuardSettings settings, Clock clock) {
        return new DecisionRecorder(metrics, settings.storeFailurePolicy(), settings.reportOnly(), clock);
    }

    @Provides
    @Singleton
    ScreenStore screenStore() {
        return new MemoryScreenStore();
    }

    @Provides
    @Singleton
    CounterStore counterStore() {
        return new MemoryCounterStore();
    }

    @Provides
    @Singleton
    PopLoginStore popLoginStore() {
        return new MemoryPopLoginStore();
    }

    @Provides
    @Singleton
    DynamicScreen dynamicScreen(ScreenStore store, Clock clock) {
        return new DynamicScreen(store, clock);
    }

    /** One resolver, cache and DNS transport thread for every listener's reverse lookups. */
    @Provides
    @Singleton
    DnsVerifier dnsVerifier(GuardSettings settings) {
        return new DnsVerifier(settings.dns());
    }
}
