package org.jamesguard.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jamesguard.core.hijack.FreezeRecord;
import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.DistinctStore;
import org.jamesguard.core.store.FreezeStore;
import org.jamesguard.core.store.PopLoginStore;
import org.jamesguard.core.store.ScreenEntry;
import org.jamesguard.core.store.ScreenStore;
import org.jamesguard.core.store.StoreUnavailableException;
import org.jamesguard.core.store.TokenStore;

/** Stores whose every call fails with {@link StoreUnavailableException}, as a backend does during an outage. */
public final class UnavailableStores {
    public static final String MESSAGE = "store down (test)";

    private UnavailableStores() {
    }

    public static CounterStore counters() {
        return new CounterStore() {
            @Override
            public Acquisition tryAcquire(String key, long amount, long limit, Duration window, Instant now) {
                throw down();
            }

            @Override
            public long increment(String key, long amount, Duration window, Instant now) {
                throw down();
            }

            @Override
            public long count(String key, Duration window, Instant now) {
                throw down();
            }

            @Override
            public void delete(String key) {
                throw down();
            }
        };
    }

    public static DistinctStore distinct() {
        return new DistinctStore() {
            @Override
            public CounterStore.Acquisition admit(String key, String member, int max, Duration window, Instant now) {
                throw down();
            }

            @Override
            public List<String> members(String key, Duration window, Instant now) {
                throw down();
            }

            @Override
            public void delete(String key) {
                throw down();
            }
        };
    }

    public static FreezeStore freezes() {
        return new FreezeStore() {
            @Override
            public boolean freeze(FreezeRecord record) {
                throw down();
            }

            @Override
            public Optional<FreezeRecord> find(String account) {
                throw down();
            }

            @Override
            public Optional<FreezeRecord> findById(String freezeId) {
                throw down();
            }

            @Override
            public boolean unfreeze(FreezeRecord record) {
                throw down();
            }

            @Override
            public List<FreezeRecord> list() {
                throw down();
            }

            @Override
            public List<FreezeRecord> expired(Instant now) {
                throw down();
            }
        };
    }

    public static ScreenStore screen() {
        return new ScreenStore() {
            @Override
            public void put(ScreenEntry entry) {
                throw down();
            }

            @Override
            public Optional<ScreenEntry> find(String ip, Instant now) {
                throw down();
            }

            @Override
            public boolean remove(String ip) {
                throw down();
            }

            @Override
            public List<ScreenEntry> list(Instant now) {
                throw down();
            }
        };
    }

    public static PopLoginStore popLogins() {
        return new PopLoginStore() {
            @Override
            public void recordLogin(String ip, Instant at) {
                throw down();
            }

            @Override
            public Optional<Instant> lastLogin(String ip) {
                throw down();
            }
        };
    }

    public static TokenStore tokens() {
        return (tokenId, expires, now) -> {
            throw down();
        };
    }

    private static StoreUnavailableException down() {
        return new StoreUnavailableException(MESSAGE);
    }
}
