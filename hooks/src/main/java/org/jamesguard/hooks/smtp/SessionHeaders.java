package org.jamesguard.hooks.smtp;

import java.util.ArrayList;
import java.util.List;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.protocols.api.ProtocolSession.AttachmentKey;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.smtpserver.SMTPConstants;
import org.apache.mailet.Mail;
import org.jamesguard.core.Decision;
import org.jamesguard.core.Header;
import org.jamesguard.core.StageResult;

/**
 * Headers a gate decided during a session (warnings, report-only notes), written into the message at the
 * end of DATA. Connection headers go into every message of the session; transaction headers into the
 * current one (James clears transaction state after each message). Each gate has its own, so each writes
 * exactly what it decided.
 */
final class SessionHeaders {
    private final AttachmentKey<Pending> key;

    SessionHeaders(String gate) {
        this.key = AttachmentKey.of("jamesguard." + gate + ".headers", Pending.class);
    }

    void add(SMTPSession session, List<Header> headers, State state) {
        if (headers.isEmpty()) {
            return;
        }
        Pending pending = session.getAttachment(key, state).orElseGet(Pending::new);
        pending.headers.addAll(headers);
        session.setAttachment(key, pending, state);
    }

    /** Forgets the pending headers of {@code state}, e.g. those about a HELO name the client replaced. */
    void clear(SMTPSession session, State state) {
        session.removeAttachment(key, state);
    }

    /** Keeps the decision's header (a report-only note) for the message, and turns it into James's hook result. */
    HookResult reply(SMTPSession session, Decision decision, State state) {
        decision.header().ifPresent(header -> add(session, List.of(header), state));
        return SmtpReplies.hookResult(decision);
    }

    HookResult reply(SMTPSession session, StageResult result, State state) {
        add(session, result.headers(), state);
        return SmtpReplies.hookResult(result.decision());
    }

    /** For a message hook: its decision, with the pending headers written into the message when it is accepted. */
    HookResult atMessage(SMTPSession session, Decision decision) {
        return writtenIfAccepted(session, reply(session, decision, State.Transaction));
    }

    HookResult atMessage(SMTPSession session, StageResult result) {
        return writtenIfAccepted(session, reply(session, result, State.Transaction));
    }

    private HookResult writtenIfAccepted(SMTPSession session, HookResult result) {
        return result == HookResult.DECLINED ? writeTo(session) : result;
    }

    /** Writes the pending headers into the message being received; for message hooks, which then decline. */
    HookResult writeTo(SMTPSession session) {
        Mail mail = session.getAttachment(SMTPConstants.MAIL, State.Transaction)
            .orElseThrow(() -> new IllegalStateException("no message in the session"));
        try {
            MimeMessage message = mail.getMessage();
            for (State state : new State[] {State.Connection, State.Transaction}) {
                for (Header header : session.getAttachment(key, state).map(pending -> pending.headers).orElse(List.of())) {
                    if (header.replacesExisting()) {
                        message.setHeader(header.name(), header.value());
                    } else {
                        message.addHeader(header.name(), header.value());
                    }
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot add headers to the message", e);
        }
        session.removeAttachment(key, State.Transaction);
        return HookResult.DECLINED;
    }

    private static final class Pending {
        private final List<Header> headers = new ArrayList<>();
    }
}
