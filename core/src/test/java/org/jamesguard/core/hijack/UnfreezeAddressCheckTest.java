package org.jamesguard.core.hijack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jamesguard.core.AuditLog;
import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.auth.LocalAccounts;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replies to a freeze notice reach the unfreeze mailet only from authenticated sessions; one audit line per refusal. */
class UnfreezeAddressCheckTest {
    private static final String TOKEN = "unfreeze-abcdefghijklmnop-t0k3n-abcdefghijklmnopqrstuvwxyz";

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);

    private final RecordingMetrics metrics = new RecordingMetrics();
    private final DecisionRecorder globalReportOnly = new DecisionRecorder(metrics, StoreFailurePolicy.FAIL_OPEN, true,
        new MutableClock());
    private final LocalAccounts accounts = mock(LocalAccounts.class);
    private final UnfreezeAddressCheck check = new UnfreezeAddressCheck(accounts, globalReportOnly);

    UnfreezeAddressCheckTest() {
        when(accounts.isLocalDomain("example.test")).thenReturn(true);
    }

    private static SessionSnapshot session(String account) {
        return SessionSnapshot.builder("192.0.2.62").sessionId("s-1").listener("smtp:25").authUser(account).build();
    }

    @Test
    void anUnauthenticatedSessionIsRefusedWithOneAuditLineThatHidesTheToken() {
        Decision decision = check.atRcpt(() -> session(null), TOKEN, "example.test").orElseThrow();

        assertThat(decision).hasToString("550 5.7.1 Unfreeze requests must come from an authenticated administrator");
        assertThat(audit.messages()).containsExactly("check=unfreeze-address verdict=reject"
            + " reply=\"550 5.7.1 Unfreeze requests must come from an authenticated administrator\""
            + " session=s-1 ip=192.0.2.62 account=- listener=smtp:25 detail=\"unauthenticated RCPT to "
            + UnfreezeTokens.forLog(TOKEN) + "@example.test\"");
        assertThat(metrics.increments()).containsExactly("jamesguard_unfreeze_address_reject");
    }

    @Test
    void anAuthenticatedSessionIsLetThroughToTheMailetWithoutAnAuditLine() {
        assertThat(check.atRcpt(() -> session("postmaster@example.test"), TOKEN, "example.test")).contains(Decision.PROCEED);
        assertThat(audit.messages()).isEmpty();
    }

    @Test
    void otherRecipientsAreLeftToTheProtocolWithoutBuildingTheSession() {
        AtomicBoolean built = new AtomicBoolean();

        assertThat(check.atRcpt(() -> {
            built.set(true);
            return session(null);
        }, "alice", "example.test")).isEmpty();
        assertThat(check.atRcpt(() -> session(null), TOKEN, "remote.test")).isEmpty();
        assertThat(built).isFalse();
    }
}
