package org.jamesguard.core.store;

import java.util.Map;

import org.jamesguard.core.GuardMetrics;

/**
 * One backend's stores (SPEC §4): everything James Guard keeps, from one place, closed together when James
 * stops. Open them with {@link StoreBackends#open}.
 */
public final class Stores implements AutoCloseable {
    /** What a backend holds besides its stores: files, a connection. */
    public interface Backend {
        /** What {@code GET /guard/health} shows of the backend (where it keeps its state, whether it answers). */
        Map<String, Object> health();

        /** Writes what is still to be written and lets go of files and connections. */
        void close();
    }

    private static final Backend NOTHING_HELD = new Backend() {
        @Override
        public Map<String, Object> health() {
            return Map.of();
        }

        @Override
        public void close() {
            // nothing to write, nothing held
        }
    };

    private final ScreenStore screen;
    private final CounterStore counters;
    private final DistinctStore distinct;
    private final FreezeStore freezes;
    private final TokenStore tokens;
    private final PopLoginStore popLogins;
    private final Backend backend;

    public Stores(ScreenStore screen, CounterStore counters, DistinctStore distinct, FreezeStore freezes, TokenStore tokens,
                  PopLoginStore popLogins, Backend backend) {
        this.screen = screen;
        this.counters = counters;
        this.distinct = distinct;
        this.freezes = freezes;
        this.tokens = tokens;
        this.popLogins = popLogins;
        this.backend = backend;
    }

    /** Stores that hold nothing but themselves (memory). */
    public Stores(ScreenStore screen, CounterStore counters, DistinctStore distinct, FreezeStore freezes, TokenStore tokens,
                  PopLoginStore popLogins) {
        this(screen, counters, distinct, freezes, tokens, popLogins, NOTHING_HELD);
    }

    /**
     * These stores with every call timed ({@link TimedStores}), on the same backend: for a remote store, whose
     * calls can be slow; a heap store answers faster than a timer.
     */
    public Stores timed(GuardMetrics metrics) {
        return new Stores(TimedStores.timed(ScreenStore.class, screen, metrics),
            TimedStores.timed(CounterStore.class, counters, metrics),
            TimedStores.timed(DistinctStore.class, distinct, metrics),
            TimedStores.timed(FreezeStore.class, freezes, metrics),
            TimedStores.timed(TokenStore.class, tokens, metrics),
            TimedStores.timed(PopLoginStore.class, popLogins, metrics), backend);
    }

    public ScreenStore screen() {
        return screen;
    }

    public CounterStore counters() {
        return counters;
    }

    public DistinctStore distinct() {
        return distinct;
    }

    public FreezeStore freezes() {
        return freezes;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public PopLoginStore popLogins() {
        return popLogins;
    }

    public Map<String, Object> health() {
        return backend.health();
    }

    @Override
    public void close() {
        backend.close();
    }
}
