package org.jamesguard;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jamesguard.core.hijack.FreezeService;
import org.jamesguard.core.hijack.HijackConfig;
import org.jamesguard.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code <freezeExpiry>}, lifts expired freezes every second, as an unfreeze does (counters reset,
 * audit line, confirmation to the postmaster). Several nodes sharing a store may all sweep: only one
 * unfreeze of a freeze succeeds. While the store is unreachable the freezes stay (the safe side) and the
 * sweeper says so once, and once more when it can sweep again.
 */
final class FreezeExpirySweeper {
    private static final Logger LOGGER = LoggerFactory.getLogger(FreezeExpirySweeper.class);
    static final Duration PERIOD = Duration.ofSeconds(1);

    private FreezeExpirySweeper() {
    }

    /** Starts sweeping when freezes expire; called once, with the freeze service singleton. */
    static void startIfExpiring(HijackConfig config, FreezeService freezes) {
        if (config.freezeExpiry().isEmpty()) {
            return;
        }
        // a daemon thread: it ends with James
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "jamesguard-freeze-expiry");
            thread.setDaemon(true);
            return thread;
        });
        AtomicBoolean storeDown = new AtomicBoolean();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                freezes.liftExpired();
                if (storeDown.getAndSet(false)) {
                    LOGGER.warn("the state store is back: lifting expired freezes again");
                }
            } catch (StoreUnavailableException e) {
                if (!storeDown.getAndSet(true)) {
                    LOGGER.warn("cannot lift expired freezes while the state store is unavailable ({}): they stay until it is back",
                        e.getMessage());
                }
            } catch (RuntimeException e) {
                LOGGER.warn("lifting expired freezes failed, trying again in {}", PERIOD, e);
            }
        }, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }
}
