package org.jamesguard.core.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Replies;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.net.ClientNetworks;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.memory.MemoryScreenStore;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 12, hole 6: an IP screened for guessing SMTP passwords cannot go on over IMAP or POP3. */
class ScreenedLoginsTest {
    private static final String IP = "198.51.100.7";
    private static final AuditContext CONTEXT = AuditContext.of("s-1", IP, "alice@example.com", "imap");

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);

    private final MutableClock clock = new MutableClock();
    private final DynamicScreen screen = new DynamicScreen(new MemoryScreenStore(), ClientNetworks.of(24, 64),
        new TrustedNetworks(IpMatcher.parse("192.0.2.9/32")), clock);
    private final ScreenedLogins logins = new ScreenedLogins(screen,
        new DecisionRecorder(new RecordingMetrics(), StoreFailurePolicy.FAIL_OPEN, false, clock));

    private void screen(String ip) {
        screen.screen(ip, false, Duration.ofMinutes(10), "failed AUTH", AuditContext.forIp(ip));
        audit.clear();
    }

    @Test
    void anUnscreenedIpLogsIn() {
        assertThat(logins.atLogin(IpAddresses.parse(IP), CONTEXT)).isEmpty();
        assertThat(audit.messages()).isEmpty();
    }

    @Test
    void aScreenedIpIsRefusedWithTheScreensReplyAndOneAuditLine() {
        screen(IP);

        assertThat(logins.atLogin(IpAddresses.parse(IP), CONTEXT)).contains(Replies.SCREENED);
        assertThat(audit.messages()).singleElement().asString()
            .startsWith("check=screened-ip verdict=reject reply=\"554 5.7.1 Client host blocked by the dynamic screen\""
                + " session=s-1 ip=198.51.100.7 account=alice@example.com listener=imap detail=\"failed AUTH until ");
    }

    @Test
    void aTrustedIpIsNeverRefused() {
        screen("192.0.2.10");

        assertThat(logins.atLogin(IpAddresses.parse("192.0.2.10"), CONTEXT)).contains(Replies.SCREENED);
        assertThat(logins.atLogin(IpAddresses.parse("192.0.2.9"), CONTEXT)).as("trusted, in the screened network").isEmpty();
    }
}
