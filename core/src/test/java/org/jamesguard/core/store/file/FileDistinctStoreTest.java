package org.jamesguard.core.store.file;

import org.jamesguard.core.store.DistinctStore;
import org.jamesguard.core.store.BoundedDistinctStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link DistinctStore} contract on the file backend (held in memory: it is not kept across restarts). */
class FileDistinctStoreTest implements BoundedDistinctStoreContract {
    @RegisterExtension
    final FileStoresExtension files = new FileStoresExtension();
    private final MutableClock clock = new MutableClock();

    @Override
    public DistinctStore testee() {
        return files.stores().distinct();
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public long evictions() {
        return files.metrics().count("jamesguard_store_evictions_distinct");
    }
}
