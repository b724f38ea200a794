package org.jamesguard.core.config;

import java.util.Map;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.jamesguard.core.net.Cidr;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.store.StoreFailurePolicy;

import com.google.common.collect.ImmutableMap;

/**
 * Settings shared by every listener, read once from {@code conf/jamesguard.xml} (all optional):
 * <pre>{@code
 * <jamesguard>
 *   <reportOnly>false</reportOnly>          <!-- every check only reports: log + header + metric -->
 *   <trustedIps>192.0.2.0/24</trustedIps>  <!-- besides 127.0.0.1, ::1 and James's authorizedAddresses -->
 *   <store>
 *     <backend>memory</backend>
 *     <failurePolicy>fail-open</failurePolicy>
 *   </store>
 * </jamesguard>
 * }</pre>
 */
public final class GuardSettings {
    public static final String FILE = "jamesguard.xml";

    public enum StoreBackend { MEMORY }

    private static final Map<String, StoreBackend> BACKENDS = ImmutableMap.of("memory", StoreBackend.MEMORY);
    private static final Map<String, StoreFailurePolicy> POLICIES = ImmutableMap.of(
        StoreFailurePolicy.FAIL_OPEN.xmlName(), StoreFailurePolicy.FAIL_OPEN,
        StoreFailurePolicy.FAIL_CLOSED.xmlName(), StoreFailurePolicy.FAIL_CLOSED);

    private final boolean reportOnly;
    private final IpMatcher trustedIps;
    private final StoreBackend storeBackend;
    private final StoreFailurePolicy storeFailurePolicy;

    private GuardSettings(boolean reportOnly, IpMatcher trustedIps, StoreBackend storeBackend,
                          StoreFailurePolicy storeFailurePolicy) {
        this.reportOnly = reportOnly;
        this.trustedIps = trustedIps;
        this.storeBackend = storeBackend;
        this.storeFailurePolicy = storeFailurePolicy;
    }

    public static GuardSettings defaults() {
        return parse(ConfigReader.empty(FILE + ": <jamesguard>"));
    }

    public static GuardSettings parse(HierarchicalConfiguration<ImmutableNode> config) {
        return parse(ConfigReader.of(config, FILE + ": <jamesguard>"));
    }

    private static GuardSettings parse(ConfigReader root) {
        root.allowOnly("reportOnly", "trustedIps", "store");
        ConfigReader store = root.child("store").allowOnly("backend", "failurePolicy");
        return new GuardSettings(
            root.bool("reportOnly", false),
            IpMatcher.of(root.list("trustedIps", Cidr::parse)),
            store.oneOf("backend", BACKENDS, StoreBackend.MEMORY),
            store.oneOf("failurePolicy", POLICIES, StoreFailurePolicy.FAIL_OPEN));
    }

    public boolean reportOnly() {
        return reportOnly;
    }

    public IpMatcher trustedIps() {
        return trustedIps;
    }

    public StoreBackend storeBackend() {
        return storeBackend;
    }

    public StoreFailurePolicy storeFailurePolicy() {
        return storeFailurePolicy;
    }
}
