package org.jamesguard.core.store.file;

import org.jamesguard.core.store.ScreenStore;
import org.jamesguard.core.store.ScreenStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link ScreenStore} contract on the file backend. */
class FileScreenStoreTest implements ScreenStoreContract {
    @RegisterExtension
    final FileStoresExtension files = new FileStoresExtension();
    private final MutableClock clock = new MutableClock();

    @Override
    public ScreenStore testee() {
        return files.stores().screen();
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public long evictions() {
        return files.metrics().count("jamesguard_store_evictions_screen");
    }
}
