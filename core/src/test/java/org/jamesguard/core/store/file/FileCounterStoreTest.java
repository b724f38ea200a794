package org.jamesguard.core.store.file;

import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.BoundedCounterStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link CounterStore} contract on the file backend (held in memory: it is not kept across restarts). */
class FileCounterStoreTest implements BoundedCounterStoreContract {
    @RegisterExtension
    final FileStoresExtension files = new FileStoresExtension();
    private final MutableClock clock = new MutableClock();

    @Override
    public CounterStore testee() {
        return files.stores().counters();
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public long evictions() {
        return files.metrics().count("jamesguard_store_evictions_counters");
    }
}
