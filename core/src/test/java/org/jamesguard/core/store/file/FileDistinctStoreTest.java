package org.jamesguard.core.store.file;

import org.jamesguard.core.store.DistinctStore;
import org.jamesguard.core.store.DistinctStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link DistinctStore} contract on the file backend (held in memory: it is not kept across restarts). */
class FileDistinctStoreTest implements DistinctStoreContract {
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
}
