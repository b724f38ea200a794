package org.jamesguard.core.hijack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Replies;
import org.jamesguard.core.store.FreezeStore;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.StoreUnavailableException;
import org.jamesguard.core.store.memory.MemoryFreezeStore;
import org.jamesguard.core.testing.FakeCredentials;
import org.jamesguard.core.testing.FreezeRecords;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FrozenLoginsTest {
    private static final String ALICE = "alice@example.test";
    private static final String PASSWORD = "secret";
    private static final AuditContext CONTEXT = AuditContext.of("SID-1", "192.0.2.7", ALICE, "imap");

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);
    @RegisterExtension
    final LogCapture storeWarnings = LogCapture.of(DecisionRecorder.class);

    private final MutableClock clock = new MutableClock();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MemoryFreezeStore store = new MemoryFreezeStore();
    private final FakeCredentials credentials = new FakeCredentials().account(ALICE, PASSWORD).account("bob@example.test", PASSWORD);
    private final FrozenLogins logins = logins(store, StoreFailurePolicy.FAIL_OPEN);

    private FrozenLogins logins(FreezeStore freezes, StoreFailurePolicy policy) {
        DecisionRecorder recorder = new DecisionRecorder(metrics, policy, false, clock);
        return new FrozenLogins(new FrozenAccounts(freezes, recorder), credentials);
    }

    /** A store whose backend is down: every call fails. */
    private static FreezeStore unreachableStore() {
        return mock(FreezeStore.class, invocation -> {
            throw new StoreUnavailableException("down");
        });
    }

    private FreezeRecord freeze(String account) {
        FreezeRecord record = FreezeRecords.of(account).reason("sending limit").build();
        store.freeze(record);
        return record;
    }

    @Test
    void aFrozenAccountWithTheRightPasswordIsRefusedAndAudited() {
        freeze(ALICE);

        assertThat(logins.withPassword(ALICE, PASSWORD, CONTEXT)).contains(Replies.ACCOUNT_FROZEN);
        assertThat(audit.messages()).containsExactly("check=frozen-account verdict=reject "
            + "reply=\"535 5.7.8 Account frozen: contact your postmaster\" "
            + "session=SID-1 ip=192.0.2.7 account=alice@example.test listener=imap "
            + "detail=\"alice@example.test frozen at 2026-01-01T00:00:00Z (sending limit)\"");
        assertThat(metrics.counts()).containsEntry("jamesguard_frozen_account_reject", 1L);
    }

    @Test
    void aFrozenAccountWithAWrongPasswordIsLeftToTheProtocolsUsualFailure() {
        freeze(ALICE);

        assertThat(logins.withPassword(ALICE, "wrong", CONTEXT)).isEmpty();
        assertThat(audit.messages()).isEmpty();
    }

    @Test
    void anAccountThatIsNotFrozenGoesOnWithoutAPasswordCheck() {
        assertThat(logins.withPassword(ALICE, PASSWORD, CONTEXT)).isEmpty();
        assertThat(credentials.questions()).isEmpty();
    }

    @Test
    void anotherAccountsFreezeDoesNotMatter() {
        freeze("bob@example.test");

        assertThat(logins.withPassword(ALICE, PASSWORD, CONTEXT)).isEmpty();
    }

    @Test
    void anUnfrozenAccountLogsInAgain() {
        store.unfreeze(freeze(ALICE));

        assertThat(logins.withPassword(ALICE, PASSWORD, CONTEXT)).isEmpty();
    }

    /** Issue 12, hole 2: bob delegated to alice, who gives her password to act as bob. */
    @Test
    void aFrozenLoginActingForAnotherAccountIsRefusedUnderItsOwnName() {
        credentials.delegation("bob@example.test", ALICE);
        freeze(ALICE);

        assertThat(logins.withPasswordActingAs(ALICE, PASSWORD, "bob@example.test", AuditContext::forAccount))
            .contains(Replies.ACCOUNT_FROZEN);
        assertThat(audit.messages()).singleElement().asString().contains(" account=alice@example.test ");
    }

    @Test
    void aLoginActingForAFrozenAccountIsRefused() {
        credentials.delegation("bob@example.test", ALICE);
        freeze("bob@example.test");

        assertThat(logins.withPasswordActingAs(ALICE, PASSWORD, "bob@example.test", AuditContext::forAccount))
            .contains(Replies.ACCOUNT_FROZEN);
        assertThat(audit.messages()).singleElement().asString().contains(" account=bob@example.test ");
    }

    @Test
    void actingForAFrozenAccountWithAWrongPasswordOrWithoutADelegationIsLeftToTheProtocol() {
        freeze("bob@example.test");

        assertThat(logins.withPasswordActingAs(ALICE, "wrong", "bob@example.test", AuditContext::forAccount)).isEmpty();
        assertThat(logins.withPasswordActingAs(ALICE, PASSWORD, "bob@example.test", AuditContext::forAccount)).isEmpty();
        assertThat(audit.messages()).isEmpty();
    }

    @Test
    void actingForAnotherAccountWhenNeitherIsFrozenCostsNoPasswordCheck() {
        assertThat(logins.withPasswordActingAs(ALICE, PASSWORD, "bob@example.test", AuditContext::forAccount)).isEmpty();
        assertThat(credentials.questions()).isEmpty();
    }

    @Test
    void anAlreadyAuthenticatedFrozenAccountIsRefusedWithoutAPasswordCheck() {
        freeze(ALICE);

        assertThat(logins.authenticated(ALICE, CONTEXT)).contains(Replies.ACCOUNT_FROZEN);
        assertThat(credentials.questions()).isEmpty();
        assertThat(logins.authenticated("bob@example.test", CONTEXT)).isEmpty();
    }

    @Test
    void anUnreachableStoreFailsOpenUnderTheFailOpenPolicy() {
        FrozenLogins failOpen = logins(unreachableStore(), StoreFailurePolicy.FAIL_OPEN);

        assertThat(failOpen.withPassword(ALICE, PASSWORD, CONTEXT)).isEmpty();
        assertThat(metrics.counts()).containsEntry("jamesguard_frozen_account_store_failure", 1L);
    }

    @Test
    void anUnreachableStoreRefusesTheRightPasswordUnderTheFailClosedPolicy() {
        FrozenLogins failClosed = logins(unreachableStore(), StoreFailurePolicy.FAIL_CLOSED);

        assertThat(failClosed.withPassword(ALICE, PASSWORD, CONTEXT)).contains(Replies.STORE_UNAVAILABLE);
        assertThat(failClosed.withPassword(ALICE, "wrong", CONTEXT)).as("a wrong password stays James's failure").isEmpty();
    }
}
