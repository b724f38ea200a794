package org.jamesguard.core.hijack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.hijack.FreezeNotifier.FreezeNotice;
import org.jamesguard.core.net.EmailAddress;
import org.jamesguard.core.store.TokenStore;
import org.jamesguard.core.testing.HijackFixture;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.UnavailableStores;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC C7, C8: freezing, the postmaster notice and its token, unfreezing by WebAdmin, expiry and reply. */
class FreezeServiceTest {
    private static final Instant T0 = MutableClock.DEFAULT_START;
    private static final String JOHN = "john@example.com";
    private static final String JANE = "jane@example.com";
    private static final String REASON = "sending limit reached (other IPs)";
    private static final Map<String, Long> COUNTS = Map.of("messages from other IPs within 1h", 100L);
    private static final AuditContext SESSION = AuditContext.of("s-1", "198.51.100.7", JOHN, "smtp:587");
    private static final String FROZEN_JOHN = "john@example.com frozen at 2026-01-01T00:00:00Z (" + REASON + ")";
    private static final HijackConfig.Limit HOUR = new HijackConfig.Limit(1000, Duration.ofHours(1));

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);

    private HijackFixture hijack = HijackFixture.of("");

    private FreezeService service() {
        return hijack.freezes();
    }

    private Optional<FreezeRecord> freeze(String account) {
        return service().freeze(account, REASON, false, COUNTS, SESSION);
    }

    private FreezeRecord frozen(String account) {
        return freeze(account).orElseThrow();
    }

    private static AuditContext replyFrom(String submitter) {
        return AuditContext.of("s-9", "192.0.2.50", submitter, "smtp:587");
    }

    private Optional<String> reply(String token, String submitter) {
        return service().unfreezeByReply(token, Optional.of(submitter), replyFrom(submitter));
    }

    /** Uses every counter the account has, so a reset can be seen. */
    private void countEverything(String account) {
        Instant now = hijack.clock().instant();
        HijackCounters counters = hijack.counters();
        for (IpClass ipClass : IpClass.values()) {
            counters.acquireMessages(account, ipClass, 3, HOUR, now);
        }
        counters.countRcptFailure(account, HOUR, now);
        counters.admitLoginSource(account, "198.51.100.7", HOUR, now);
        counters.recordIp(account, "198.51.100.7", now);
    }

    /** Every counter of the account, by key, at the clock's time. */
    private Map<String, Object> countersOf(String account) {
        Instant now = hijack.clock().instant();
        HijackCounters counters = hijack.counters();
        return Map.of(
            "local", counters.messages(account, IpClass.LOCAL, HOUR, now),
            "reserved", counters.messages(account, IpClass.RESERVED, HOUR, now),
            "other", counters.messages(account, IpClass.OTHER, HOUR, now),
            "rcpt-fail", counters.rcptFailures(account, HOUR, now),
            "sources", (long) counters.loginSources(account, HOUR, now),
            "ips", counters.ipsSeen(account, now));
    }

    private static Map<String, Object> counted() {
        return Map.of("local", 3L, "reserved", 3L, "other", 3L, "rcpt-fail", 1L, "sources", 1L, "ips", List.of("198.51.100.7"));
    }

    private static Map<String, Object> zero() {
        return Map.of("local", 0L, "reserved", 0L, "other", 0L, "rcpt-fail", 0L, "sources", 0L, "ips", List.of());
    }

    @Nested
    class Freezing {
        @Test
        void aNoticeThatCannotBeSentUndoesNothing() {
            FreezeService unmailable = new FreezeService(hijack.freezeStore(), hijack.tokenStore(), hijack.counters(),
                hijack.tokens(), notice -> {
                    throw new IllegalStateException("the spool is full");
                }, hijack.config(), HijackFixture.ADDRESSES, hijack.clock());

            assertThat(unmailable.freeze(JOHN, "sending limit reached (other IPs)", false, Map.of(), SESSION)).isPresent();
            assertThat(unmailable.find(JOHN)).isPresent();
            assertThat(unmailable.unfreeze(JOHN, "an administrator", SESSION)).isPresent();
            assertThat(unmailable.find(JOHN)).isEmpty();
        }

        @Test
        void aPlainAccountNameIsFrozenWithANoticeToThePostmasterOfTheDefaultDomain() {
            FreezeRecord record = hijack.freezes().freeze("john", "frozen by an administrator", true, Map.of(), SESSION).orElseThrow();

            assertThat(hijack.freezes().find("john")).isPresent();
            assertThat(hijack.notifier().last().to()).isEqualTo(EmailAddress.parse("postmaster@example.com"));
            assertThat(hijack.notifier().last().replyTo())
                .isEqualTo(EmailAddress.of(hijack.tokens().localPart(record, T0.plus(Duration.ofDays(7))), "example.com"));
            assertThat(hijack.notifier().last().subject()).isEqualTo("[James Guard] Account john frozen: frozen by an administrator");
        }

        @Test
        void aFreezeIsStoredWithTheIpsSeenAndTheTime() {
            hijack.counters().recordIp(JOHN, "198.51.100.7", T0.minus(Duration.ofHours(2)));
            hijack.counters().recordIp(JOHN, "2001:db8::1", T0.minus(Duration.ofHours(1)));

            FreezeRecord record = frozen(JOHN);

            assertThat(record.account()).isEqualTo(JOHN);
            assertThat(record.id()).matches("[a-z2-7]{16}");
            assertThat(record.reason()).isEqualTo(REASON);
            assertThat(record.requiresAdministrator()).isFalse();
            assertThat(record.counts()).isEqualTo(COUNTS);
            assertThat(record.ips()).containsExactly("2001:db8::1", "198.51.100.7");
            assertThat(record.frozenAt()).isEqualTo(T0);
            assertThat(record.expires()).isEmpty();
            assertThat(service().find(JOHN)).contains(record);
            assertThat(service().list()).containsExactly(record);
        }

        @Test
        void theNoticeGoesToThePostmasterOfTheAccountsDomainWithTheTokenInReplyTo() {
            hijack.counters().recordIp(JOHN, "198.51.100.7", T0.minus(Duration.ofHours(2)));
            hijack.counters().recordIp(JOHN, "2001:db8::1", T0.minus(Duration.ofHours(1)));
            FreezeRecord record = frozen(JOHN);

            FreezeNotice notice = hijack.notifier().last();
            String token = hijack.tokens().localPart(record, T0.plus(Duration.ofDays(7)));

            assertThat(hijack.notifier().sent()).hasSize(1);
            assertThat(notice.to()).isEqualTo(EmailAddress.parse("postmaster@example.com"));
            assertThat(notice.replyTo()).isEqualTo(EmailAddress.of(token, "example.com"));
            assertThat(notice.subject()).isEqualTo("[James Guard] Account john@example.com frozen: sending limit reached (other IPs)");
            assertThat(notice.text()).isEqualTo("James Guard froze the account john@example.com at 2026-01-01T00:00:00Z.\n"
                + "\n"
                + "Reason: sending limit reached (other IPs)\n"
                + "\n"
                + "Counts:\n"
                + "  messages from other IPs within 1h: 100\n"
                + "\n"
                + "Client IPs seen in the last 24 hours:\n"
                + "  2001:db8::1\n"
                + "  198.51.100.7\n"
                + "\n"
                + "While frozen the account cannot log in over SMTP, IMAP, POP3 or JMAP; mail to it is still delivered.\n"
                + "\n"
                + "If this was the account's owner, unfreeze it by replying to this message from an authenticated postmaster or administrator account\n"
                + "(the reply goes to " + token + "@example.com, valid until 2026-01-08T00:00:00Z, once),\n"
                + "or over WebAdmin: DELETE /guard/frozen/john@example.com\n");
        }

        @Test
        void theNoticeListsOnlyTheIpsOfTheLast24Hours() {
            hijack.counters().recordIp(JOHN, "192.0.2.1", T0.minus(Duration.ofHours(24)).minusMillis(1));
            hijack.counters().recordIp(JOHN, "192.0.2.2", T0.minus(Duration.ofHours(24)));

            assertThat(frozen(JOHN).ips()).containsExactly("192.0.2.2");
            assertThat(hijack.notifier().last().text()).contains("Client IPs seen in the last 24 hours:\n  192.0.2.2\n\n");
        }

        @Test
        void aNoticeWithoutIpsSaysNoneWereRecorded() {
            frozen(JOHN);

            assertThat(hijack.notifier().last().text()).contains("Client IPs seen in the last 24 hours:\n  (none recorded)\n\n");
        }

        @Test
        void theNoticeListsEveryCount() {
            service().freeze(JOHN, "logins from too many client addresses", false,
                Map.of("client addresses within 1h", 11L), SESSION);

            assertThat(hijack.notifier().last().text()).contains("Reason: logins from too many client addresses\n\n"
                + "Counts:\n  client addresses within 1h: 11\n\n");
        }

        @Test
        void aFreezeThatNeedsAnAdministratorSaysSo() {
            service().freeze(JOHN, "too many refused recipients", true, Map.of("refused recipients within 10m", 20L), SESSION);

            FreezeNotice notice = hijack.notifier().last();
            assertThat(notice.subject()).isEqualTo("[James Guard] Account john@example.com frozen: too many refused recipients");
            assertThat(notice.text())
                .contains("\nThis freeze needs an administrator: check the account (its password is probably known to someone else),\n"
                    + "then unfreeze it by replying to this message from an authenticated postmaster or administrator account\n")
                .doesNotContain("If this was the account's owner");
            assertThat(service().find(JOHN).orElseThrow().requiresAdministrator()).isTrue();
        }

        @Test
        void anOrdinaryFreezeDoesNotAskForAnAdministrator() {
            frozen(JOHN);

            assertThat(hijack.notifier().last().text()).doesNotContain("needs an administrator");
        }

        @Test
        void aSecondFreezeKeepsTheFirstAndSendsNothing() {
            FreezeRecord first = frozen(JOHN);
            hijack.clock().advance(Duration.ofMinutes(5));

            assertThat(service().freeze(JOHN, "too many refused recipients", true, Map.of(), SESSION)).isEmpty();

            assertThat(service().find(JOHN)).contains(first);
            assertThat(hijack.notifier().sent()).hasSize(1);
            assertThat(audit.messages()).hasSize(1);
        }

        @Test
        void eachAccountIsFrozenApart() {
            FreezeRecord john = frozen(JOHN);
            FreezeRecord jane = frozen(JANE);

            assertThat(john.id()).isNotEqualTo(jane.id());
            assertThat(service().list()).containsExactly(jane, john);
            assertThat(hijack.notifier().subjects()).containsExactly(
                "[James Guard] Account john@example.com frozen: " + REASON, "[James Guard] Account jane@example.com frozen: " + REASON);
        }

        @Test
        void theFreezeIsAuditLogged() {
            frozen(JOHN);

            assertThat(audit.messages()).containsExactly(
                "event=freeze session=s-1 ip=198.51.100.7 account=john@example.com listener=smtp:587 detail=\"" + FROZEN_JOHN + "\"");
        }

        @Test
        void withAFreezeExpiryTheRecordAndTheNoticeSayWhenItLifts() {
            hijack = HijackFixture.of("<freezeExpiry>12h</freezeExpiry>");

            FreezeRecord record = frozen(JOHN);

            assertThat(record.expires()).contains(Instant.parse("2026-01-01T12:00:00Z"));
            assertThat(hijack.notifier().last().text())
                .endsWith("or over WebAdmin: DELETE /guard/frozen/john@example.com\n\nThe freeze lifts itself at 2026-01-01T12:00:00Z.\n");
            assertThat(audit.messages()).containsExactly("event=freeze session=s-1 ip=198.51.100.7 account=john@example.com "
                + "listener=smtp:587 detail=\"" + FROZEN_JOHN + " until 2026-01-01T12:00:00Z\"");
        }

        @Test
        void theNoticeGoesToTheConfiguredAddressAndTheTokenStaysInTheAccountsDomain() {
            hijack = HijackFixture.of("<notice><to>security@example.org</to></notice>");

            frozen(JOHN);

            assertThat(hijack.notifier().last().to()).isEqualTo(EmailAddress.parse("security@example.org"));
            assertThat(hijack.notifier().last().replyTo().domain()).isEqualTo("example.com");
        }

        @Test
        void theTokenIsValidForTheConfiguredTime() {
            hijack = HijackFixture.of("<notice><tokenValidity>2d</tokenValidity></notice>");

            FreezeRecord record = frozen(JOHN);

            assertThat(hijack.lastToken()).isEqualTo(hijack.tokens().localPart(record, T0.plus(Duration.ofDays(2))));
            assertThat(hijack.notifier().last().text()).contains(", valid until 2026-01-03T00:00:00Z, once),\n");
        }
    }

    @Nested
    class Unfreezing {
        @Test
        void anUnfreezeLiftsTheFreezeAndConfirmsIt() {
            FreezeRecord record = frozen(JOHN);
            hijack.notifier().clear();

            assertThat(service().unfreeze(JOHN, "an administrator over WebAdmin", AuditContext.forAccount(JOHN))).contains(record);

            assertThat(service().find(JOHN)).isEmpty();
            assertThat(service().list()).isEmpty();
            FreezeNotice confirmation = hijack.notifier().last();
            assertThat(confirmation.to()).isEqualTo(EmailAddress.parse("postmaster@example.com"));
            assertThat(confirmation.replyTo()).isNull();
            assertThat(confirmation.subject()).isEqualTo("[James Guard] Account john@example.com unfrozen");
            assertThat(confirmation.text()).isEqualTo("The account john@example.com was unfrozen by an administrator over WebAdmin.\n"
                + "It had been frozen at 2026-01-01T00:00:00Z (sending limit reached (other IPs)).\n"
                + "Its counters start again from zero.\n");
        }

        @Test
        void anUnfreezeWhoseCountersCannotBeResetStillLiftsAndConfirms() {
            hijack = HijackFixture.builder().counterStore(UnavailableStores.counters()).build();
            FreezeRecord record = frozen(JOHN);
            hijack.notifier().clear();

            assertThat(service().unfreeze(JOHN, "an administrator over WebAdmin", AuditContext.forAccount(JOHN))).contains(record);

            assertThat(service().find(JOHN)).isEmpty();
            assertThat(hijack.notifier().last().subject()).isEqualTo("[James Guard] Account john@example.com unfrozen");
        }

        @Test
        void anUnfreezeResetsEveryCounterOfTheAccount() {
            countEverything(JOHN);
            frozen(JOHN);
            assertThat(countersOf(JOHN)).isEqualTo(counted());

            service().unfreeze(JOHN, "admin", AuditContext.forAccount(JOHN));

            assertThat(countersOf(JOHN)).isEqualTo(zero());
        }

        @Test
        void anUnfreezeLeavesTheCountersOfOtherAccounts() {
            countEverything(JOHN);
            countEverything(JANE);
            frozen(JOHN);

            service().unfreeze(JOHN, "admin", AuditContext.forAccount(JOHN));

            assertThat(countersOf(JANE)).isEqualTo(counted());
        }

        @Test
        void theUnfreezeIsAuditLogged() {
            frozen(JOHN);
            audit.clear();

            service().unfreeze(JOHN, "an administrator over WebAdmin", AuditContext.forAccount(JOHN));

            assertThat(audit.messages()).containsExactly("event=unfreeze session=- ip=- account=john@example.com listener=- detail=\""
                + FROZEN_JOHN + ", unfrozen by an administrator over WebAdmin\"");
        }

        @Test
        void unfreezingAnAccountThatIsNotFrozenDoesNothing() {
            countEverything(JOHN);

            assertThat(service().unfreeze(JOHN, "admin", AuditContext.forAccount(JOHN))).isEmpty();

            assertThat(hijack.notifier().sent()).isEmpty();
            assertThat(audit.messages()).isEmpty();
            assertThat(countersOf(JOHN)).as("counters are reset only by lifting a freeze").isEqualTo(counted());
        }

        @Test
        void unfreezingTwiceConfirmsOnce() {
            frozen(JOHN);

            service().unfreeze(JOHN, "admin", AuditContext.forAccount(JOHN));
            assertThat(service().unfreeze(JOHN, "admin", AuditContext.forAccount(JOHN))).isEmpty();

            assertThat(hijack.notifier().subjects()).containsExactly(
                "[James Guard] Account john@example.com frozen: " + REASON, "[James Guard] Account john@example.com unfrozen");
        }

        @Test
        void anUnfrozenAccountCanBeFrozenAgainWithANewId() {
            FreezeRecord first = frozen(JOHN);
            service().unfreeze(JOHN, "admin", AuditContext.forAccount(JOHN));

            FreezeRecord second = frozen(JOHN);

            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(service().find(JOHN)).contains(second);
        }
    }

    @Nested
    class Expiry {
        @Test
        void withoutAFreezeExpiryNothingIsEverLifted() {
            frozen(JOHN);
            hijack.clock().advance(Duration.ofDays(3650));

            service().liftExpired();

            assertThat(service().find(JOHN)).isPresent();
        }

        @Test
        void liftExpiredLiftsOnlyTheFreezesThatAreDueAndEachOnce() {
            hijack = HijackFixture.of("<freezeExpiry>12h</freezeExpiry>");
            FreezeRecord john = frozen(JOHN);
            hijack.clock().advance(Duration.ofHours(1));
            FreezeRecord jane = frozen(JANE);
            hijack.clock().advance(Duration.ofHours(11).minusNanos(1));
            hijack.notifier().clear();

            service().liftExpired();
            assertThat(service().list()).as("just before john's expiry").containsExactly(jane, john);

            hijack.clock().advance(Duration.ofNanos(1));
            service().liftExpired();
            service().liftExpired();
            assertThat(service().list()).as("at john's expiry").containsExactly(jane);
            assertThat(hijack.notifier().subjects()).containsExactly("[James Guard] Account john@example.com unfrozen");

            hijack.clock().advance(Duration.ofHours(1));
            service().liftExpired();
            assertThat(service().list()).isEmpty();
            assertThat(hijack.notifier().subjects())
                .containsExactly("[James Guard] Account john@example.com unfrozen", "[James Guard] Account jane@example.com unfrozen");
        }

        @Test
        void anExpiryLiftsLikeAnUnfreeze() {
            hijack = HijackFixture.of("<freezeExpiry>12h</freezeExpiry>");
            countEverything(JOHN);
            frozen(JOHN);
            audit.clear();
            hijack.clock().advance(Duration.ofHours(12));

            service().liftExpired();

            assertThat(countersOf(JOHN)).isEqualTo(zero());
            assertThat(hijack.notifier().last().text()).startsWith("The account john@example.com was unfrozen by its expiry.\n");
            assertThat(audit.messages()).containsExactly("event=unfreeze session=- ip=- account=john@example.com listener=- detail=\""
                + FROZEN_JOHN + " until 2026-01-01T12:00:00Z, unfrozen by its expiry\"");
        }
    }

    @Nested
    class UnfreezeByReply {
        private String token;

        private void freezeJohn() {
            frozen(JOHN);
            token = hijack.lastToken();
            hijack.notifier().clear();
            audit.clear();
        }

        /** The postmaster's reply with {@code replyToken} is refused for {@code reason}, logged, and changes nothing. */
        private void assertRefused(String replyToken, String reason) {
            assertThat(reply(replyToken, "postmaster@example.com")).contains(reason);
            assertStillFrozen();
            assertThat(audit.messages()).last().isEqualTo("event=unfreeze-refused session=s-9 ip=192.0.2.50 "
                + "account=postmaster@example.com listener=smtp:587 detail=\"" + reason + "\"");
        }

        private void assertUnfreezes(String replyToken, String submitter) {
            assertThat(reply(replyToken, submitter)).isEmpty();
            assertThat(service().find(JOHN)).isEmpty();
        }

        private void assertStillFrozen() {
            assertThat(service().find(JOHN)).isPresent();
            assertThat(hijack.notifier().sent()).isEmpty();
        }

        @Test
        void aReplyFromThePostmasterOfTheAccountsDomainUnfreezes() {
            freezeJohn();
            countEverything(JOHN);

            assertThat(reply(token, "postmaster@example.com")).isEmpty();

            assertThat(service().find(JOHN)).isEmpty();
            assertThat(countersOf(JOHN)).isEqualTo(zero());
            assertThat(hijack.notifier().last().text())
                .startsWith("The account john@example.com was unfrozen by postmaster@example.com (reply to the notice).\n");
            assertThat(audit.messages()).containsExactly("event=unfreeze session=s-9 ip=192.0.2.50 account=postmaster@example.com "
                + "listener=smtp:587 detail=\"" + FROZEN_JOHN + ", unfrozen by postmaster@example.com (reply to the notice)\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Postmaster@Example.COM", "POSTMASTER@example.com"})
        void thePostmasterIsRecognisedWhateverTheCase(String postmaster) {
            freezeJohn();

            assertUnfreezes(token, postmaster);
        }

        @Test
        void aPlainAccountNameIsUnfrozenByThePlainNamePostmaster() {
            FreezeRecord record = hijack.freezes().freeze("john", "sending limit reached (other IPs)", false, Map.of(), SESSION)
                .orElseThrow();
            String plainToken = hijack.tokens().localPart(record, T0.plus(Duration.ofDays(7)));

            assertThat(reply(plainToken, "jane")).contains("jane@example.com is neither postmaster@example.com nor an administrator");
            assertThat(reply(plainToken, "postmaster")).isEmpty();
            assertThat(hijack.freezes().find("john")).isEmpty();
        }

        @Test
        void theTokenIsReadWhateverTheCase() {
            freezeJohn();

            assertUnfreezes(token.toUpperCase(Locale.ROOT), "postmaster@example.com");
        }

        @ParameterizedTest
        @ValueSource(strings = {"admin@example.net", "boss@it.example.org", "anyone@admins.example.com"})
        void aReplyFromAConfiguredAdministratorUnfreezes(String admin) {
            hijack = HijackFixture.of("<notice><admins>admin@example.net, *@*.example.org, *@admins.example.com</admins></notice>");
            freezeJohn();

            assertUnfreezes(token, admin);
        }

        @Test
        void anUnauthenticatedReplyIsRefused() {
            freezeJohn();

            Optional<String> refusal = service().unfreezeByReply(token, Optional.empty(), AuditContext.of("s-9", "192.0.2.50", null, "smtp:25"));

            assertThat(refusal).contains("unauthenticated reply to " + UnfreezeTokens.forLog(token));
            assertStillFrozen();
            assertThat(audit.messages()).containsExactly(
                "event=unfreeze-refused session=s-9 ip=192.0.2.50 account=- listener=smtp:25 detail=\"unauthenticated reply to " + UnfreezeTokens.forLog(token) + "\"");
            assertThat(audit.messages()).as("the token is never logged whole").noneMatch(line -> line.contains(token));
        }

        @ParameterizedTest
        @ValueSource(strings = {"jane@example.com", "john@example.com", "postmaster@example.org", "postmaster@sub.example.com",
            "postmaster2@example.com"})
        void aReplyFromAnyoneButThePostmasterOrAnAdministratorIsRefused(String submitter) {
            hijack = HijackFixture.of("<notice><admins>admin@example.net</admins></notice>");
            freezeJohn();

            assertThat(reply(token, submitter)).contains(submitter + " is neither postmaster@example.com nor an administrator");

            assertStillFrozen();
            assertThat(audit.messages()).containsExactly("event=unfreeze-refused session=s-9 ip=192.0.2.50 account=" + submitter
                + " listener=smtp:587 detail=\"" + submitter + " is neither postmaster@example.com nor an administrator\"");
        }

        @Test
        void aReplyWhileTheStoreIsDownIsRefusedAndCanBeSentAgain() {
            TokenStore working = hijack.tokenStore();
            hijack = HijackFixture.builder().tokenStore(UnavailableStores.tokens()).freezeStore(hijack.freezeStore()).build();
            freezeJohn();

            assertRefused(token, "the state store is unavailable (" + UnavailableStores.MESSAGE + "): send the reply again later");

            hijack = HijackFixture.builder().tokenStore(working).freezeStore(hijack.freezeStore()).build();
            assertUnfreezes(token, "postmaster@example.com");
        }

        @Test
        void aRefusedReplyDoesNotSpendTheToken() {
            freezeJohn();
            reply(token, "jane@example.com");

            assertThat(reply(token, "postmaster@example.com")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"unfreeze-", "unfreeze-abc", "unfreeze-abcdefghijklmnop-t9h2kg-abcdefghijklmnopqrstuvwxyz"})
        void aTokenNamingNoFreezeIsRefused(String forged) {
            freezeJohn();

            assertRefused(forged, "no freeze for token " + UnfreezeTokens.forLog(forged) + " (already lifted, or forged)");
        }

        @Test
        void theTokenOfALiftedFreezeIsRefused() {
            freezeJohn();
            service().unfreeze(JOHN, "admin", AuditContext.forAccount(JOHN));
            frozen(JOHN);
            hijack.notifier().clear();

            assertRefused(token, "no freeze for token " + UnfreezeTokens.forLog(token) + " (already lifted, or forged)");
        }

        @Test
        void aTokenWithATamperedSignatureIsRefused() {
            freezeJohn();
            String tampered = token.substring(0, token.length() - 1) + (token.endsWith("a") ? "b" : "a");

            assertRefused(tampered, "bad signature");
        }

        @Test
        void aTokenSignedWithAnotherSecretIsRefused() {
            freezeJohn();
            FreezeRecord record = service().find(JOHN).orElseThrow();
            String forged = new UnfreezeTokens(new byte[32]).localPart(record, T0.plus(Duration.ofDays(7)));

            assertRefused(forged, "bad signature");
        }

        @Test
        void anExpiredTokenIsRefused() {
            freezeJohn();
            hijack.clock().advance(Duration.ofDays(7).minusNanos(1));
            assertThat(service().find(JOHN)).isPresent();

            hijack.clock().advance(Duration.ofNanos(1));

            assertRefused(token, "expired token");
        }

        @Test
        void aTokenAlreadyUsedIsRefusedWhileTheFreezeIsStillStored() {
            freezeJohn();
            hijack.tokenStore().use(token, T0.plus(Duration.ofDays(7)), T0);

            assertRefused(token, "token already used");
        }

        @Test
        void aTokenUsedInAnotherCaseIsTheSameToken() {
            freezeJohn();
            hijack.tokenStore().use(token, T0.plus(Duration.ofDays(7)), T0);

            assertRefused(token.toUpperCase(Locale.ROOT), "token already used");
        }

        @Test
        void aSuccessfulReplySpendsTheToken() {
            freezeJohn();

            reply(token, "postmaster@example.com");

            assertThat(hijack.tokenStore().use(token, T0.plus(Duration.ofDays(7)), T0)).isFalse();
            assertThat(reply(token, "postmaster@example.com")).contains("no freeze for token " + UnfreezeTokens.forLog(token) + " (already lifted, or forged)");
        }

        @Test
        void theTokenOfOneAccountDoesNotUnfreezeAnother() {
            freezeJohn();
            String johns = token;
            frozen(JANE);
            service().unfreeze(JOHN, "admin", AuditContext.forAccount(JOHN));

            assertThat(reply(johns, "postmaster@example.com")).contains("no freeze for token " + UnfreezeTokens.forLog(johns) + " (already lifted, or forged)");
            assertThat(service().find(JANE)).isPresent();
        }
    }
}
