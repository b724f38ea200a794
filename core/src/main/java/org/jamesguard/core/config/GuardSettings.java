package org.jamesguard.core.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.jamesguard.core.dns.DnsConfig;
import org.jamesguard.core.hijack.HijackConfig;
import org.jamesguard.core.net.Cidr;
import org.jamesguard.core.net.ClientNetworks;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.net.NetworkClasses;
import org.jamesguard.core.store.StoreConfig;


/**
 * Settings shared by every listener, read once from {@code conf/jamesguard.xml} (all optional):
 * <pre>{@code
 * <jamesguard>
 *   <reportOnly>false</reportOnly>          <!-- every check only reports: log + header + metric -->
 *   <trustedIps>192.0.2.0/24</trustedIps>  <!-- besides 127.0.0.1, ::1 and James's authorizedAddresses -->
 *   <network>
 *     <serverAddresses>192.0.2.10</serverAddresses>  <!-- besides the addresses of the server's interfaces -->
 *     <lanIps>10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7</lanIps>  <!-- or none -->
 *     <clientPrefix><ipv4>32</ipv4><ipv6>64</ipv6></clientPrefix>  <!-- clients are counted and screened per network -->
 *   </network>
 *   <hijack>...</hijack>                      <!-- see HijackConfig -->
 *   <store>...</store>                      <!-- where the state is kept: see StoreConfig -->
 *   <dns>...</dns>                          <!-- the resolver of the reverse lookups: see DnsConfig -->
 * </jamesguard>
 * }</pre>
 */
public final class GuardSettings {
    public static final String FILE = "jamesguard.xml";

    private final boolean reportOnly;
    private final IpMatcher trustedIps;
    private final IpMatcher serverAddresses;
    private final IpMatcher lanIps;
    private final StoreConfig store;
    private final HijackConfig hijack;
    private final DnsConfig dns;
    private final ClientNetworks clientNetworks;
    private final Map<String, Object> effective;

    private GuardSettings(boolean reportOnly, IpMatcher trustedIps, IpMatcher serverAddresses, IpMatcher lanIps,
                          StoreConfig store, HijackConfig hijack,
                          DnsConfig dns, ClientNetworks clientNetworks, Map<String, Object> effective) {
        this.reportOnly = reportOnly;
        this.trustedIps = trustedIps;
        this.serverAddresses = serverAddresses;
        this.lanIps = lanIps;
        this.store = store;
        this.hijack = hijack;
        this.dns = dns;
        this.clientNetworks = clientNetworks;
        this.effective = effective;
    }

    public static GuardSettings defaults() {
        return parse(ConfigReader.empty(FILE + ": <jamesguard>"));
    }

    public static GuardSettings parse(HierarchicalConfiguration<ImmutableNode> config) {
        return parse(ConfigReader.of(config, FILE + ": <jamesguard>"));
    }

    private static GuardSettings parse(ConfigReader root) {
        root.allowOnly("reportOnly", "trustedIps", "network", "store", "dns", "hijack");
        ConfigReader network = root.child("network").allowOnly("serverAddresses", "lanIps", "clientPrefix");
        return new GuardSettings(
            root.bool("reportOnly", false),
            IpMatcher.of(root.list("trustedIps", Cidr::parse)),
            IpMatcher.of(network.list("serverAddresses", Cidr::parse)),
            network.has("lanIps") ? lanIps(network) : defaultLan(network),
            StoreConfig.parse(root.child("store")),
            HijackConfig.parse(root.child("hijack")),
            DnsConfig.parse(root.child("dns")),
            clientNetworks(network.child("clientPrefix")),
            root.effective());
    }

    /** SPEC H4: the networks per which clients are counted and screened. */
    private static ClientNetworks clientNetworks(ConfigReader prefix) {
        prefix.allowOnly("ipv4", "ipv6");
        int ipv4 = prefix.integer("ipv4", ClientNetworks.MIN_IPV4_PREFIX, ClientNetworks.DEFAULT_IPV4_PREFIX);
        int ipv6 = prefix.integer("ipv6", ClientNetworks.MIN_IPV6_PREFIX, ClientNetworks.DEFAULT_IPV6_PREFIX);
        if (ipv4 > 32) {
            throw prefix.error("ipv4", "expected a prefix length of " + ClientNetworks.MIN_IPV4_PREFIX + " to 32, got " + ipv4);
        }
        if (ipv6 > 128) {
            throw prefix.error("ipv6", "expected a prefix length of " + ClientNetworks.MIN_IPV6_PREFIX + " to 128, got " + ipv6);
        }
        return ClientNetworks.of(ipv4, ipv6);
    }

    private static IpMatcher lanIps(ConfigReader network) {
        List<String> values = network.strings("lanIps");
        if (values.equals(List.of("none"))) {
            return IpMatcher.NONE;
        }
        return IpMatcher.of(network.list("lanIps", Cidr::parse));
    }

    private static IpMatcher defaultLan(ConfigReader network) {
        network.record("lanIps", NetworkClasses.PRIVATE_RANGES.networks().stream().map(Object::toString)
            .collect(Collectors.toUnmodifiableList()));
        return NetworkClasses.PRIVATE_RANGES;
    }

    /** The effective settings, defaults included, as {@code GET /guard/config} shows them (secrets hidden). */
    public Map<String, Object> effective() {
        return effective;
    }

    public boolean reportOnly() {
        return reportOnly;
    }

    public IpMatcher trustedIps() {
        return trustedIps;
    }

    /** Configured server addresses; the module adds those of the network interfaces. */
    public IpMatcher serverAddresses() {
        return serverAddresses;
    }

    public IpMatcher lanIps() {
        return lanIps;
    }

    /** Where the state is kept, and what a store outage does: see {@link StoreConfig}. */
    public StoreConfig store() {
        return store;
    }

    /** Account hijack detection (SPEC §3): see {@link HijackConfig}. */
    public HijackConfig hijack() {
        return hijack;
    }

    /** The networks per which clients are counted and screened (SPEC H4). */
    public ClientNetworks clientNetworks() {
        return clientNetworks;
    }

    /** The resolver of the reverse lookups (SPEC §2): see {@link DnsConfig}. */
    public DnsConfig dns() {
        return dns;
    }
}
