package org.jamesguard.core.store.redis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jamesguard.core.store.StoreConfig.RedisConfig;
import org.jamesguard.core.store.StoreUnavailableException;
import org.jamesguard.core.store.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

/**
 * The one connection of a James node to Redis (standalone, Sentinel or Cluster), on lettuce. Every command
 * waits at most the configured timeout; while Redis is unreachable commands fail at once instead of queueing
 * (lettuce reconnects in the background, within two seconds of Redis's return). Every lettuce failure becomes a
 * {@link StoreUnavailableException}, so the failure policy decides. When Redis cannot be reached at start, James
 * starts anyway and the connection is tried again, at most once a second, when a check needs it.
 */
final class RedisConnection implements Stores.Backend {
    private static final Logger LOGGER = LoggerFactory.getLogger(RedisConnection.class);
    private static final Duration CONNECT_RETRY = Duration.ofSeconds(1);
    private static final Delay RECONNECT_DELAY = Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2,
        TimeUnit.MILLISECONDS);

    private final String description;
    private final ClientResources resources;
    private final AbstractRedisClient client;
    private final Supplier<RedisClusterCommands<String, String>> connector;
    private final ReentrantLock connecting = new ReentrantLock();
    private volatile RedisClusterCommands<String, String> commands;
    private volatile long retryAtNanos;

    private RedisConnection(String description, ClientResources resources, AbstractRedisClient client,
                            Supplier<RedisClusterCommands<String, String>> connector) {
        this.description = description;
        this.resources = resources;
        this.client = client;
        this.connector = connector;
        this.retryAtNanos = System.nanoTime();
    }

    static RedisConnection open(RedisConfig config) {
        Duration timeout = config.timeout();
        List<RedisURI> uris = config.uris().stream().map(RedisURI::create).collect(Collectors.toList());
        uris.forEach(uri -> uri.setTimeout(timeout));
        String description = config.uris().stream().map(RedisConfig::redacted).collect(Collectors.joining(", "));
        // small pools: these threads only move bytes, and James's own threads wait for the replies
        ClientResources resources = ClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2)
            .reconnectDelay(RECONNECT_DELAY).build();
        SocketOptions socket = SocketOptions.builder().connectTimeout(timeout).build();
        TimeoutOptions timeouts = TimeoutOptions.enabled(timeout);
        if (config.cluster()) {
            RedisClusterClient cluster = RedisClusterClient.create(resources, uris);
            cluster.setOptions(ClusterClientOptions.builder().socketOptions(socket).timeoutOptions(timeouts)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder().enableAllAdaptiveRefreshTriggers()
                    .enablePeriodicRefresh(Duration.ofMinutes(1)).build())
                .build());
            return new RedisConnection("cluster " + description, resources, cluster,
                () -> cluster.connect(StringCodec.UTF8).sync());
        }
        RedisClient standalone = RedisClient.create(resources);
        standalone.setOptions(ClientOptions.builder().socketOptions(socket).timeoutOptions(timeouts)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        return new RedisConnection(description, resources, standalone,
            () -> standalone.connect(StringCodec.UTF8, uris.get(0)).sync());
    }

    /** Connects now, so a Redis that is down at start shows in the log at once (James starts anyway). */
    RedisConnection connectEagerly() {
        try {
            commands();
            LOGGER.info("James Guard keeps its state in Redis {}", description);
        } catch (StoreUnavailableException e) {
            LOGGER.warn("James Guard cannot reach Redis {} yet ({}): the store failure policy applies until it can",
                description, e.getMessage());
        }
        return this;
    }

    /** Runs one command; {@code what} names it in the failure's message. */
    <T> T call(String what, Function<RedisClusterCommands<String, String>, T> command) {
        try {
            return command.apply(commands());
        } catch (RedisException e) {
            throw new StoreUnavailableException("Redis " + description + ": " + what + " failed: " + e.getMessage(), e);
        }
    }

    private RedisClusterCommands<String, String> commands() {
        RedisClusterCommands<String, String> connected = commands;
        if (connected != null) {
            return connected;
        }
        // one thread tries to connect, at most once a second; the others fail at once rather than wait for it
        if (System.nanoTime() - retryAtNanos < 0 || !connecting.tryLock()) {
            throw new StoreUnavailableException("Redis " + description + " is not connected");
        }
        try {
            if (commands == null) {
                commands = connector.get();
            }
            return commands;
        } catch (RedisException e) {
            retryAtNanos = System.nanoTime() + CONNECT_RETRY.toNanos();
            throw new StoreUnavailableException("Redis " + description + ": cannot connect: " + e.getMessage(), e);
        } finally {
            connecting.unlock();
        }
    }

    @Override
    public Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("redis", description);
        try {
            call("ping", commands -> commands.ping());
            health.put("reachable", true);
        } catch (StoreUnavailableException e) {
            health.put("reachable", false);
            health.put("error", e.getMessage());
        }
        return health;
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
