package org.jamesguard.hooks.smtp;

import java.util.Collection;
import java.util.List;

import javax.inject.Inject;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;

import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession.AttachmentKey;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.api.handler.ConnectHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HeloHook;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Mode;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.screen.ScreenGateConfig;
import org.jamesguard.core.screen.ScreenedIpCheck;

import com.google.common.collect.ImmutableList;

/**
 * Refuses IPs on the dynamic screen at connect: {@code 554 5.7.1}, then the connection closes. An IP screened
 * while it has sessions open (it failed AUTH in its other sessions) meets the same refusal in those at the next
 * {@code AUTH}, whatever the mechanism, and the next {@code MAIL}.
 * <pre>{@code
 * <handler class="org.jamesguard.hooks.smtp.ScreenGate">
 *   <mode>enforce</mode>   <!-- or report-only: accept, log, and note it in the session's messages -->
 * </handler>
 * }</pre>
 * It must be the first handler of the chain: James writes each connect handler's reply in chain
 * order, and closing here happens before James's own 220 greeting would be written; and James asks
 * the handlers of a command in chain order, so this one answers AUTH before any other. Behind a PROXY
 * protocol load balancer the client's address is known only after connect, so the check runs again at
 * HELO/EHLO when the address changed.
 */
public class ScreenGate implements ConnectHandler<SMTPSession>, HeloHook, CommandHandler<SMTPSession>, MailHook,
    JamesMessageHook {
    private static final AttachmentKey<String> CHECKED_IP = AttachmentKey.of("jamesguard.screen.checked-ip", String.class);
    private static final AttachmentKey<Boolean> REPORTED = AttachmentKey.of("jamesguard.screen.reported", Boolean.class);
    private static final SessionHeaders HEADERS = new SessionHeaders("screen-gate");

    private final DynamicScreen screen;
    private final DecisionRecorder recorder;
    private final TrustedNetworks trusted;
    private Mode mode = Mode.ENFORCE;

    @Inject
    public ScreenGate(DynamicScreen screen, DecisionRecorder recorder, TrustedNetworks trusted) {
        this.screen = screen;
        this.recorder = recorder;
        this.trusted = trusted;
    }

    @Override
    public void init(Configuration config) throws ConfigurationException {
        mode = HandlerConfigs.parse(config, getClass(), ScreenGateConfig::parse);
    }

    @Override
    public Response onConnect(SMTPSession session) {
        Decision decision = check(session, SmtpSessions.snapshot(session, trusted));
        // a CommandHandler too: James's JMX command statistics read the code of its connect reply
        return decision.refuses() ? SmtpReplies.response(decision) : SmtpReplies.NO_COMMAND_RESPONSE;
    }

    @Override
    public HookResult doHelo(SMTPSession session, String helo) {
        SessionSnapshot snapshot = SmtpSessions.snapshot(session, trusted);
        if (session.getAttachment(CHECKED_IP, State.Connection).filter(snapshot.clientIpText()::equals).isPresent()) {
            return HookResult.DECLINED;
        }
        return SmtpReplies.hookResult(check(session, snapshot));
    }

    @Override
    public Collection<String> getImplCommands() {
        return ImmutableList.of("AUTH");
    }

    /** A screened IP may not go on guessing passwords in a session it opened earlier; otherwise the AUTH handlers answer. */
    @Override
    public Response onCommand(SMTPSession session, Request request) {
        Decision decision = check(session, SmtpSessions.snapshot(session, trusted));
        return decision.refuses() ? SmtpReplies.response(decision) : null;
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        return SmtpReplies.hookResult(check(session, SmtpSessions.snapshot(session, trusted)));
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        return HEADERS.writeTo(session);
    }

    private Decision check(SMTPSession session, SessionSnapshot snapshot) {
        session.setAttachment(CHECKED_IP, snapshot.clientIpText(), State.Connection);
        Decision decision = recorder.decide(ScreenedIpCheck.ID, mode, snapshot.auditContext(), () -> screen.atConnect(snapshot));
        // a report-only note goes into the session's messages once, however often the IP is checked again
        decision.header().filter(header -> session.getAttachment(REPORTED, State.Connection).isEmpty()).ifPresent(header -> {
            session.setAttachment(REPORTED, Boolean.TRUE, State.Connection);
            HEADERS.add(session, List.of(header), State.Connection);
        });
        return decision;
    }
}
