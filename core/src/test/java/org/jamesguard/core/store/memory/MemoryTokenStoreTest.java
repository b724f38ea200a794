package org.jamesguard.core.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jamesguard.core.store.TokenStore;
import org.jamesguard.core.store.TokenStoreContract;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class MemoryTokenStoreTest implements TokenStoreContract {
    private final MutableClock clock = new MutableClock();
    private final MemoryTokenStore store = new MemoryTokenStore();

    @Override
    public TokenStore testee() {
        return store;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    private boolean useAt(String token, Instant expires, Instant now) {
        return store.use(token, expires, now);
    }

    @Test
    void aTokenIsStillRememberedExactlyAtItsExpiry() {
        Instant start = clock.instant();
        Instant expires = start.plus(VALIDITY);
        useAt(TOKEN, expires, start);

        assertThat(useAt(TOKEN, expires, expires)).isFalse();
    }

    @Test
    void anExpiredTokenIsForgottenAtTheNextSweep() {
        Instant start = clock.instant();
        Instant expires = start.plus(VALIDITY);
        useAt(TOKEN, expires, start);

        assertThat(useAt(TOKEN, expires, expires.plusNanos(1))).isTrue();
    }

    @Test
    void sweepsRunAtMostOnceAMinuteOfThePassedInTime() {
        Instant start = clock.instant();
        useAt(TOKEN, start.plusSeconds(1), start);

        Instant afterExpiry = start.plusSeconds(30);
        assertThat(useAt(TOKEN, afterExpiry, afterExpiry)).as("30 s after the first sweep").isFalse();

        Instant aMinuteLater = start.plus(Duration.ofMinutes(1));
        assertThat(useAt("other", aMinuteLater, aMinuteLater.minusMillis(1))).isTrue();
        assertThat(useAt(TOKEN, aMinuteLater, aMinuteLater.minusMillis(1))).as("1 ms before a minute passed").isFalse();
        assertThat(useAt(TOKEN, aMinuteLater, aMinuteLater)).as("a minute after the first sweep").isTrue();
    }

    @Test
    void aSweepForgetsOnlyExpiredTokens() {
        Instant start = clock.instant();
        useAt("short", start.plusSeconds(10), start);
        useAt("long", start.plus(VALIDITY), start);

        Instant later = start.plus(Duration.ofMinutes(2));
        assertThat(useAt("short", later.plus(VALIDITY), later)).isTrue();
        assertThat(useAt("long", later.plus(VALIDITY), later)).isFalse();
    }
}
