package org.jamesguard.core.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jamesguard.core.config.ConfigReader;

import com.google.common.collect.ImmutableMap;

import io.lettuce.core.RedisURI;

/**
 * Where James Guard keeps its state (SPEC §4), read from the {@code <store>} element of jamesguard.xml:
 * <pre>{@code
 * <store>
 *   <backend>file</backend>                  <!-- memory, file or redis -->
 *   <failurePolicy>fail-open</failurePolicy> <!-- or fail-closed: 451 4.3.0 while the store is unreachable -->
 *   <maxEntries>100000</maxEntries>          <!-- memory and file: keys per store (screen, counters...) at most -->
 *   <directory>var/jamesguard</directory>    <!-- file: relative to the James home -->
 *   <redis>                                  <!-- redis: see RedisConfig -->
 *     <uri>redis://redis.example.com:6379</uri>
 *   </redis>
 * </store>
 * }</pre>
 */
public final class StoreConfig {
    public enum Backend { MEMORY, FILE, REDIS }

    public static final String DEFAULT_DIRECTORY = "var/jamesguard";
    /** Per store; a counter key costs about 300 bytes, so the counters hold at most about 30 MiB. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private static final Map<String, Backend> BACKENDS = ImmutableMap.of(
        "memory", Backend.MEMORY, "file", Backend.FILE, "redis", Backend.REDIS);
    private static final Map<String, StoreFailurePolicy> POLICIES = ImmutableMap.of(
        StoreFailurePolicy.FAIL_OPEN.xmlName(), StoreFailurePolicy.FAIL_OPEN,
        StoreFailurePolicy.FAIL_CLOSED.xmlName(), StoreFailurePolicy.FAIL_CLOSED);

    private final Backend backend;
    private final StoreFailurePolicy failurePolicy;
    private final String directory;
    private final Optional<RedisConfig> redis;
    private final int maxEntries;

    private StoreConfig(Backend backend, StoreFailurePolicy failurePolicy, String directory, Optional<RedisConfig> redis,
                        int maxEntries) {
        this.backend = backend;
        this.failurePolicy = failurePolicy;
        this.directory = directory;
        this.redis = redis;
        this.maxEntries = maxEntries;
    }

    /** @param store the {@code <store>} element; an absent one reads as empty (a file store in var/jamesguard) */
    public static StoreConfig parse(ConfigReader store) {
        store.allowOnly("backend", "failurePolicy", "directory", "redis", "maxEntries");
        Backend backend = store.oneOf("backend", BACKENDS, Backend.FILE);
        StoreFailurePolicy policy = store.oneOf("failurePolicy", POLICIES, StoreFailurePolicy.FAIL_OPEN);
        String directory = backend == Backend.FILE || store.has("directory")
            ? store.string("directory", DEFAULT_DIRECTORY)
            : DEFAULT_DIRECTORY;
        Optional<RedisConfig> redis = backend == Backend.REDIS || store.has("redis")
            ? Optional.of(RedisConfig.parse(store.child("redis"), backend == Backend.REDIS))
            : Optional.empty();
        return new StoreConfig(backend, policy, directory, redis, store.integer("maxEntries", 1, DEFAULT_MAX_ENTRIES));
    }

    /**
     * The most keys each store holds (the screen, the counters, the distinct-IP sets, POP3 logins): memory and
     * file backends evict the key that expires soonest, as does Redis for the screen; Redis counters are bounded
     * by their TTLs.
     */
    public int maxEntries() {
        return maxEntries;
    }

    public Backend backend() {
        return backend;
    }

    public StoreFailurePolicy failurePolicy() {
        return failurePolicy;
    }

    /** The file store's directory, relative to the James home unless absolute. */
    public String directory() {
        return directory;
    }

    /** Present with the redis backend. */
    public Optional<RedisConfig> redis() {
        return redis;
    }

    /**
     * The Redis store's connection, read from {@code <store><redis>}:
     * <pre>{@code
     * <redis>
     *   <uri>redis://:secret@redis.example.com:6379/0</uri>  <!-- standalone; rediss:// for TLS -->
     *   <!-- Sentinel: redis-sentinel://sentinel1:26379,sentinel2:26379/0#mymaster -->
     *   <!-- Cluster: <cluster>true</cluster> and one <uri> per seed node: <uri>redis://node1:6379</uri> ... -->
     *   <cluster>false</cluster>
     *   <keyPrefix>jamesguard:</keyPrefix>     <!-- every key starts with it: several James clusters may share a Redis -->
     *   <timeout>1s</timeout>                  <!-- the longest a check waits for Redis; then the failure policy applies -->
     * </redis>
     * }</pre>
     */
    public static final class RedisConfig {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
        public static final String DEFAULT_KEY_PREFIX = "jamesguard:";
        private static final List<String> SCHEMES = List.of("redis://", "rediss://", "redis-sentinel://", "rediss-sentinel://");

        private final List<String> uris;
        private final boolean cluster;
        private final String keyPrefix;
        private final Duration timeout;

        private RedisConfig(List<String> uris, boolean cluster, String keyPrefix, Duration timeout) {
            this.uris = uris;
            this.cluster = cluster;
            this.keyPrefix = keyPrefix;
            this.timeout = timeout;
        }

        static RedisConfig parse(ConfigReader redis, boolean required) {
            redis.allowOnly("uri", "cluster", "keyPrefix", "timeout");
            List<String> uris = redis.repeated("uri", RedisConfig::checkUri);
            redis.record("uri", uris.stream().map(RedisConfig::redacted).collect(Collectors.toUnmodifiableList()));
            boolean cluster = redis.bool("cluster", false);
            String keyPrefix = redis.string("keyPrefix", DEFAULT_KEY_PREFIX);
            Duration timeout = redis.duration("timeout", DEFAULT_TIMEOUT);
            if (uris.isEmpty() && required) {
                throw redis.error("uri", "required with <backend>redis</backend>, e.g. redis://127.0.0.1:6379");
            }
            if (uris.size() > 1 && !cluster) {
                throw redis.error("uri", "several URIs are the seed nodes of a cluster: add <cluster>true</cluster>"
                    + " (for Sentinel, list the sentinels in one redis-sentinel:// URI)");
            }
            if (cluster && uris.stream().anyMatch(uri -> uri.contains("-sentinel://"))) {
                throw redis.error("uri", "a cluster takes redis:// or rediss:// seed nodes, not a Sentinel URI");
            }
            return new RedisConfig(uris, cluster, keyPrefix, timeout);
        }

        private static String checkUri(String uri) {
            if (SCHEMES.stream().noneMatch(uri::startsWith)) {
                throw new IllegalArgumentException("expected a URI starting with " + String.join(", ", SCHEMES) + ", got '"
                    + redacted(uri) + "'");
            }
            try {
                RedisURI.create(uri);
            } catch (RuntimeException e) {
                String why = String.valueOf(e.getMessage()).replace(uri, redacted(uri));
                throw new IllegalArgumentException("not a Redis URI (" + why + "): '" + redacted(uri) + "'", e);
            }
            return uri;
        }

        /** A URI as logs and WebAdmin may show it: without its password. */
        public static String redacted(String uri) {
            return uri.replaceAll("//[^@/]*@", "//***@");
        }

        public List<String> uris() {
            return uris;
        }

        public boolean cluster() {
            return cluster;
        }

        public String keyPrefix() {
            return keyPrefix;
        }

        public Duration timeout() {
            return timeout;
        }
    }
}
