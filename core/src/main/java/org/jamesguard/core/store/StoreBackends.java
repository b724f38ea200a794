package org.jamesguard.core.store;

import java.nio.file.Path;

import org.jamesguard.core.GuardMetrics;
import org.jamesguard.core.store.file.FileStores;
import org.jamesguard.core.store.memory.MemoryCounterStore;
import org.jamesguard.core.store.memory.MemoryDistinctStore;
import org.jamesguard.core.store.memory.MemoryFreezeStore;
import org.jamesguard.core.store.memory.MemoryPopLoginStore;
import org.jamesguard.core.store.memory.MemoryScreenStore;
import org.jamesguard.core.store.memory.MemoryTokenStore;
import org.jamesguard.core.store.redis.RedisStores;

/** Opens the backend {@code <store><backend>} names. */
public final class StoreBackends {
    private StoreBackends() {
    }

    /**
     * @param jamesHome the James home: a relative {@code <directory>} is under it
     * @throws IllegalStateException when a file store's state is unreadable (naming the file): James must not
     *                               start with frozen accounts silently lifted
     */
    public static Stores open(StoreConfig config, Path jamesHome, GuardMetrics metrics) {
        StoreLimits limits = StoreLimits.of(config.maxEntries(), metrics);
        switch (config.backend()) {
            case MEMORY:
                return memory(limits);
            case FILE:
                return FileStores.open(jamesHome.resolve(config.directory()).toAbsolutePath().normalize(), limits);
            case REDIS:
                return RedisStores.connect(config.redis().orElseThrow(), limits);
            default:
                throw new IllegalStateException("unknown backend " + config.backend());
        }
    }

    /** Every store in this JVM's heap, lost when it stops. */
    public static Stores memory() {
        return memory(StoreLimits.DEFAULT);
    }

    public static Stores memory(StoreLimits limits) {
        int max = limits.maxEntries();
        return new Stores(new MemoryScreenStore(max, limits.evictions("screen")),
            new MemoryCounterStore(max, limits.evictions("counters")), new MemoryDistinctStore(max, limits.evictions("distinct")),
            new MemoryFreezeStore(), new MemoryTokenStore(), new MemoryPopLoginStore(max, limits.evictions("pop_logins")));
    }
}
