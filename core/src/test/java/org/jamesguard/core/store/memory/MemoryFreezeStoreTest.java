package org.jamesguard.core.store.memory;

import org.jamesguard.core.store.FreezeStore;
import org.jamesguard.core.store.FreezeStoreContract;
import org.jamesguard.core.testing.MutableClock;

class MemoryFreezeStoreTest implements FreezeStoreContract {
    private final MutableClock clock = new MutableClock();
    private final MemoryFreezeStore store = new MemoryFreezeStore();

    @Override
    public FreezeStore testee() {
        return store;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }
}
