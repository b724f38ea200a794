package org.jamesguard.core.store.file;

import org.jamesguard.core.store.FreezeStore;
import org.jamesguard.core.store.FreezeStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link FreezeStore} contract on the file backend. */
class FileFreezeStoreTest implements FreezeStoreContract {
    @RegisterExtension
    final FileStoresExtension files = new FileStoresExtension();
    private final MutableClock clock = new MutableClock();

    @Override
    public FreezeStore testee() {
        return files.stores().freezes();
    }

    @Override
    public MutableClock clock() {
        return clock;
    }
}
