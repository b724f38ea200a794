package org.jamesguard.core.store.memory;

import org.jamesguard.core.store.ScreenStore;
import org.jamesguard.core.store.ScreenStoreContract;
import org.jamesguard.core.testing.MutableClock;

class MemoryScreenStoreTest implements ScreenStoreContract {
    private final MutableClock clock = new MutableClock();
    private final MemoryScreenStore store = new MemoryScreenStore();

    @Override
    public ScreenStore testee() {
        return store;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }
}
