package org.jamesguard.core.store.file;

import org.jamesguard.core.store.PopLoginStore;
import org.jamesguard.core.store.PopLoginStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link PopLoginStore} contract on the file backend (held in memory: it is not kept across restarts). */
class FilePopLoginStoreTest implements PopLoginStoreContract {
    @RegisterExtension
    final FileStoresExtension files = new FileStoresExtension();
    private final MutableClock clock = new MutableClock();

    @Override
    public PopLoginStore testee() {
        return files.stores().popLogins();
    }

    @Override
    public MutableClock clock() {
        return clock;
    }
}
