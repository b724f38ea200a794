package org.jamesguard.core.screen;

import java.net.InetAddress;
import java.util.Optional;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Mode;
import org.jamesguard.core.Reply;

/**
 * The dynamic screen at the logins James answers itself (IMAP, POP3): an IP screened for guessing SMTP
 * passwords may not go on guessing them over another protocol. Asked before the password is checked, so a
 * screened IP learns nothing from its guess. Trusted IPs are never refused. One audit line per refusal.
 */
public final class ScreenedLogins {
    private final DynamicScreen screen;
    private final DecisionRecorder recorder;

    public ScreenedLogins(DynamicScreen screen, DecisionRecorder recorder) {
        this.screen = screen;
        this.recorder = recorder;
    }

    /** @return the refusal ({@code 554 5.7.1 Client host blocked by the dynamic screen}; adapters use its text) */
    public Optional<Reply> atLogin(InetAddress clientIp, AuditContext context) {
        return recorder.decide(ScreenedIpCheck.ID, Mode.ENFORCE, context, () -> screen.atLogin(clientIp)).reply();
    }
}
