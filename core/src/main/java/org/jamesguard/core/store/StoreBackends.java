package org.jamesguard.core.store;

import java.nio.file.Path;

import org.jamesguard.core.store.file.FileStores;
import org.jamesguard.core.store.memory.MemoryStores;
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
    public static Stores open(StoreConfig config, Path jamesHome) {
        switch (config.backend()) {
            case MEMORY:
                return new MemoryStores();
            case FILE:
                return FileStores.open(jamesHome.resolve(config.directory()).toAbsolutePath().normalize());
            case REDIS:
                return RedisStores.connect(config.redis().orElseThrow());
            default:
                throw new IllegalStateException("unknown backend " + config.backend());
        }
    }
}
