package org.jamesguard.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link ScreenStore} backend must do. A backend's test implements this interface:
 * <pre>{@code
 * class MemoryScreenStoreTest implements ScreenStoreContract {
 *     private final MutableClock clock = new MutableClock();
 *     private final MemoryScreenStore store = new MemoryScreenStore();
 *
 *     public ScreenStore testee() { return store; }
 *     public MutableClock clock() { return clock; }
 * }
 * }</pre>
 * {@link #testee()} returns the same store throughout one test, empty at its start. The contract never
 * sleeps: entries start at {@code clock().instant()}, the store is always asked at that instant, and
 * the contract moves the clock. A backend that cleans up by itself (Redis TTLs, file compaction) must
 * be built on the same clock.
 * <p>
 * "Ordered by IP" means ordered by {@link ScreenEntry#ip()}, the canonical text form, as a string.
 */
public interface ScreenStoreContract {
    /** The most entries the testee holds (SPEC H4): its backend is opened with this {@code <maxEntries>}. */
    int MAX_ENTRIES = 200;

    ScreenStore testee();

    MutableClock clock();

    /** What {@code jamesguard_store_evictions_screen} counted. */
    long evictions();

    private ScreenEntry entry(String ip, Duration duration, String reason) {
        Instant now = clock().instant();
        return new ScreenEntry(ip, now, now.plus(duration), reason);
    }

    private ScreenEntry put(String ip, Duration duration, String reason) {
        ScreenEntry entry = entry(ip, duration, reason);
        testee().put(entry);
        return entry;
    }

    private Optional<ScreenEntry> find(String ip) {
        return testee().find(ip, clock().instant());
    }

    private List<ScreenEntry> list() {
        return testee().list(clock().instant());
    }

    @Test
    default void findsNothingInAnEmptyStore() {
        assertThat(find("192.0.2.1")).isEmpty();
    }

    @Test
    default void listsNothingInAnEmptyStore() {
        assertThat(list()).isEmpty();
    }

    @Test
    default void findsAnEntryThatWasPut() {
        ScreenEntry entry = put("192.0.2.1", Duration.ofHours(1), "10 failed AUTH in 10m");

        assertThat(find("192.0.2.1")).contains(entry);
        assertThat(list()).containsExactly(entry);
    }

    @Test
    default void findsIpv6Entries() {
        ScreenEntry entry = put("2001:db8::1", Duration.ofHours(1), "AUTH on port 25");

        assertThat(find("2001:db8::1")).contains(entry);
    }

    @Test
    default void findMatchesTheWholeIpOnly() {
        put("192.0.2.1", Duration.ofHours(1), "r");
        put("2001:db8::1", Duration.ofHours(1), "r");

        assertThat(find("192.0.2.10")).isEmpty();
        assertThat(find("192.0.2")).isEmpty();
        assertThat(find("92.0.2.1")).isEmpty();
        assertThat(find("2001:db8::10")).isEmpty();
        assertThat(find("2001:db8::")).isEmpty();
    }

    @Test
    default void entriesOfDifferentIpsAreIndependent() {
        ScreenEntry first = put("192.0.2.1", Duration.ofHours(1), "first");
        ScreenEntry second = put("192.0.2.2", Duration.ofMinutes(5), "second");

        assertThat(find("192.0.2.1")).contains(first);
        assertThat(find("192.0.2.2")).contains(second);
        assertThat(list()).containsExactly(first, second);
    }

    @Test
    default void putReplacesTheEntryOfTheSameIp() {
        put("192.0.2.1", Duration.ofHours(1), "first");
        clock().advance(Duration.ofMinutes(1));
        ScreenEntry replacement = put("192.0.2.1", Duration.ofHours(2), "second");

        assertThat(find("192.0.2.1")).contains(replacement);
        assertThat(list()).containsExactly(replacement);
    }

    @Test
    default void aReplacementMayShortenTheScreen() {
        put("192.0.2.1", Duration.ofHours(1), "long");
        put("192.0.2.1", Duration.ofMinutes(1), "short");
        clock().advance(Duration.ofMinutes(1));

        assertThat(find("192.0.2.1")).isEmpty();
        assertThat(list()).isEmpty();
    }

    @Test
    default void aReplacementMayExtendTheScreen() {
        put("192.0.2.1", Duration.ofMinutes(1), "short");
        clock().advance(Duration.ofSeconds(30));
        ScreenEntry longer = put("192.0.2.1", Duration.ofHours(1), "long");
        clock().advance(Duration.ofMinutes(2));

        assertThat(find("192.0.2.1")).contains(longer);
    }

    @Test
    default void removeDeletesTheEntryAndSaysSo() {
        put("192.0.2.1", Duration.ofHours(1), "r");

        assertThat(testee().remove("192.0.2.1")).isTrue();
        assertThat(find("192.0.2.1")).isEmpty();
        assertThat(list()).isEmpty();
    }

    @Test
    default void removeOfAnUnknownIpSaysNothingWasRemoved() {
        assertThat(testee().remove("192.0.2.1")).isFalse();
    }

    @Test
    default void removeTwiceRemovesOnce() {
        put("192.0.2.1", Duration.ofHours(1), "r");

        assertThat(testee().remove("192.0.2.1")).isTrue();
        assertThat(testee().remove("192.0.2.1")).isFalse();
    }

    @Test
    default void removeLeavesOtherEntries() {
        put("192.0.2.1", Duration.ofHours(1), "r");
        ScreenEntry other = put("192.0.2.2", Duration.ofHours(1), "r");

        testee().remove("192.0.2.1");

        assertThat(find("192.0.2.2")).contains(other);
        assertThat(list()).containsExactly(other);
    }

    @Test
    default void anIpCanBeScreenedAgainAfterRemoval() {
        put("192.0.2.1", Duration.ofHours(1), "first");
        testee().remove("192.0.2.1");
        ScreenEntry again = put("192.0.2.1", Duration.ofHours(1), "again");

        assertThat(find("192.0.2.1")).contains(again);
    }

    @Test
    default void anEntryIsActiveUntilJustBeforeItExpires() {
        ScreenEntry entry = put("192.0.2.1", Duration.ofMinutes(10), "r");
        clock().advance(Duration.ofMinutes(10).minusNanos(1));

        assertThat(find("192.0.2.1")).contains(entry);
        assertThat(list()).containsExactly(entry);
    }

    @Test
    default void anEntryHasExpiredExactlyAtItsExpiry() {
        put("192.0.2.1", Duration.ofMinutes(10), "r");
        clock().advance(Duration.ofMinutes(10));

        assertThat(find("192.0.2.1")).isEmpty();
        assertThat(list()).isEmpty();
    }

    @Test
    default void anEntryStaysExpiredLater() {
        put("192.0.2.1", Duration.ofMinutes(10), "r");
        clock().advance(Duration.ofDays(1));

        assertThat(find("192.0.2.1")).isEmpty();
        assertThat(list()).isEmpty();
    }

    @Test
    default void listLeavesOutExpiredEntriesAndKeepsActiveOnes() {
        put("192.0.2.1", Duration.ofMinutes(5), "expires at the boundary");
        ScreenEntry active = put("192.0.2.2", Duration.ofMinutes(10), "still active");
        put("192.0.2.3", Duration.ofMinutes(1), "long gone");
        clock().advance(Duration.ofMinutes(5));

        assertThat(list()).containsExactly(active);
    }

    @Test
    default void anExpiredEntryStaysGoneWhenOthersAreWritten() {
        put("192.0.2.1", Duration.ofMinutes(1), "r");
        clock().advance(Duration.ofMinutes(2));
        ScreenEntry other = put("192.0.2.2", Duration.ofHours(1), "r");

        assertThat(find("192.0.2.1")).isEmpty();
        assertThat(list()).containsExactly(other);
    }

    @Test
    default void anExpiredIpCanBeScreenedAgain() {
        put("192.0.2.1", Duration.ofMinutes(1), "first");
        clock().advance(Duration.ofMinutes(1));
        assertThat(find("192.0.2.1")).isEmpty();

        ScreenEntry again = put("192.0.2.1", Duration.ofHours(1), "again");

        assertThat(find("192.0.2.1")).contains(again);
        assertThat(list()).containsExactly(again);
    }

    @Test
    default void listIsOrderedByTheIpsTextForm() {
        for (String ip : List.of("198.51.100.7", "::1", "10.0.0.2", "2001:db8::1", "9.0.0.1", "192.0.2.1")) {
            put(ip, Duration.ofHours(1), "r");
        }

        assertThat(list()).extracting(ScreenEntry::ip)
            .containsExactly("10.0.0.2", "192.0.2.1", "198.51.100.7", "2001:db8::1", "9.0.0.1", "::1");
    }

    @Test
    default void listIsASnapshot() {
        put("192.0.2.1", Duration.ofHours(1), "r");
        List<ScreenEntry> before = list();

        put("192.0.2.2", Duration.ofHours(1), "r");
        testee().remove("192.0.2.1");

        assertThat(before).extracting(ScreenEntry::ip).containsExactly("192.0.2.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10 failed AUTH in 10m", "quote \" backslash \\ ; = | , # :", "line one\nline two\r\n\ttab",
        "b\u00fccher \u4e2d\u6587 \ud83d\ude00", "{\"json\": [1, 2]}"})
    default void keepsTheReasonVerbatim(String reason) {
        ScreenEntry entry = put("192.0.2.1", Duration.ofHours(1), reason);

        assertThat(find("192.0.2.1").orElseThrow().reason()).isEqualTo(reason);
        assertThat(list()).containsExactly(entry);
    }

    @Test
    default void keepsInstantsToTheNanosecond() {
        clock().set(Instant.parse("2026-03-04T05:06:07.123456789Z"));
        ScreenEntry entry = put("192.0.2.1", Duration.ofMinutes(90).plusNanos(1), "r");

        ScreenEntry found = find("192.0.2.1").orElseThrow();

        assertThat(found.since()).isEqualTo(entry.since());
        assertThat(found.expires()).isEqualTo(Instant.parse("2026-03-04T06:36:07.123456790Z"));
        assertThat(found).isEqualTo(entry);
    }

    @Test
    default void keepsEntriesPutConcurrently() throws Exception {
        int threads = 4;
        int perThread = 25;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(executor.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        put("10.0." + thread + "." + i, Duration.ofHours(1), "r");
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(10, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(list()).hasSize(threads * perThread);
        assertThat(find("10.0.3.24")).isPresent();
    }

    @Test
    default void aFullScreenEvictsTheEntryThatExpiresSoonestAndCountsIt() {
        put("192.0.2.200", Duration.ofMinutes(5), "expires soonest");
        for (int i = 0; i < MAX_ENTRIES; i++) {
            put("198.51.100." + i, Duration.ofHours(1), "later");
        }

        assertThat(find("192.0.2.200")).isEmpty();
        assertThat(find("198.51.100.0")).isPresent();
        assertThat(list()).hasSize(MAX_ENTRIES);
        assertThat(evictions()).isEqualTo(1);
    }

    @Test
    default void expiredEntriesMakeRoomWithoutEvictions() {
        for (int i = 0; i < MAX_ENTRIES; i++) {
            put("192.0.2." + i, Duration.ofMinutes(1), "short");
        }
        clock().advance(Duration.ofMinutes(2));
        for (int i = 0; i < MAX_ENTRIES; i++) {
            put("198.51.100." + i, Duration.ofHours(1), "later");
        }

        assertThat(list()).hasSize(MAX_ENTRIES);
        assertThat(evictions()).isZero();
    }

    @Test
    default void aRemovedEntryLeavesRoomWithoutEvictions() {
        for (int i = 0; i < MAX_ENTRIES; i++) {
            put("192.0.2." + i, Duration.ofHours(1), "screened");
        }
        testee().remove("192.0.2.0");

        put("198.51.100.1", Duration.ofHours(1), "one more");

        assertThat(list()).hasSize(MAX_ENTRIES);
        assertThat(evictions()).isZero();
    }
}
