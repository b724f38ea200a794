package org.jamesguard.core.store.file;

import org.jamesguard.core.store.TokenStore;
import org.jamesguard.core.store.TokenStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link TokenStore} contract on the file backend. */
class FileTokenStoreTest implements TokenStoreContract {
    @RegisterExtension
    final FileStoresExtension files = new FileStoresExtension();
    private final MutableClock clock = new MutableClock();

    @Override
    public TokenStore testee() {
        return files.stores().tokens();
    }

    @Override
    public MutableClock clock() {
        return clock;
    }
}
