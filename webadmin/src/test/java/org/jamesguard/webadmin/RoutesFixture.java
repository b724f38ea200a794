package org.jamesguard.webadmin;

import static org.mockito.Mockito.mock;

import java.util.HashMap;
import java.util.Map;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.server.core.configuration.FileConfigurationProvider;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.WebAdminUtils;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.config.GuardSettings;
import org.jamesguard.core.hijack.AccountUsage;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.store.StoreBackends;
import org.jamesguard.core.store.Stores;
import org.jamesguard.core.testing.HijackFixture;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.UnavailableStores;
import org.jamesguard.core.testing.XmlConfigs;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * {@link GuardRoutes} on a {@link WebAdminServer} at a random port, as James's own route tests start theirs, over
 * the real core services: memory stores (or {@link UnavailableStores}), a {@link MutableClock}, James's memory
 * users repository with virtual hosting in {@value #DOMAIN} (alice, bob and postmaster), and the listener files
 * {@code GET /guard/config} reads.
 */
final class RoutesFixture implements AutoCloseable {
    static final String DOMAIN = "example.com";
    static final String ALICE = "alice@" + DOMAIN;
    static final String BOB = "bob@" + DOMAIN;
    static final String POSTMASTER = "postmaster@" + DOMAIN;

    private final Stores stores;
    private final HijackFixture hijack;
    private final DynamicScreen screen;
    private final WebAdminServer server;

    private RoutesFixture(Builder builder) throws Exception {
        String jamesguardXml = "<jamesguard>" + builder.settingsXml + "<hijack>" + builder.hijackXml + "</hijack></jamesguard>";
        GuardSettings settings = GuardSettings.parse(XmlConfigs.parse(jamesguardXml));
        stores = builder.stores;
        hijack = HijackFixture.builder().hijack(builder.hijackXml).storeFailurePolicy(settings.store().failurePolicy())
            .globalReportOnly(settings.reportOnly()).counterStore(stores.counters()).distinctStore(stores.distinct())
            .freezeStore(stores.freezes()).tokenStore(stores.tokens()).build();
        screen = new DynamicScreen(stores.screen(), settings.clientNetworks(), new TrustedNetworks(settings.trustedIps()),
            hijack.clock());
        MemoryUsersRepository users = users();
        JsonTransformer json = new JsonTransformer();
        ConfigurationProvider configurations = (name, level) -> configuration(builder.files, name);
        GuardRoutes routes = new GuardRoutes(new HealthRoutes(settings, stores, json),
            new ScreenRoutes(screen, json),
            new FrozenRoutes(hijack.freezes(), users, json),
            new AccountRoutes(new AccountUsage(hijack.config(), hijack.counters(), hijack.policy(), hijack.frozen(), hijack.clock()),
                users, json),
            new ConfigRoutes(configurations, settings, json));
        server = WebAdminUtils.createWebAdminServer(routes).start();
    }

    static Builder builder() {
        return new Builder();
    }

    /** Memory stores, the default settings (but the memory backend), no listener files. */
    static RoutesFixture start() throws Exception {
        return builder().start();
    }

    private static MemoryUsersRepository users() throws Exception {
        MemoryDomainList domains = new MemoryDomainList(mock(DNSService.class));
        domains.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false)
            .defaultDomain(Domain.of(DOMAIN)).build());
        MemoryUsersRepository users = MemoryUsersRepository.withVirtualHosting(domains);
        users.addUser(Username.of(ALICE), "secret");
        users.addUser(Username.of(BOB), "secret");
        users.addUser(Username.of(POSTMASTER), "secret");
        return users;
    }

    /** As James's FileConfigurationProvider: an absent file is an empty configuration. */
    private static HierarchicalConfiguration<ImmutableNode> configuration(Map<String, String> files, String name) {
        String xml = files.get(name);
        return xml == null ? FileConfigurationProvider.EMPTY_CONFIGURATION : XmlConfigs.parse(xml);
    }

    /** A request to the server, JSON in and out. */
    RequestSpecification given() {
        return RestAssured.given().spec(WebAdminUtils.buildRequestSpecification(server).build());
    }

    HijackFixture hijack() {
        return hijack;
    }

    MutableClock clock() {
        return hijack.clock();
    }

    DynamicScreen screen() {
        return screen;
    }

    @Override
    public void close() {
        server.destroy();
        stores.close();
    }

    static final class Builder {
        private String settingsXml = "<store><backend>memory</backend></store>";
        private String hijackXml = "";
        private Stores stores = StoreBackends.memory();
        private final Map<String, String> files = new HashMap<>();

        /** What goes inside {@code <jamesguard>}, but {@code <hijack>}. */
        Builder settings(String xml) {
            this.settingsXml = xml;
            return this;
        }

        /** What goes inside {@code <hijack>}. */
        Builder hijack(String xml) {
            this.hijackXml = xml;
            return this;
        }

        Builder stores(Stores value) {
            this.stores = value;
            return this;
        }

        /** Every store call fails, as during an outage of the backend. */
        Builder unavailableStores() {
            return stores(new Stores(UnavailableStores.screen(), UnavailableStores.counters(), UnavailableStores.distinct(),
                UnavailableStores.freezes(), UnavailableStores.tokens(), UnavailableStores.popLogins()));
        }

        /** A James configuration file ({@code smtpserver}, {@code pop3server}, {@code imapserver}) in XML. */
        Builder file(String name, String xml) {
            files.put(name, xml);
            return this;
        }

        RoutesFixture start() throws Exception {
            return new RoutesFixture(this);
        }
    }
}
