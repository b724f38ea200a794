package org.jamesguard.hooks.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.BaseRequest;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.memory.MemoryScreenStore;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.jamesguard.hooks.testing.FakeSmtpSession;
import org.jamesguard.hooks.testing.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 12, hole 6: an IP screened after its session opened is refused at AUTH and MAIL in that session. */
class ScreenGateTest {
    private static final String SCREENED = "554 5.7.1 Client host blocked by the dynamic screen";

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);

    private final MutableClock clock = new MutableClock();
    private final DynamicScreen screen = new DynamicScreen(new MemoryScreenStore(), clock);
    private final ScreenGate gate = new ScreenGate(screen,
        new DecisionRecorder(new RecordingMetrics(), StoreFailurePolicy.FAIL_OPEN, false, clock), new TrustedNetworks(IpMatcher.NONE));
    private final FakeSmtpSession session = new FakeSmtpSession();

    private void screenTheClient() {
        screen.screen(FakeSmtpSession.DEFAULT_REMOTE_IP, false, Duration.ofMinutes(10), "test", AuditContext.NONE);
        audit.clear();
    }

    @Test
    void answersAuthBeforeTheAuthHandlers() {
        assertThat(gate.getImplCommands()).containsExactly("AUTH");
    }

    @Test
    void anUnscreenedClientsAuthIsLeftToTheAuthHandlers() {
        assertThat(gate.onConnect(session).getRetCode()).as("silent, and readable by James's JMX command statistics")
            .isEqualTo("000");

        assertThat(gate.onCommand(session, new BaseRequest("AUTH", "PLAIN"))).isNull();
        assertThat(gate.doMail(session, MaybeSender.nullSender())).isEqualTo(HookResult.DECLINED);
    }

    @Test
    void authIsRefusedAndTheSessionClosedOnceTheClientIsScreened() {
        gate.onConnect(session);
        screenTheClient();

        assertThat(Wire.of(gate.onCommand(session, new BaseRequest("AUTH", "XOAUTH2")))).isEqualTo(SCREENED + " (close)");
        assertThat(gate.onCommand(session, new BaseRequest("AUTH", "PLAIN")).isEndSession()).isTrue();
        assertThat(audit.messages()).hasSize(2).allMatch(line -> line.startsWith("check=screened-ip verdict=reject"));
    }

    @Test
    void mailIsRefusedAndTheSessionClosedOnceTheClientIsScreened() {
        gate.onConnect(session);
        screenTheClient();

        HookResult result = gate.doMail(session, MaybeSender.nullSender());

        assertThat(result.getResult()).isEqualTo(HookReturnCode.disconnected(HookReturnCode.Action.DENY));
        assertThat(result.getSmtpRetCode() + " " + result.getSmtpDescription()).isEqualTo(SCREENED);
        assertThat(audit.messages()).singleElement().asString().startsWith("check=screened-ip verdict=reject");
    }
}
