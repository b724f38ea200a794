package org.jamesguard.core.hijack;

import static org.assertj.core.api.Assertions.assertThat;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.Replies;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.testing.FreezeRecords;
import org.jamesguard.core.testing.HijackFixture;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.UnavailableStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC C7: every login path asks whether the account is frozen, through the DecisionRecorder. */
class FrozenAccountsTest {
    private static final String JOHN = "john@example.com";
    private static final AuditContext IMAP = AuditContext.of("imap-1", "198.51.100.7", JOHN, "imap");
    private static final String FROZEN_AUDIT = "check=frozen-account verdict=reject reply=\"%s\" session=imap-1 ip=198.51.100.7 "
        + "account=john@example.com listener=imap detail=\"john@example.com frozen at 2026-01-01T00:00:00Z (sending limit reached (other IPs))\"";

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);

    private final HijackFixture hijack = HijackFixture.of("");
    private final FrozenAccounts frozen = hijack.frozen();

    private void freezeJohn() {
        hijack.freezeStore().freeze(FreezeRecords.of(JOHN).build());
    }

    @Test
    void anAccountThatIsNotFrozenLogsIn() {
        assertThat(frozen.atLogin(JOHN, IMAP)).hasToString("proceed");
        assertThat(hijack.metrics().increments()).containsExactly("jamesguard_frozen_account_pass");
        assertThat(audit.messages()).isEmpty();
    }

    @Test
    void aFrozenAccountCannotLogIn() {
        freezeJohn();

        assertThat(frozen.atLogin(JOHN, IMAP)).hasToString("535 5.7.8 Account frozen: contact your postmaster");
        assertThat(hijack.metrics().increments()).containsExactly("jamesguard_frozen_account_reject");
        assertThat(audit.messages()).containsExactly(String.format(FROZEN_AUDIT, "535 5.7.8 Account frozen: contact your postmaster"));
    }

    @Test
    void reportOnlyModeNeverLetsAFrozenAccountIn() {
        HijackFixture reportOnly = HijackFixture.builder().globalReportOnly(true).build();
        reportOnly.freezeStore().freeze(FreezeRecords.of(JOHN).build());

        assertThat(reportOnly.frozen().atLogin(JOHN, IMAP)).hasToString("535 5.7.8 Account frozen: contact your postmaster");
    }

    @Test
    void aSessionThatLoggedInBeforeTheFreezeIsRefusedWithTheStepsReply() {
        freezeJohn();

        assertThat(frozen.atStep(JOHN, IMAP, Replies.ACCOUNT_FROZEN_SESSION)).hasToString("550 5.7.1 Account frozen: contact your postmaster");
        assertThat(audit.messages()).containsExactly(String.format(FROZEN_AUDIT, "550 5.7.1 Account frozen: contact your postmaster"));
    }

    @Test
    void onlyTheFrozenAccountIsRefused() {
        freezeJohn();

        assertThat(frozen.atLogin("jane@example.com", IMAP)).hasToString("proceed");
        assertThat(frozen.atLogin("John@example.com", IMAP)).as("accounts are canonical names").hasToString("proceed");
    }

    @Test
    void findAnswersTheStoredFreeze() {
        freezeJohn();

        assertThat(frozen.find(JOHN)).contains(FreezeRecords.of(JOHN).build());
        assertThat(frozen.find("jane@example.com")).isEmpty();
    }

    @Test
    void aStoreOutageLetsTheLoginInWhenFailingOpen() {
        FrozenAccounts failing = HijackFixture.builder().freezeStore(UnavailableStores.freezes()).build().frozen();

        assertThat(failing.atLogin(JOHN, IMAP)).hasToString("proceed");
    }

    @Test
    void aStoreOutageRefusesTheLoginForNowWhenFailingClosed() {
        HijackFixture closed = HijackFixture.builder().freezeStore(UnavailableStores.freezes())
            .storeFailurePolicy(StoreFailurePolicy.FAIL_CLOSED).build();

        assertThat(closed.frozen().atLogin(JOHN, IMAP)).hasToString("451 4.3.0 Temporary local problem, try again later");
        assertThat(closed.metrics().increments()).containsExactly("jamesguard_frozen_account_store_failure");
    }
}
