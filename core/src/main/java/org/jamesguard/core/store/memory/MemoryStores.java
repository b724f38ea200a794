package org.jamesguard.core.store.memory;

import java.util.Map;

import org.jamesguard.core.auth.PopLoginStore;
import org.jamesguard.core.store.CounterStore;
import org.jamesguard.core.store.DistinctStore;
import org.jamesguard.core.store.FreezeStore;
import org.jamesguard.core.store.ScreenStore;
import org.jamesguard.core.store.Stores;
import org.jamesguard.core.store.TokenStore;

/** Every store in memory: nothing survives a restart, and nothing is shared with other James nodes. */
public final class MemoryStores implements Stores {
    private final ScreenStore screen = new MemoryScreenStore();
    private final CounterStore counters = new MemoryCounterStore();
    private final DistinctStore distinct = new MemoryDistinctStore();
    private final FreezeStore freezes = new MemoryFreezeStore();
    private final TokenStore tokens = new MemoryTokenStore();
    private final PopLoginStore popLogins = new MemoryPopLoginStore();

    @Override
    public ScreenStore screen() {
        return screen;
    }

    @Override
    public CounterStore counters() {
        return counters;
    }

    @Override
    public DistinctStore distinct() {
        return distinct;
    }

    @Override
    public FreezeStore freezes() {
        return freezes;
    }

    @Override
    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public PopLoginStore popLogins() {
        return popLogins;
    }

    @Override
    public Map<String, Object> health() {
        return Map.of();
    }

    @Override
    public void close() {
        // nothing to write, nothing held
    }
}
