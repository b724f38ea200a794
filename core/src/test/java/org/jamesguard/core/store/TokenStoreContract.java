package org.jamesguard.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jamesguard.core.testing.Concurrently;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link TokenStore} backend must do. A backend's test implements this interface:
 * <pre>{@code
 * class MemoryTokenStoreTest implements TokenStoreContract {
 *     private final MutableClock clock = new MutableClock();
 *     private final MemoryTokenStore store = new MemoryTokenStore();
 *
 *     public TokenStore testee() { return store; }
 *     public MutableClock clock() { return clock; }
 * }
 * }</pre>
 * {@link #testee()} returns the same store throughout one test, empty at its start. The contract never
 * sleeps: it passes {@code clock().instant()} and moves the clock. A used token must stay used until its
 * expiry; whether it is forgotten after is the backend's business, so the contract does not ask.
 */
public interface TokenStoreContract {
    Duration VALIDITY = Duration.ofDays(7);
    String TOKEN = "unfreeze-abcdefghijklmnop-t9h2kg-abcdefghijklmnopqrstuvwxyz";

    TokenStore testee();

    MutableClock clock();

    private boolean use(String token) {
        Instant now = clock().instant();
        return testee().use(token, now.plus(VALIDITY), now);
    }

    @Test
    default void aTokenWorksOnce() {
        assertThat(use(TOKEN)).isTrue();
        assertThat(use(TOKEN)).isFalse();
        assertThat(use(TOKEN)).isFalse();
    }

    @Test
    default void tokensAreUsedApart() {
        assertThat(use("token-1")).isTrue();
        assertThat(use("token-2")).isTrue();
        assertThat(use("token-1")).isFalse();
        assertThat(use("token-2")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {TOKEN, "a", "key with spaces", "a:b|c", "*", "b\u00fccher \u4e2d\u6587"})
    default void tokensAreOpaqueStrings(String token) {
        assertThat(use(token)).isTrue();

        assertThat(use(token + "x")).isTrue();
        assertThat(use(token.substring(1))).as("a suffix").isTrue();
        assertThat(use(token)).isFalse();
    }

    @Test
    default void tokensAreCaseSensitive() {
        assertThat(use("unfreeze-abc")).isTrue();

        assertThat(use("UNFREEZE-ABC")).isTrue();
    }

    @Test
    default void aUsedTokenStaysUsedUntilItsExpiry() {
        Instant expires = clock().instant().plus(VALIDITY);
        testee().use(TOKEN, expires, clock().instant());

        clock().set(expires.minusMillis(1));

        assertThat(testee().use(TOKEN, expires, clock().instant())).isFalse();
    }

    @Test
    default void aUsedTokenStaysUsedWhenOtherTokensAreUsedLater() {
        use(TOKEN);
        for (int minute = 1; minute <= 5; minute++) {
            clock().advance(Duration.ofMinutes(1));
            use("other-" + minute);
        }

        assertThat(use(TOKEN)).isFalse();
    }

    @Test
    default void aShortExpiryIsKeptToo() {
        Instant now = clock().instant();
        assertThat(testee().use(TOKEN, now.plusSeconds(1), now)).isTrue();

        assertThat(testee().use(TOKEN, now.plusSeconds(1), now.plusMillis(999))).isFalse();
    }

    @Test
    default void concurrentUsesOfOneTokenHaveExactlyOneWinner() throws Exception {
        List<Boolean> results = Concurrently.run(8, () -> use(TOKEN));

        assertThat(results).containsOnlyOnce(true);
        assertThat(results).hasSize(8);
    }

    @Test
    default void concurrentUsesOfDifferentTokensAllWin() throws Exception {
        List<Boolean> results = Concurrently.run(8, thread -> use(TOKEN + "-" + thread));

        assertThat(results).containsOnly(true);
    }
}
