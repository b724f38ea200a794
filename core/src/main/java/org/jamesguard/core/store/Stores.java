package org.jamesguard.core.store;

import java.util.Map;

import org.jamesguard.core.auth.PopLoginStore;

/**
 * One backend's stores (SPEC §4): everything James Guard keeps, from one place, closed together when
 * James stops. Open one with {@link StoreBackends#open}.
 */
public interface Stores extends AutoCloseable {
    ScreenStore screen();

    CounterStore counters();

    DistinctStore distinct();

    FreezeStore freezes();

    TokenStore tokens();

    PopLoginStore popLogins();

    /** What {@code GET /guard/health} shows of the backend (where it keeps its state, whether it answers). */
    Map<String, Object> health();

    /** Writes what is still to be written and lets go of files and connections. */
    @Override
    void close();
}
