package org.jamesguard.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jamesguard.core.hijack.FreezeRecord;
import org.jamesguard.core.testing.Concurrently;
import org.jamesguard.core.testing.FreezeRecords;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link FreezeStore} backend must do. A backend's test implements this interface:
 * <pre>{@code
 * class MemoryFreezeStoreTest implements FreezeStoreContract {
 *     private final MutableClock clock = new MutableClock();
 *     private final MemoryFreezeStore store = new MemoryFreezeStore();
 *
 *     public FreezeStore testee() { return store; }
 *     public MutableClock clock() { return clock; }
 * }
 * }</pre>
 * {@link #testee()} returns the same store throughout one test, empty at its start. The contract never
 * sleeps: records are frozen at {@code clock().instant()}, {@link FreezeStore#expired} is asked at that
 * instant, and the contract moves the clock. A freeze lasts until it is lifted: its expiry only makes it
 * due ({@link FreezeStore#expired}), so {@code find} still answers it.
 * <p>
 * "Ordered by account" means ordered by {@link FreezeRecord#account()} as a string.
 */
public interface FreezeStoreContract {
    String JOHN = "john@example.com";
    String JANE = "jane@example.com";
    String FIRST_ID = "aaaaaaaaaaaaaaaa";
    String SECOND_ID = "bbbbbbbbbbbbbbbb";

    FreezeStore testee();

    MutableClock clock();

    /** A record of {@code account} frozen now. */
    private FreezeRecords record(String account, String id) {
        return FreezeRecords.of(account).id(id).frozenAt(clock().instant());
    }

    private FreezeRecord freeze(FreezeRecords record) {
        FreezeRecord built = record.build();
        assertThat(testee().freeze(built)).as("froze %s", built).isTrue();
        return built;
    }

    private FreezeRecord freeze(String account, String id) {
        return freeze(record(account, id));
    }

    /** A record of {@code account} frozen now that is due to be lifted after {@code duration}. */
    private FreezeRecord freezeFor(String account, String id, Duration duration) {
        return freeze(record(account, id).expires(clock().instant().plus(duration)));
    }

    private List<FreezeRecord> expired() {
        return testee().expired(clock().instant());
    }

    @Test
    default void anEmptyStoreHoldsNoFreeze() {
        assertThat(testee().find(JOHN)).isEmpty();
        assertThat(testee().findById(FIRST_ID)).isEmpty();
        assertThat(testee().list()).isEmpty();
        assertThat(expired()).isEmpty();
    }

    @Test
    default void aFreezeIsFoundByAccountAndById() {
        FreezeRecord record = freeze(JOHN, FIRST_ID);

        assertThat(testee().find(JOHN)).contains(record);
        assertThat(testee().findById(FIRST_ID)).contains(record);
        assertThat(testee().list()).containsExactly(record);
    }

    @Test
    default void aSecondFreezeOfTheSameAccountIsRefusedAndTheFirstStays() {
        FreezeRecord first = freeze(JOHN, FIRST_ID);
        clock().advance(Duration.ofMinutes(5));

        assertThat(testee().freeze(record(JOHN, SECOND_ID).reason("too many refused recipients").build())).isFalse();

        assertThat(testee().find(JOHN)).contains(first);
        assertThat(testee().findById(SECOND_ID)).isEmpty();
        assertThat(testee().list()).containsExactly(first);
    }

    @Test
    default void freezingTheSameRecordTwiceFreezesOnce() {
        FreezeRecord record = freeze(JOHN, FIRST_ID);

        assertThat(testee().freeze(record)).isFalse();
        assertThat(testee().list()).containsExactly(record);
    }

    @Test
    default void accountsAreFrozenApart() {
        FreezeRecord john = freeze(JOHN, FIRST_ID);
        FreezeRecord jane = freeze(JANE, SECOND_ID);

        assertThat(testee().find(JOHN)).contains(john);
        assertThat(testee().find(JANE)).contains(jane);
        assertThat(testee().findById(FIRST_ID)).contains(john);
        assertThat(testee().findById(SECOND_ID)).contains(jane);
    }

    @Test
    default void findMatchesTheWholeAccountAndIdOnly() {
        freeze(JOHN, FIRST_ID);

        assertThat(testee().find("john@example.co")).isEmpty();
        assertThat(testee().find("ohn@example.com")).isEmpty();
        assertThat(testee().find("john@example.com.")).isEmpty();
        assertThat(testee().find("john")).isEmpty();
        assertThat(testee().findById("aaaaaaaaaaaaaaa")).isEmpty();
        assertThat(testee().findById("aaaaaaaaaaaaaaaaa")).isEmpty();
        assertThat(testee().findById(JOHN)).isEmpty();
    }

    @Test
    default void unfreezeLiftsTheFreezeAndSaysSo() {
        FreezeRecord record = freeze(JOHN, FIRST_ID);

        assertThat(testee().unfreeze(record)).isTrue();

        assertThat(testee().find(JOHN)).isEmpty();
        assertThat(testee().findById(FIRST_ID)).isEmpty();
        assertThat(testee().list()).isEmpty();
    }

    @Test
    default void unfreezeTwiceLiftsOnce() {
        FreezeRecord record = freeze(JOHN, FIRST_ID);

        assertThat(testee().unfreeze(record)).isTrue();
        assertThat(testee().unfreeze(record)).isFalse();
    }

    @Test
    default void unfreezeOfAnAccountNeverFrozenSaysNothingWasLifted() {
        assertThat(testee().unfreeze(record(JOHN, FIRST_ID).build())).isFalse();
        assertThat(testee().list()).isEmpty();
    }

    @Test
    default void unfreezeLiftsExactlyTheGivenFreezeAndANewerOneStays() {
        FreezeRecord older = freeze(JOHN, FIRST_ID);
        testee().unfreeze(older);
        clock().advance(Duration.ofHours(1));
        FreezeRecord newer = freeze(JOHN, SECOND_ID);

        assertThat(testee().unfreeze(older)).as("a late unfreeze of the older freeze").isFalse();

        assertThat(testee().find(JOHN)).contains(newer);
        assertThat(testee().findById(SECOND_ID)).contains(newer);
    }

    @Test
    default void unfreezeOfAnotherRecordOfTheSameAccountLeavesTheFreeze() {
        FreezeRecord record = freeze(JOHN, FIRST_ID);

        assertThat(testee().unfreeze(record(JOHN, SECOND_ID).build())).isFalse();

        assertThat(testee().find(JOHN)).contains(record);
    }

    @Test
    default void unfreezeLeavesOtherAccounts() {
        FreezeRecord john = freeze(JOHN, FIRST_ID);
        FreezeRecord jane = freeze(JANE, SECOND_ID);

        testee().unfreeze(john);

        assertThat(testee().find(JANE)).contains(jane);
        assertThat(testee().list()).containsExactly(jane);
    }

    @Test
    default void aLiftedAccountCanBeFrozenAgain() {
        testee().unfreeze(freeze(JOHN, FIRST_ID));
        clock().advance(Duration.ofMinutes(1));

        FreezeRecord again = freeze(JOHN, SECOND_ID);

        assertThat(testee().find(JOHN)).contains(again);
        assertThat(testee().findById(FIRST_ID)).isEmpty();
    }

    @Test
    default void listIsOrderedByAccount() {
        String[] accounts = {"zoe@example.com", "anna@example.org", "Bob@example.com", "anna@example.com", "bob@example.com"};
        for (int i = 0; i < accounts.length; i++) {
            freeze(accounts[i], "aaaaaaaaaaaaaaa" + (char) ('a' + i));
        }

        assertThat(testee().list()).extracting(FreezeRecord::account)
            .containsExactly("Bob@example.com", "anna@example.com", "anna@example.org", "bob@example.com", "zoe@example.com");
    }

    @Test
    default void listIsASnapshot() {
        FreezeRecord john = freeze(JOHN, FIRST_ID);
        List<FreezeRecord> before = testee().list();

        testee().unfreeze(john);
        freeze(JANE, SECOND_ID);

        assertThat(before).containsExactly(john);
    }

    @Test
    default void aFreezeWithoutExpiryIsNeverDue() {
        freeze(JOHN, FIRST_ID);
        clock().advance(Duration.ofDays(3650));

        assertThat(expired()).isEmpty();
    }

    @Test
    default void aFreezeIsNotDueJustBeforeItsExpiry() {
        freezeFor(JOHN, FIRST_ID, Duration.ofHours(1));
        clock().advance(Duration.ofHours(1).minusNanos(1));

        assertThat(expired()).isEmpty();
    }

    @Test
    default void aFreezeIsDueExactlyAtItsExpiryAndStaysUntilLifted() {
        FreezeRecord record = freezeFor(JOHN, FIRST_ID, Duration.ofHours(1));
        clock().advance(Duration.ofHours(1));

        assertThat(expired()).containsExactly(record);
        assertThat(testee().find(JOHN)).as("due, not lifted").contains(record);
        assertThat(testee().list()).containsExactly(record);

        clock().advance(Duration.ofDays(1));
        assertThat(expired()).as("still due a day later").containsExactly(record);
    }

    @Test
    default void aLiftedFreezeIsNoLongerDue() {
        FreezeRecord record = freezeFor(JOHN, FIRST_ID, Duration.ofHours(1));
        clock().advance(Duration.ofHours(2));

        testee().unfreeze(record);

        assertThat(expired()).isEmpty();
    }

    @Test
    default void expiredListsOnlyTheDueFreezesOrderedByAccount() {
        FreezeRecord zoe = freezeFor("zoe@example.com", "aaaaaaaaaaaaaaaa", Duration.ofMinutes(30));
        freezeFor("bob@example.com", "bbbbbbbbbbbbbbbb", Duration.ofMinutes(61));
        FreezeRecord anna = freezeFor("anna@example.com", "cccccccccccccccc", Duration.ofMinutes(60));
        freeze("carl@example.com", "dddddddddddddddd");
        clock().advance(Duration.ofMinutes(60));

        assertThat(expired()).containsExactly(anna, zoe);
    }

    @Test
    default void expiredIsAskedAtThePassedInInstant() {
        FreezeRecord record = freezeFor(JOHN, FIRST_ID, Duration.ofHours(1));
        Instant expiry = record.expires().orElseThrow();

        assertThat(testee().expired(expiry.minusNanos(1))).isEmpty();
        assertThat(testee().expired(expiry)).containsExactly(record);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sending limit reached (other IPs)", "quote \" backslash \\ ; = | , # :", "line one\nline two\r\n\ttab",
        "b\u00fccher \u4e2d\u6587 \ud83d\ude00", "{\"json\": [1, 2]}"})
    default void keepsTheReasonVerbatim(String reason) {
        FreezeRecord record = freeze(record(JOHN, FIRST_ID).reason(reason));

        assertThat(testee().find(JOHN).orElseThrow().reason()).isEqualTo(reason);
        assertThat(testee().findById(FIRST_ID)).contains(record);
    }

    @Test
    default void keepsEveryFieldOfTheRecord() {
        clock().set(Instant.parse("2026-03-04T05:06:07.123456789Z"));
        FreezeRecord record = freeze(record("J.Doe+tag@Example.com", FIRST_ID)
            .reason("too many refused recipients")
            .requiresAdministrator()
            .counts(Map.of("refused recipients within 10m", 20L, "messages from other IPs within 1h", Long.MAX_VALUE, "zero", 0L))
            .ips(List.of("198.51.100.7", "2001:db8::1", "10.0.0.2", "192.0.2.0/24"))
            .expires(Instant.parse("2026-03-11T05:06:07.123456790Z")));

        FreezeRecord found = testee().find("J.Doe+tag@Example.com").orElseThrow();

        assertThat(found).isEqualTo(record);
        assertThat(found.requiresAdministrator()).isTrue();
        assertThat(found.counts()).isEqualTo(record.counts());
        assertThat(found.ips()).containsExactly("198.51.100.7", "2001:db8::1", "10.0.0.2", "192.0.2.0/24");
        assertThat(found.frozenAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07.123456789Z"));
        assertThat(found.expires()).contains(Instant.parse("2026-03-11T05:06:07.123456790Z"));
    }

    @Test
    default void keepsARecordWithoutCountsIpsOrExpiry() {
        FreezeRecord record = freeze(record(JOHN, FIRST_ID).counts(Map.of()).ips(List.of()));

        FreezeRecord found = testee().findById(FIRST_ID).orElseThrow();

        assertThat(found).isEqualTo(record);
        assertThat(found.counts()).isEmpty();
        assertThat(found.ips()).isEmpty();
        assertThat(found.expires()).isEmpty();
        assertThat(found.requiresAdministrator()).isFalse();
    }

    @Test
    default void concurrentFreezesOfOneAccountFreezeItOnce() throws Exception {
        int threads = 8;

        List<FreezeRecord> winners = Concurrently.run(threads, thread -> {
            FreezeRecord record = record(JOHN, "aaaaaaaaaaaaaaa" + (char) ('a' + thread)).build();
            return testee().freeze(record) ? record : null;
        });

        List<FreezeRecord> frozen = testee().list();
        assertThat(winners.stream().filter(winner -> winner != null)).containsExactlyElementsOf(frozen);
        assertThat(frozen).hasSize(1);
    }

    @Test
    default void concurrentUnfreezesOfOneFreezeLiftItOnce() throws Exception {
        FreezeRecord record = freeze(JOHN, FIRST_ID);

        List<Boolean> lifted = Concurrently.run(8, () -> testee().unfreeze(record));

        assertThat(lifted).containsOnlyOnce(true);
        assertThat(testee().find(JOHN)).isEmpty();
    }
}
