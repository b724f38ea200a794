package org.jamesguard.hooks.smtp;

import javax.inject.Inject;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ConnectHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Mode;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.screen.ScreenedIpCheck;

/**
 * Refuses IPs on the dynamic screen at connect: {@code 554 5.7.1}, then the connection closes.
 * <pre>{@code
 * <handler class="org.jamesguard.hooks.smtp.ScreenGate"/>
 * }</pre>
 * It must be the first handler of the chain: James writes each connect handler's reply in chain
 * order, and closing here happens before James's own 220 greeting would be written.
 */
public class ScreenGate implements ConnectHandler<SMTPSession> {
    private final DynamicScreen screen;
    private final DecisionRecorder recorder;
    private final TrustedNetworks trusted;

    @Inject
    public ScreenGate(DynamicScreen screen, DecisionRecorder recorder, TrustedNetworks trusted) {
        this.screen = screen;
        this.recorder = recorder;
        this.trusted = trusted;
    }

    @Override
    public Response onConnect(SMTPSession session) {
        SessionSnapshot snapshot = SmtpSessions.snapshot(session, trusted);
        return SmtpReplies.response(
            recorder.decide(ScreenedIpCheck.ID, Mode.ENFORCE, snapshot.auditContext(), () -> screen.atConnect(snapshot)));
    }
}
