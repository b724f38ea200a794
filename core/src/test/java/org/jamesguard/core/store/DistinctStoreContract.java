package org.jamesguard.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jamesguard.core.store.CounterStore.Acquisition;
import org.jamesguard.core.testing.Concurrently;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link DistinctStore} backend must do. A backend's test implements this interface:
 * <pre>{@code
 * class MemoryDistinctStoreTest implements DistinctStoreContract {
 *     private final MutableClock clock = new MutableClock();
 *     private final MemoryDistinctStore store = new MemoryDistinctStore();
 *
 *     public DistinctStore testee() { return store; }
 *     public MutableClock clock() { return clock; }
 * }
 * }</pre>
 * {@link #testee()} returns the same store throughout one test, empty at its start. The contract never
 * sleeps: it passes {@code clock().instant()} and moves the clock. The window is exact: a member last seen
 * at {@code t} is within the window up to and including {@code t + WINDOW}, and gone a millisecond later.
 */
public interface DistinctStoreContract {
    Duration WINDOW = Duration.ofMinutes(60);
    String KEY = "hijack|sources|john@example.com";

    DistinctStore testee();

    MutableClock clock();

    private Acquisition admit(String key, String member, int max) {
        return testee().admit(key, member, max, WINDOW, clock().instant());
    }

    private Acquisition admit(String member, int max) {
        return admit(KEY, member, max);
    }

    /** Admits each member (max 10), a minute apart, then lets another minute pass. */
    private void admitAMinuteApart(String... members) {
        for (String member : members) {
            admit(member, 10);
            clock().advance(Duration.ofMinutes(1));
        }
    }

    private List<String> members(String key) {
        return testee().members(key, WINDOW, clock().instant());
    }

    private List<String> members() {
        return members(KEY);
    }

    @Test
    default void anUnknownKeyHasNoMembers() {
        assertThat(members()).isEmpty();
    }

    @Test
    default void admitsDistinctMembersUpToTheMax() {
        assertThat(admit("192.0.2.1", 3)).isEqualTo(Acquisition.acquired(1));
        assertThat(admit("192.0.2.2", 3)).isEqualTo(Acquisition.acquired(2));
        assertThat(admit("192.0.2.3", 3)).isEqualTo(Acquisition.acquired(3));
        assertThat(admit("192.0.2.4", 3)).isEqualTo(Acquisition.refused(3));
        assertThat(members()).containsExactly("192.0.2.3", "192.0.2.2", "192.0.2.1");
    }

    @Test
    default void aMaxOfOneAdmitsOneMember() {
        assertThat(admit("192.0.2.1", 1)).isEqualTo(Acquisition.acquired(1));
        assertThat(admit("192.0.2.2", 1)).isEqualTo(Acquisition.refused(1));
        assertThat(admit("192.0.2.1", 1)).isEqualTo(Acquisition.acquired(1));
    }

    @Test
    default void aRefusedMemberIsNotRecorded() {
        admit("192.0.2.1", 2);
        admit("192.0.2.2", 2);

        assertThat(admit("192.0.2.3", 2)).isEqualTo(Acquisition.refused(2));
        assertThat(admit("192.0.2.3", 2)).as("refused again: the first refusal left no trace").isEqualTo(Acquisition.refused(2));

        assertThat(members()).containsExactly("192.0.2.2", "192.0.2.1");
    }

    @Test
    default void aMemberAlreadySeenIsAlwaysAdmitted() {
        admit("192.0.2.1", 2);
        admit("192.0.2.2", 2);

        assertThat(admit("192.0.2.1", 2)).isEqualTo(Acquisition.acquired(2));
        assertThat(admit("192.0.2.2", 2)).isEqualTo(Acquisition.acquired(2));
        assertThat(admit("192.0.2.1", 2)).isEqualTo(Acquisition.acquired(2));
    }

    @Test
    default void aMemberSeenAgainCountsOnce() {
        for (int i = 0; i < 5; i++) {
            assertThat(admit("192.0.2.1", 10)).isEqualTo(Acquisition.acquired(1));
        }
        assertThat(members()).containsExactly("192.0.2.1");
    }

    @Test
    default void aMemberSeenAgainWhileTheMaxIsLowerIsStillAdmitted() {
        admit("192.0.2.1", 3);
        admit("192.0.2.2", 3);
        admit("192.0.2.3", 3);

        assertThat(admit("192.0.2.2", 1)).isEqualTo(Acquisition.acquired(3));
        assertThat(admit("192.0.2.4", 1)).isEqualTo(Acquisition.refused(3));
    }

    @Test
    default void membersAreListedMostRecentFirst() {
        admitAMinuteApart("192.0.2.1", "192.0.2.2", "192.0.2.3");

        assertThat(members()).containsExactly("192.0.2.3", "192.0.2.2", "192.0.2.1");
    }

    @Test
    default void aMemberSeenAgainMovesToTheFront() {
        admitAMinuteApart("192.0.2.1", "192.0.2.2", "192.0.2.3");

        admit("192.0.2.1", 10);

        assertThat(members()).containsExactly("192.0.2.1", "192.0.2.3", "192.0.2.2");
    }

    @Test
    default void aMemberIsWithinTheWindowUpToAndIncludingItsEnd() {
        admit("192.0.2.1", 10);
        clock().advance(WINDOW);

        assertThat(members()).containsExactly("192.0.2.1");
    }

    @Test
    default void aMemberLeavesTheWindowJustAfterItsEnd() {
        admit("192.0.2.1", 10);
        clock().advance(WINDOW.plusMillis(1));

        assertThat(members()).isEmpty();
        assertThat(admit("192.0.2.2", 10)).isEqualTo(Acquisition.acquired(1));
    }

    @Test
    default void aMemberThatLeftTheWindowFreesItsPlace() {
        admit("192.0.2.1", 1);
        clock().advance(WINDOW);
        assertThat(admit("192.0.2.2", 1)).as("at the end of the window").isEqualTo(Acquisition.refused(1));

        clock().advance(Duration.ofMillis(1));
        assertThat(admit("192.0.2.2", 1)).as("just after").isEqualTo(Acquisition.acquired(1));
        assertThat(members()).containsExactly("192.0.2.2");
    }

    @Test
    default void seeingAMemberAgainRestartsItsWindow() {
        admit("192.0.2.1", 2);
        clock().advance(Duration.ofMinutes(10));
        admit("192.0.2.2", 2);
        clock().advance(Duration.ofMinutes(10));
        admit("192.0.2.1", 2);

        clock().advance(WINDOW.minusMinutes(10).plusMillis(1));

        assertThat(members()).as("192.0.2.2 left, 192.0.2.1 was seen again").containsExactly("192.0.2.1");
        assertThat(admit("192.0.2.3", 2)).isEqualTo(Acquisition.acquired(2));
    }

    @Test
    default void aRefusedMemberDoesNotRefreshAnything() {
        admit("192.0.2.1", 1);
        clock().advance(Duration.ofMinutes(30));
        admit("192.0.2.2", 1);
        clock().advance(Duration.ofMinutes(30).plusMillis(1));

        assertThat(members()).isEmpty();
    }

    @Test
    default void membersDoesNotChangeTheMembers() {
        admit("192.0.2.1", 2);
        admit("192.0.2.2", 2);

        assertThat(members()).containsExactly("192.0.2.2", "192.0.2.1");
        assertThat(members()).containsExactly("192.0.2.2", "192.0.2.1");
        assertThat(admit("192.0.2.3", 2)).isEqualTo(Acquisition.refused(2));
    }

    @Test
    default void keysAreKeptApart() {
        admit("hijack|sources|john@example.com", "192.0.2.1", 1);

        assertThat(admit("hijack|sources|jane@example.com", "192.0.2.2", 1)).isEqualTo(Acquisition.acquired(1));
        assertThat(members("hijack|sources|john@example.com")).containsExactly("192.0.2.1");
        assertThat(members("hijack|sources|jane@example.com")).containsExactly("192.0.2.2");
        assertThat(members("hijack|sources|jim@example.com")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "2001:db8::1", "192.0.2.0/24", "2001:db8:1:2::/64", "member with spaces", "a|b:c,d"})
    default void membersAreOpaqueStrings(String member) {
        admit(member, 10);
        admit(member + "0", 10);

        assertThat(members()).containsExactly(member + "0", member);
    }

    @Test
    default void aMaxBeyondAHundredIsEnforcedToo() {
        int max = 150;
        for (int i = 1; i <= max; i++) {
            assertThat(admit("10.0." + i / 256 + "." + i % 256, max)).isEqualTo(Acquisition.acquired(i));
        }

        assertThat(admit("10.1.0.0", max)).isEqualTo(Acquisition.refused(max));
        assertThat(members()).hasSize(max).startsWith("10.0.0.150").endsWith("10.0.0.1");
    }

    @Test
    default void deleteForgetsTheKey() {
        admit("192.0.2.1", 1);

        testee().delete(KEY);

        assertThat(members()).isEmpty();
        assertThat(admit("192.0.2.2", 1)).isEqualTo(Acquisition.acquired(1));
    }

    @Test
    default void deleteOfAnUnknownKeyDoesNothing() {
        testee().delete(KEY);

        assertThat(members()).isEmpty();
    }

    @Test
    default void deleteLeavesOtherKeys() {
        admit("hijack|sources|john@example.com", "192.0.2.1", 1);
        admit("hijack|sources|jane@example.com", "192.0.2.2", 1);

        testee().delete("hijack|sources|john@example.com");

        assertThat(members("hijack|sources|jane@example.com")).containsExactly("192.0.2.2");
    }

    @Test
    default void concurrentAdmissionsOfDistinctMembersAdmitExactlyTheMax() throws Exception {
        int threads = 8;
        int perThread = 50;
        int max = 100;

        List<Integer> admittedPerThread = Concurrently.run(threads, thread -> {
            int admitted = 0;
            for (int i = 0; i < perThread; i++) {
                if (admit("10." + thread + ".0." + i, max).acquired()) {
                    admitted++;
                }
            }
            return admitted;
        });

        assertThat(admittedPerThread.stream().mapToInt(Integer::intValue).sum()).isEqualTo(max);
        assertThat(members()).hasSize(max).doesNotHaveDuplicates();
    }

    @Test
    default void concurrentAdmissionsOfTheSameMembersAreAllAdmitted() throws Exception {
        List<String> shared = IntStream.range(0, 5).mapToObj(i -> "192.0.2." + i).collect(Collectors.toList());

        List<Long> refusedPerThread = Concurrently.run(8, () -> shared.stream()
            .filter(member -> !admit(member, shared.size()).acquired()).count());

        assertThat(refusedPerThread).containsOnly(0L);
        assertThat(members()).containsExactlyInAnyOrderElementsOf(shared);
    }
}
