package org.jamesguard.core.hijack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.Decision;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.net.EmailAddress;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.testing.Concurrently;
import org.jamesguard.core.testing.FreezeRecords;
import org.jamesguard.core.testing.HijackFixture;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.UnavailableStores;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §3 end to end through the policy, over memory stores: which accounts are watched, logins (frozen,
 * C5), MAIL of frozen sessions, message counting per IP class (C1–C4, C6, C7, C10), refused recipients
 * (C8), report-only and store failures. The server's address is {@link HijackFixture#SERVER_IP}.
 */
class HijackPolicyTest {
    private static final Instant T0 = MutableClock.DEFAULT_START;
    private static final String JOHN = "john@example.com";
    private static final String OTHER_IP = "198.51.100.7";
    private static final String PROCEED = "proceed";
    private static final String LIMIT_5XX = "550 5.7.1 Sending limit reached";
    private static final String LIMIT_4XX = "450 4.7.1 Sending limit reached, try again later";
    private static final String FROZEN_NOW = "552 5.7.1 Account frozen: sending limit reached, contact your postmaster (close)";
    private static final String FROZEN_CLIENT_ADDRESSES =
        "552 5.7.1 Account frozen: logins from too many client addresses, contact your postmaster (close)";
    private static final String FROZEN_REFUSED_RECIPIENTS =
        "552 5.7.1 Account frozen: too many refused recipients, contact your postmaster (close)";
    private static final String FROZEN_LOGIN = "535 5.7.8 Account frozen: contact your postmaster";
    private static final String FROZEN_MAIL = "550 5.7.1 Account frozen: contact your postmaster";
    private static final String TOO_MANY_ADDRESSES = "550 5.7.1 Account used from too many client addresses";
    private static final String STORE_UNAVAILABLE = "451 4.3.0 Temporary local problem, try again later";
    private static final String OTHER_LIMIT_3 = "<limits><other><max>3</max></other></limits>";
    private static final String C5_3 = "<distinctIps><mode>enforce</mode><max>3</max></distinctIps>";
    private static final String C8_3 = "<rcptFailures><mode>enforce</mode><max>3</max></rcptFailures>";
    private static final String FREEZE = "<freezeOnLimit>true</freezeOnLimit>";
    /** A window of one hour has left the count 65 minutes after an event: see SlidingWindow. */
    private static final Duration PAST_AN_HOUR = Duration.ofMinutes(65);

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);

    private HijackFixture hijack = HijackFixture.of("");
    private int sessions;

    private HijackPolicy policy() {
        return hijack.policy();
    }

    private void configure(String hijackXml) {
        hijack = HijackFixture.of(hijackXml);
    }

    /** A new SMTP session on the submission port. */
    private SessionSnapshot.Builder session(String ip) {
        return SessionSnapshot.builder(ip).sessionId("s-" + ++sessions).listener("smtp:587");
    }

    private SessionSnapshot authenticated(String ip, String account) {
        return session(ip).authUser(account).build();
    }

    private Decision login(String ip) {
        return policy().atLogin(session(ip).build(), JOHN);
    }

    private Decision send(String ip) {
        return send(ip, 1);
    }

    private Decision send(String ip, int recipients) {
        return send(JOHN, ip, recipients);
    }

    private Decision send(String account, String ip, int recipients) {
        return policy().countMessage(account, IpAddresses.parse(ip), recipients, authenticated(ip, account).auditContext());
    }

    /** Sends {@code count} messages that must all be accepted. */
    private void sendAccepted(String ip, int count) {
        for (int i = 1; i <= count; i++) {
            assertThat(send(ip)).as("message %d from %s", i, ip).hasToString(PROCEED);
        }
    }

    private Decision rcptRefused(String account) {
        return policy().atRcptRefused(authenticated(OTHER_IP, account));
    }

    private FreezeRecord frozenRecord() {
        return hijack.freezes().find(JOHN).orElseThrow();
    }

    private void freezeJohnByHand() {
        hijack.freezeStore().freeze(FreezeRecords.of(JOHN).build());
    }

    @Nested
    class Watches {
        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({
            "john@example.com,             true",
            "postmaster@example.com,       false",
            "Postmaster@Example.org,       false",
            "POSTMASTER@sub.example.net,   false",
            "postmaster,                   false",
            "postmaster2@example.com,      true",
            "john,                         true",
            "newsletters,                  false",
            "'jo hn',                      true",
            "newsletters@example.com,      false",
            "NewsLetters@example.com,      false",
            "newsletters@example.org,      true",
            "anyone@newsletters.example.com, false",
            "anyone@sub.newsletters.example.com, true",
        })
        void watchesEveryAccountButPostmastersAndExclusions(String account, boolean watched) {
            configure("<exclusions>newsletters@example.com, *@newsletters.example.com</exclusions>");

            assertThat(policy().watches(account)).isEqualTo(watched);
        }

        @ParameterizedTest
        @ValueSource(strings = {"postmaster@example.com", "newsletters@example.com"})
        void anAccountNotWatchedIsNeverLimitedNorCounted(String account) {
            configure(OTHER_LIMIT_3 + FREEZE + C8_3 + "<exclusions>newsletters@example.com</exclusions>");

            for (int i = 0; i < 10; i++) {
                assertThat(send(account, OTHER_IP, 1)).hasToString(PROCEED);
                assertThat(rcptRefused(account)).hasToString(PROCEED);
            }

            assertThat(hijack.counters().messages(account, IpClass.OTHER, hijack.config().other, T0)).isZero();
            assertThat(hijack.counters().rcptFailures(account, hijack.config().rcptFailures, T0)).isZero();
            assertThat(hijack.freezes().list()).isEmpty();
            assertThat(hijack.metrics().increments()).isEmpty();
        }
    }

    @Nested
    class AtLogin {
        @Test
        void aLoginProceedsAndItsAddressIsRecordedForTheFreezeNotice() {
            assertThat(login(OTHER_IP)).hasToString(PROCEED);

            assertThat(hijack.counters().ipsSeen(JOHN, T0)).containsExactly(OTHER_IP);
        }

        @Test
        void c5IsOffByDefault() {
            for (int i = 1; i <= 20; i++) {
                assertThat(login("192.0.2." + i)).hasToString(PROCEED);
            }
            assertThat(hijack.counters().loginSources(JOHN, hijack.config().distinctIps, T0)).isZero();
        }

        @Test
        void aFrozenAccountIsRefusedAndNothingIsCounted() {
            configure(C5_3);
            freezeJohnByHand();

            assertThat(login(OTHER_IP)).hasToString(FROZEN_LOGIN);

            assertThat(hijack.counters().loginSources(JOHN, hijack.config().distinctIps, T0)).isZero();
            assertThat(hijack.counters().ipsSeen(JOHN, T0)).isEmpty();
        }

        @Test
        void aFrozenPostmasterIsRefusedToo() {
            hijack.freezeStore().freeze(FreezeRecords.of("postmaster@example.com").build());

            assertThat(policy().atLogin(session(OTHER_IP).build(), "postmaster@example.com")).hasToString(FROZEN_LOGIN);
        }

        @Test
        void c5AdmitsUpToTheLimitOfDistinctAddressesAndRefusesTheNextOne() {
            configure(C5_3);

            assertThat(login("192.0.2.1")).hasToString(PROCEED);
            assertThat(login("192.0.2.2")).hasToString(PROCEED);
            assertThat(login("192.0.2.3")).hasToString(PROCEED);
            assertThat(login("192.0.2.4")).hasToString(TOO_MANY_ADDRESSES);
            assertThat(audit.messages()).containsExactly("check=distinct-ips verdict=reject reply=\"" + TOO_MANY_ADDRESSES
                + "\" session=s-4 ip=192.0.2.4 account=john@example.com listener=smtp:587 detail=\"3 client addresses already within 1h, limit 3\"");
        }

        @Test
        void c5AnAddressAlreadySeenKeepsWorking() {
            configure(C5_3);
            login("192.0.2.1");
            login("192.0.2.2");
            login("192.0.2.3");

            assertThat(login("192.0.2.1")).hasToString(PROCEED);
            assertThat(login("192.0.2.3")).hasToString(PROCEED);
        }

        @Test
        void c5ARefusedAddressIsNotRecorded() {
            configure(C5_3);
            login("192.0.2.1");
            login("192.0.2.2");
            login("192.0.2.3");

            login("192.0.2.4");
            login("192.0.2.4");

            assertThat(hijack.counters().loginSources(JOHN, hijack.config().distinctIps, T0)).isEqualTo(3);
            assertThat(hijack.distinctStore().members("hijack|sources|john@example.com", Duration.ofHours(1), T0))
                .containsExactly("192.0.2.3", "192.0.2.2", "192.0.2.1");
        }

        @Test
        void c5AnAddressOutOfTheWindowFreesItsPlace() {
            configure(C5_3);
            login("192.0.2.1");
            hijack.clock().advance(Duration.ofMinutes(30));
            login("192.0.2.2");
            login("192.0.2.3");

            hijack.clock().advance(Duration.ofMinutes(30).plusMillis(1));

            assertThat(login("192.0.2.4")).hasToString(PROCEED);
        }

        @Test
        void c5TheReplyClassIsConfigurable() {
            configure(C5_3 + "<reply>4xx</reply>");
            login("192.0.2.1");
            login("192.0.2.2");
            login("192.0.2.3");

            assertThat(login("192.0.2.4")).hasToString("450 4.7.1 Account used from too many client addresses, try again later");
        }

        @Test
        void c5CountsAddressesNotNetworksByDefault() {
            configure(C5_3);
            login("192.0.2.1");
            login("192.0.2.2");
            login("192.0.2.3");

            assertThat(login("192.0.2.4")).hasToString(TOO_MANY_ADDRESSES);
        }

        @Test
        void c5CanCountIpv4SlashTwentyFourAndIpv6SlashSixtyFourNetworks() {
            configure("<distinctIps><mode>enforce</mode><max>3</max><per>network</per></distinctIps>");

            assertThat(login("192.0.2.1")).hasToString(PROCEED);
            assertThat(login("192.0.2.254")).hasToString(PROCEED);
            assertThat(login("2001:db8:0:1::1")).hasToString(PROCEED);
            assertThat(login("2001:db8:0:1:ffff:ffff:ffff:ffff")).hasToString(PROCEED);
            assertThat(login("198.51.100.7")).hasToString(PROCEED);
            assertThat(login("192.0.3.1")).hasToString(TOO_MANY_ADDRESSES);
            assertThat(login("2001:db8:0:2::1")).hasToString(TOO_MANY_ADDRESSES);

            assertThat(hijack.distinctStore().members("hijack|sources|john@example.com", Duration.ofHours(1), T0))
                .containsExactly("198.51.100.0/24", "2001:db8:0:1::/64", "192.0.2.0/24");
        }

        @Test
        void c5WithFreezingTheAddressTooManyFreezesTheAccount() {
            configure(C5_3 + FREEZE);
            login("192.0.2.1");
            login("192.0.2.2");
            login("192.0.2.3");

            assertThat(login("192.0.2.4")).hasToString(FROZEN_CLIENT_ADDRESSES);

            FreezeRecord record = frozenRecord();
            assertThat(record.reason()).isEqualTo("logins from too many client addresses");
            assertThat(record.counts()).isEqualTo(Map.of("client addresses within 1h", 4L));
            assertThat(record.requiresAdministrator()).isFalse();
            assertThat(record.ips()).containsExactly("192.0.2.4", "192.0.2.3", "192.0.2.2", "192.0.2.1");
            assertThat(hijack.notifier().subjects())
                .containsExactly("[James Guard] Account john@example.com frozen: logins from too many client addresses");
            assertThat(login("192.0.2.1")).as("the next login").hasToString(FROZEN_LOGIN);
        }

        @Test
        void c5InReportOnlyModeTheLoginProceedsWithAHeaderAndNothingIsFrozen() {
            configure("<distinctIps><mode>report-only</mode><max>1</max></distinctIps>" + FREEZE);
            login("192.0.2.1");

            assertThat(login("192.0.2.2")).hasToString("proceed [X-Guard-Report-Only: distinct-ips; would-reply=\""
                + FROZEN_CLIENT_ADDRESSES.replace(" (close)", "") + "\"]");
            assertThat(hijack.freezes().list()).isEmpty();
            assertThat(hijack.notifier().sent()).isEmpty();
        }

        @Test
        void postmastersAndExclusionsAreNeverCountedForC5() {
            configure(C5_3 + "<exclusions>*@newsletters.example.com</exclusions>");

            for (int i = 1; i <= 5; i++) {
                assertThat(policy().atLogin(session("192.0.2." + i).build(), "postmaster@example.com")).hasToString(PROCEED);
                assertThat(policy().atLogin(session("192.0.2." + i).build(), "news@newsletters.example.com")).hasToString(PROCEED);
            }
            assertThat(hijack.counters().loginSources("postmaster@example.com", hijack.config().distinctIps, T0)).isZero();
        }

        @Test
        void aStoreOutageLetsTheLoginInWhenFailingOpen() {
            hijack = HijackFixture.builder().hijack(C5_3).distinctStore(UnavailableStores.distinct()).build();

            assertThat(login(OTHER_IP)).hasToString(PROCEED);
        }

        @Test
        void aStoreOutageRefusesTheLoginForNowWhenFailingClosedAndFreezesNothing() {
            hijack = HijackFixture.builder().hijack(C5_3 + FREEZE).distinctStore(UnavailableStores.distinct())
                .storeFailurePolicy(StoreFailurePolicy.FAIL_CLOSED).build();

            assertThat(login(OTHER_IP)).hasToString(STORE_UNAVAILABLE);
            assertThat(hijack.freezes().list()).isEmpty();
        }
    }

    /** Issue 12, hole 2: john logged in with his password to act for boss, who delegated to him. */
    @Nested
    class DelegatedSession {
        private static final String BOSS = "boss@example.com";

        private SessionSnapshot johnActingForBoss() {
            return session(OTHER_IP).authUser(BOSS).delegatingLogin(JOHN).build();
        }

        @Test
        void mailIsRefusedWhenTheLoginIsFrozenAfterAuth() {
            SessionSnapshot session = johnActingForBoss();
            freezeJohnByHand();

            assertThat(policy().atMail(session)).hasToString(FROZEN_MAIL);
            assertThat(audit.messages()).singleElement().asString().contains(" account=john@example.com ");
        }

        @Test
        void mailIsRefusedWhenTheAccountActedForIsFrozen() {
            SessionSnapshot session = johnActingForBoss();
            hijack.freezeStore().freeze(FreezeRecords.of(BOSS).build());

            assertThat(policy().atMail(session)).hasToString(FROZEN_MAIL);
        }

        @Test
        void aMessageCountsForBothAccounts() {
            assertThat(policy().atMessage(johnActingForBoss())).hasToString(PROCEED);

            assertThat(hijack.counters().messages(JOHN, IpClass.OTHER, hijack.config().other, T0)).isEqualTo(1);
            assertThat(hijack.counters().messages(BOSS, IpClass.OTHER, hijack.config().other, T0)).isEqualTo(1);
        }

        @Test
        void theLoginAtItsLimitRefusesTheMessageAndTheOtherAccountIsNotCounted() {
            configure(OTHER_LIMIT_3);
            sendAccepted(OTHER_IP, 3);

            assertThat(policy().atMessage(johnActingForBoss())).hasToString(LIMIT_5XX);
            assertThat(hijack.counters().messages(BOSS, IpClass.OTHER, hijack.config().other, T0)).isZero();
        }

        @Test
        void theAccountActedForAtItsLimitRefusesTheMessage() {
            configure(OTHER_LIMIT_3);
            for (int i = 1; i <= 3; i++) {
                assertThat(send(BOSS, OTHER_IP, 1)).hasToString(PROCEED);
            }

            assertThat(policy().atMessage(johnActingForBoss())).hasToString(LIMIT_5XX);
        }

        @Test
        void withFreezingTheLoginThatReachesItsLimitIsTheOneFrozen() {
            configure(OTHER_LIMIT_3 + FREEZE);
            sendAccepted(OTHER_IP, 3);

            assertThat(policy().atMessage(johnActingForBoss())).hasToString(FROZEN_NOW);
            assertThat(hijack.freezes().find(JOHN)).isPresent();
            assertThat(hijack.freezes().find(BOSS)).isEmpty();
        }

        @Test
        void refusedRecipientsCountForBothAndFreezeTheLoginAtItsLimit() {
            configure(C8_3);
            rcptRefused(JOHN);
            rcptRefused(JOHN);

            assertThat(policy().atRcptRefused(johnActingForBoss())).hasToString(FROZEN_REFUSED_RECIPIENTS);
            assertThat(hijack.freezes().find(JOHN)).isPresent();
            assertThat(hijack.counters().rcptFailures(BOSS, hijack.config().rcptFailures, T0)).isZero();
        }
    }

    @Nested
    class AtMail {
        @Test
        void anUnauthenticatedSessionProceeds() {
            freezeJohnByHand();

            assertThat(policy().atMail(session(OTHER_IP).build())).hasToString(PROCEED);
        }

        @Test
        void anAccountThatIsNotFrozenProceeds() {
            assertThat(policy().atMail(authenticated(OTHER_IP, JOHN))).hasToString(PROCEED);
        }

        @Test
        void aSessionThatLoggedInBeforeTheFreezeIsRefused() {
            SessionSnapshot session = authenticated(OTHER_IP, JOHN);
            freezeJohnByHand();

            assertThat(policy().atMail(session)).hasToString(FROZEN_MAIL);
            assertThat(audit.messages()).containsExactly("check=frozen-account verdict=reject reply=\"" + FROZEN_MAIL
                + "\" session=s-1 ip=198.51.100.7 account=john@example.com listener=smtp:587 "
                + "detail=\"john@example.com frozen at 2026-01-01T00:00:00Z (sending limit reached (other IPs))\"");
        }

        @Test
        void aFrozenPostmasterIsRefusedToo() {
            hijack.freezeStore().freeze(FreezeRecords.of("postmaster@example.com").build());

            assertThat(policy().atMail(authenticated(OTHER_IP, "postmaster@example.com"))).hasToString(FROZEN_MAIL);
        }
    }

    @Nested
    class CountMessage {
        @Test
        void messagesBelowTheLimitAreUntouchedAndTheOneOverItIsRefused() {
            configure(OTHER_LIMIT_3);

            sendAccepted(OTHER_IP, 3);

            assertThat(send(OTHER_IP)).hasToString(LIMIT_5XX);
            assertThat(send(OTHER_IP)).hasToString(LIMIT_5XX);
            assertThat(hijack.counters().messages(JOHN, IpClass.OTHER, hijack.config().other, T0)).isEqualTo(3);
            assertThat(hijack.freezes().list()).as("no freeze by default").isEmpty();
        }

        @Test
        void theRefusalIsAuditLoggedAndCounted() {
            configure(OTHER_LIMIT_3);
            sendAccepted(OTHER_IP, 3);

            send(OTHER_IP);

            assertThat(audit.messages()).containsExactly("check=send-limit verdict=reject reply=\"" + LIMIT_5XX
                + "\" session=s-4 ip=198.51.100.7 account=john@example.com listener=smtp:587 detail=\"3 messages from other IPs within 1h, limit 3\"");
            assertThat(hijack.metrics().counts()).containsExactly(
                Map.entry("jamesguard_send_limit_pass", 3L), Map.entry("jamesguard_send_limit_reject", 1L));
        }

        @Test
        void theDefaultLimitOfOtherIpsIsAHundredAnHour() {
            sendAccepted(OTHER_IP, 100);

            assertThat(send(OTHER_IP)).hasToString(LIMIT_5XX);
        }

        @Test
        void theReplyMayBeTemporary() {
            configure(OTHER_LIMIT_3 + "<reply>4xx</reply>");
            sendAccepted(OTHER_IP, 3);

            assertThat(send(OTHER_IP)).hasToString(LIMIT_4XX);
        }

        @Test
        void messagesOutOfTheWindowNoLongerCount() {
            configure(OTHER_LIMIT_3);
            sendAccepted(OTHER_IP, 3);
            assertThat(send(OTHER_IP)).hasToString(LIMIT_5XX);

            hijack.clock().advance(PAST_AN_HOUR);

            sendAccepted(OTHER_IP, 3);
        }

        @Test
        void eachIpClassHasItsOwnLimitAndCount() {
            configure("<limits><reserved><max>1</max></reserved><local><max>2</max></local><other><max>3</max></other></limits>");

            assertThat(send("127.0.0.1")).hasToString(PROCEED);
            assertThat(send("169.254.1.1")).as("reserved, second").hasToString(LIMIT_5XX);
            assertThat(send(HijackFixture.SERVER_IP)).hasToString(PROCEED);
            assertThat(send("192.168.1.5")).as("LAN counts as local").hasToString(PROCEED);
            assertThat(send("10.0.0.9")).as("local, third").hasToString(LIMIT_5XX);
            sendAccepted(OTHER_IP, 2);
            assertThat(send("2001:db8::1")).as("other, third").hasToString(PROCEED);
            assertThat(send(OTHER_IP)).as("other, fourth").hasToString(LIMIT_5XX);
        }

        @Test
        void withoutLanTheLanIsReserved() {
            configure("<limits><reserved><max>1</max></reserved><local><max>5</max><includeLan>false</includeLan></local></limits>");

            assertThat(send("192.168.1.5")).hasToString(PROCEED);
            assertThat(send("10.0.0.9")).hasToString(LIMIT_5XX);
            assertThat(send(HijackFixture.SERVER_IP)).as("the server's own address stays local").hasToString(PROCEED);
        }

        @Test
        void accountsAreCountedApart() {
            configure(OTHER_LIMIT_3);
            sendAccepted(OTHER_IP, 3);

            assertThat(send("jane@example.com", OTHER_IP, 1)).hasToString(PROCEED);
        }

        @Test
        void c10ByDefaultAMessageCountsOnceWhateverItsRecipients() {
            configure(OTHER_LIMIT_3);

            assertThat(send(OTHER_IP, 50)).hasToString(PROCEED);
            assertThat(send(OTHER_IP, 50)).hasToString(PROCEED);
            assertThat(send(OTHER_IP, 50)).hasToString(PROCEED);
            assertThat(send(OTHER_IP, 1)).hasToString(LIMIT_5XX);
        }

        @Test
        void c10CountingRecipientsAMessageCountsEachRecipient() {
            configure("<limits><other><max>10</max></other></limits><count>recipients</count>");

            assertThat(send(OTHER_IP, 4)).hasToString(PROCEED);
            assertThat(send(OTHER_IP, 4)).hasToString(PROCEED);
            assertThat(send(OTHER_IP, 4)).as("12 would pass the limit").hasToString(LIMIT_5XX);
            assertThat(send(OTHER_IP, 2)).as("exactly the limit").hasToString(PROCEED);
            assertThat(send(OTHER_IP, 1)).hasToString(LIMIT_5XX);
            assertThat(hijack.counters().messages(JOHN, IpClass.OTHER, hijack.config().other, T0)).isEqualTo(10);
        }

        @Test
        void c10AMessageWithMoreRecipientsThanTheLimitIsRefusedOnItsOwn() {
            configure("<limits><other><max>10</max></other></limits><count>recipients</count>");

            assertThat(send(OTHER_IP, 11)).hasToString(LIMIT_5XX);
            assertThat(send(OTHER_IP, 10)).hasToString(PROCEED);
        }

        @Test
        void c10AMessageWithoutRecipientsStillCountsOne() {
            configure("<limits><other><max>1</max></other></limits><count>recipients</count>");

            assertThat(send(OTHER_IP, 0)).hasToString(PROCEED);
            assertThat(send(OTHER_IP, 0)).hasToString(LIMIT_5XX);
        }

        @Test
        void atMessageCountsTheSessionsAccountClassAndRecipients() {
            configure("<limits><other><max>3</max></other></limits><count>recipients</count>");
            SessionSnapshot twoRecipients = session(OTHER_IP).authUser(JOHN)
                .recipients(List.of(EmailAddress.parse("a@example.org"), EmailAddress.parse("b@example.org"))).build();

            assertThat(policy().atMessage(twoRecipients)).hasToString(PROCEED);
            assertThat(policy().atMessage(twoRecipients)).hasToString(LIMIT_5XX);
            assertThat(hijack.counters().messages(JOHN, IpClass.OTHER, hijack.config().other, T0)).isEqualTo(2);
        }

        @Test
        void atMessageLeavesTheAddressToTheLoginThatRecordedIt() {
            assertThat(policy().atMessage(authenticated(OTHER_IP, JOHN))).hasToString(PROCEED);
            assertThat(hijack.counters().ipsSeen(JOHN, T0)).isEmpty();

            assertThat(login(OTHER_IP)).hasToString(PROCEED);
            assertThat(policy().atMessage(authenticated(OTHER_IP, JOHN))).hasToString(PROCEED);
            assertThat(hijack.counters().ipsSeen(JOHN, T0)).containsExactly(OTHER_IP);
        }

        @Test
        void atMessageOfAnUnauthenticatedSessionCountsNothing() {
            configure("<limits><other><max>1</max></other></limits>");

            for (int i = 0; i < 3; i++) {
                assertThat(policy().atMessage(session(OTHER_IP).build())).hasToString(PROCEED);
            }
            assertThat(hijack.metrics().increments()).isEmpty();
        }

        @Test
        void theAddressOfEachAcceptedMessageIsRecordedButNotThatOfARefusedOne() {
            configure("<limits><other><max>1</max></other></limits>");

            send("198.51.100.1");
            send("198.51.100.2");

            assertThat(hijack.counters().ipsSeen(JOHN, T0)).containsExactly("198.51.100.1");
        }

        @Test
        void withFreezingTheMessageOverTheLimitFreezesTheAccountAndEndsTheSession() {
            configure(OTHER_LIMIT_3 + FREEZE);
            sendAccepted(OTHER_IP, 3);

            assertThat(send(OTHER_IP)).hasToString(FROZEN_NOW);

            FreezeRecord record = frozenRecord();
            assertThat(record.reason()).isEqualTo("sending limit reached (other IPs)");
            assertThat(record.counts()).isEqualTo(Map.of("messages from other IPs within 1h", 3L));
            assertThat(record.requiresAdministrator()).isFalse();
            assertThat(record.ips()).containsExactly(OTHER_IP);
            assertThat(record.frozenAt()).isEqualTo(T0);
            assertThat(hijack.notifier().subjects())
                .containsExactly("[James Guard] Account john@example.com frozen: sending limit reached (other IPs)");
            assertThat(audit.messages()).containsExactly(
                "check=send-limit verdict=reject reply=\"" + FROZEN_NOW.replace(" (close)", "") + "\" session=s-4 ip=198.51.100.7 "
                    + "account=john@example.com listener=smtp:587 detail=\"3 messages from other IPs within 1h, limit 3\"",
                "event=freeze session=s-4 ip=198.51.100.7 account=john@example.com listener=smtp:587 "
                    + "detail=\"john@example.com frozen at 2026-01-01T00:00:00Z (sending limit reached (other IPs))\"");
        }

        @Test
        void theFreezeRecordNamesTheClassAndWindowOfTheLimitReached() {
            configure("<limits><reserved><max>2</max><window>2h</window></reserved></limits>" + FREEZE);
            send("127.0.0.1");
            send("127.0.0.1");

            send("127.0.0.1");

            FreezeRecord record = frozenRecord();
            assertThat(record.reason()).isEqualTo("sending limit reached (reserved IPs)");
            assertThat(record.counts()).isEqualTo(Map.of("messages from reserved IPs within 2h", 2L));
        }

        @Test
        void aFrozenAccountIsFrozenOnceWhateverFollows() {
            configure(OTHER_LIMIT_3 + FREEZE);
            sendAccepted(OTHER_IP, 3);
            send(OTHER_IP);

            assertThat(send(OTHER_IP)).hasToString(FROZEN_NOW);
            assertThat(policy().atMail(authenticated(OTHER_IP, JOHN))).hasToString(FROZEN_MAIL);
            assertThat(hijack.notifier().sent()).hasSize(1);
        }

        @Test
        void afterAnUnfreezeTheAccountStartsAfresh() {
            configure(OTHER_LIMIT_3 + FREEZE);
            sendAccepted(OTHER_IP, 3);
            send(OTHER_IP);

            hijack.freezes().unfreeze(JOHN, "admin", AuditContext.forAccount(JOHN));

            sendAccepted(OTHER_IP, 3);
        }

        @Test
        void inReportOnlyModeTheMessageProceedsWithAHeaderAndNothingIsFrozen() {
            configure("<limits><mode>report-only</mode><other><max>1</max></other></limits>" + FREEZE);
            send(OTHER_IP);

            assertThat(send(OTHER_IP)).hasToString("proceed [X-Guard-Report-Only: send-limit; would-reply=\""
                + FROZEN_NOW.replace(" (close)", "") + "\"]");
            assertThat(hijack.freezes().list()).isEmpty();
            assertThat(hijack.notifier().sent()).isEmpty();
        }

        @Test
        void inGlobalReportOnlyModeNothingIsFrozen() {
            hijack = HijackFixture.builder().hijack("<limits><other><max>1</max></other></limits>" + FREEZE).globalReportOnly(true).build();
            send(OTHER_IP);

            assertThat(send(OTHER_IP).refuses()).isFalse();
            assertThat(hijack.freezes().list()).isEmpty();
        }

        @Test
        void withLimitsOffNothingIsCounted() {
            configure("<limits><mode>off</mode><other><max>1</max></other></limits>");

            sendAccepted(OTHER_IP, 5);

            assertThat(hijack.counters().messages(JOHN, IpClass.OTHER, hijack.config().other, T0)).isZero();
        }

        @Test
        void aStoreOutageLetsTheMessageThroughWhenFailingOpen() {
            hijack = HijackFixture.builder().hijack(OTHER_LIMIT_3 + FREEZE)
                .counterStore(UnavailableStores.counters()).distinctStore(UnavailableStores.distinct()).build();

            assertThat(send(OTHER_IP)).hasToString(PROCEED);
            assertThat(hijack.metrics().increments()).containsExactly("jamesguard_send_limit_store_failure");
        }

        @Test
        void aStoreOutageRefusesTheMessageForNowWhenFailingClosedAndFreezesNothing() {
            hijack = HijackFixture.builder().hijack(OTHER_LIMIT_3 + FREEZE).counterStore(UnavailableStores.counters())
                .storeFailurePolicy(StoreFailurePolicy.FAIL_CLOSED).build();

            assertThat(send(OTHER_IP)).hasToString(STORE_UNAVAILABLE);
            assertThat(hijack.freezes().list()).isEmpty();
            assertThat(hijack.notifier().sent()).isEmpty();
        }

        @Test
        void concurrentMessagesOfOneAccountAreCountedExactly() throws Exception {
            configure("<limits><other><max>100</max></other></limits>");

            List<Long> acceptedPerThread = Concurrently.run(8, () -> IntStream.range(0, 50)
                .filter(i -> !send(OTHER_IP).refuses()).count());

            assertThat(acceptedPerThread.stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
            assertThat(hijack.counters().messages(JOHN, IpClass.OTHER, hijack.config().other, T0)).isEqualTo(100);
        }

        @Test
        void concurrentMessagesPastTheLimitFreezeOnce() throws Exception {
            configure(OTHER_LIMIT_3 + FREEZE);

            List<String> replies = Concurrently.run(8, () -> send(OTHER_IP).toString());

            assertThat(replies.stream().filter(PROCEED::equals).count()).isEqualTo(3);
            assertThat(replies.stream().filter(reply -> !reply.equals(PROCEED)).collect(Collectors.toSet())).containsExactly(FROZEN_NOW);
            assertThat(hijack.freezes().list()).hasSize(1);
            assertThat(hijack.notifier().sent()).hasSize(1);
        }
    }

    @Nested
    class AtRcptRefused {
        @Test
        void c8IsOffByDefault() {
            for (int i = 0; i < 30; i++) {
                assertThat(rcptRefused(JOHN)).hasToString(PROCEED);
            }
            assertThat(hijack.counters().rcptFailures(JOHN, hijack.config().rcptFailures, T0)).isZero();
        }

        @Test
        void theRefusalThatReachesTheLimitFreezesTheAccountForAnAdministrator() {
            configure(C8_3);

            assertThat(rcptRefused(JOHN)).hasToString(PROCEED);
            assertThat(rcptRefused(JOHN)).hasToString(PROCEED);
            assertThat(rcptRefused(JOHN)).hasToString(FROZEN_REFUSED_RECIPIENTS);

            FreezeRecord record = frozenRecord();
            assertThat(record.reason()).isEqualTo("too many refused recipients");
            assertThat(record.requiresAdministrator()).isTrue();
            assertThat(record.counts()).isEqualTo(Map.of("refused recipients within 10m", 3L));
            assertThat(hijack.notifier().last().text()).contains("This freeze needs an administrator");
        }

        @Test
        void c8FreezesWhateverFreezeOnLimitSays() {
            configure(C8_3 + "<freezeOnLimit>false</freezeOnLimit><reply>4xx</reply>");
            rcptRefused(JOHN);
            rcptRefused(JOHN);

            assertThat(rcptRefused(JOHN)).hasToString(FROZEN_REFUSED_RECIPIENTS);
            assertThat(hijack.freezes().find(JOHN)).isPresent();
        }

        @Test
        void refusalsOutOfTheWindowNoLongerCount() {
            configure(C8_3);
            rcptRefused(JOHN);
            rcptRefused(JOHN);

            hijack.clock().advance(Duration.ofMinutes(11));

            assertThat(rcptRefused(JOHN)).hasToString(PROCEED);
            assertThat(rcptRefused(JOHN)).hasToString(PROCEED);
            assertThat(rcptRefused(JOHN)).hasToString(FROZEN_REFUSED_RECIPIENTS);
        }

        @Test
        void anUnauthenticatedSessionIsNotCounted() {
            configure(C8_3);

            for (int i = 0; i < 5; i++) {
                assertThat(policy().atRcptRefused(session(OTHER_IP).build())).hasToString(PROCEED);
            }
            assertThat(hijack.metrics().increments()).isEmpty();
        }

        @Test
        void postmastersAreNeverCounted() {
            configure(C8_3);

            for (int i = 0; i < 5; i++) {
                assertThat(rcptRefused("postmaster@example.com")).hasToString(PROCEED);
            }
            assertThat(hijack.freezes().list()).isEmpty();
        }

        @Test
        void inReportOnlyModeNothingIsFrozen() {
            configure("<rcptFailures><mode>report-only</mode><max>1</max></rcptFailures>");

            assertThat(rcptRefused(JOHN)).hasToString("proceed [X-Guard-Report-Only: rcpt-failures; would-reply=\""
                + FROZEN_REFUSED_RECIPIENTS.replace(" (close)", "") + "\"]");
            assertThat(hijack.freezes().list()).isEmpty();
        }

        @Test
        void aStoreOutageRefusesForNowWhenFailingClosedAndFreezesNothing() {
            hijack = HijackFixture.builder().hijack(C8_3).counterStore(UnavailableStores.counters())
                .storeFailurePolicy(StoreFailurePolicy.FAIL_CLOSED).build();

            assertThat(rcptRefused(JOHN)).hasToString(STORE_UNAVAILABLE);
            assertThat(hijack.freezes().list()).isEmpty();
            assertThat(hijack.notifier().sent()).isEmpty();
        }

        @Test
        void aStoreOutageChangesNothingWhenFailingOpen() {
            hijack = HijackFixture.builder().hijack(C8_3).counterStore(UnavailableStores.counters()).build();

            assertThat(rcptRefused(JOHN)).hasToString(PROCEED);
        }
    }
}
