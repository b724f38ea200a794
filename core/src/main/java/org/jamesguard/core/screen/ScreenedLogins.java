package org.jamesguard.core.screen;

import java.net.InetAddress;
import java.util.Optional;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Mode;
import org.jamesguard.core.Reply;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.TrustedNetworks;

/**
 * The dynamic screen at the logins James answers itself (IMAP, POP3): an IP screened for guessing SMTP
 * passwords may not go on guessing them over another protocol. Asked before the password is checked, so a
 * screened IP learns nothing from its guess. Trusted IPs are never refused. One audit line per refusal.
 */
public final class ScreenedLogins {
    private final DynamicScreen screen;
    private final DecisionRecorder recorder;
    private final TrustedNetworks trusted;

    public ScreenedLogins(DynamicScreen screen, DecisionRecorder recorder, TrustedNetworks trusted) {
        this.screen = screen;
        this.recorder = recorder;
        this.trusted = trusted;
    }

    /** @return the refusal ({@code 554 5.7.1 Client host blocked by the dynamic screen}; adapters use its text) */
    public Optional<Reply> atLogin(InetAddress clientIp, AuditContext context) {
        SessionSnapshot session = SessionSnapshot.builder(clientIp).trusted(trusted.isTrusted(clientIp)).build();
        return recorder.decide(ScreenedIpCheck.ID, Mode.ENFORCE, context, () -> screen.atConnect(session)).reply();
    }
}
