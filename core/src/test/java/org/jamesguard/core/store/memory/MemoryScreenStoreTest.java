package org.jamesguard.core.store.memory;

import org.jamesguard.core.store.ScreenStore;
import org.jamesguard.core.store.ScreenStoreContract;
import org.jamesguard.core.store.StoreLimits;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;

class MemoryScreenStoreTest implements ScreenStoreContract {
    private final MutableClock clock = new MutableClock();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MemoryScreenStore store = new MemoryScreenStore(MAX_ENTRIES, StoreLimits.of(MAX_ENTRIES, metrics).evictions("screen"));

    @Override
    public ScreenStore testee() {
        return store;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public long evictions() {
        return metrics.count("jamesguard_store_evictions_screen");
    }
}
