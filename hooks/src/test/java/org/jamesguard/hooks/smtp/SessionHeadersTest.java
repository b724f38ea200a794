package org.jamesguard.hooks.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.server.core.MailImpl;
import org.apache.james.smtpserver.SMTPConstants;
import org.apache.mailet.Mail;
import org.jamesguard.core.Decision;
import org.jamesguard.core.Header;
import org.jamesguard.core.Replies;
import org.jamesguard.hooks.testing.FakeSmtpSession;
import org.junit.jupiter.api.Test;

class SessionHeadersTest {
    private static final Header REPORT = Header.of("X-Guard-Report-Only", "local-ip-requires-auth; would-reply=\"530 5.7.0 Authentication required\"");
    private static final Header WARNING = Header.of("X-Guard-Reverse-Lookup", "ptr=fail");
    private static final Header STAMP = Header.replacing("Sender", "john@example.com");

    private final FakeSmtpSession session = new FakeSmtpSession();
    private final SessionHeaders headers = new SessionHeaders("test-gate");

    /** Starts a message in the session, as James does before the message hooks run; returns it. */
    private Mail receive(String rawHeaders) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
            new ByteArrayInputStream((rawHeaders + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8)));
        Mail mail = MailImpl.builder().name("mail-1").mimeMessage(message).build();
        session.setAttachment(SMTPConstants.MAIL, mail, State.Transaction);
        return mail;
    }

    private static List<String> values(Mail mail, String name) throws MessagingException {
        String[] values = mail.getMessage().getHeader(name);
        return values == null ? List.of() : Arrays.asList(values);
    }

    @Test
    void writesTransactionHeadersIntoTheMessageInOrder() throws MessagingException {
        headers.add(session, List.of(REPORT, WARNING), State.Transaction);
        headers.add(session, List.of(Header.of("X-Guard-Report-Only", "second")), State.Transaction);
        Mail message = receive("From: john@example.com");

        headers.writeTo(session);

        assertThat(values(message, "X-Guard-Report-Only")).containsExactly(REPORT.value(), "second");
        assertThat(values(message, "X-Guard-Reverse-Lookup")).containsExactly("ptr=fail");
    }

    @Test
    void aMessageHookWritesTheHeadersOnlyIntoAMessageItAccepts() throws MessagingException {
        headers.add(session, List.of(WARNING), State.Transaction);
        Mail refused = receive("From: john@example.com");

        assertThat(headers.atMessage(session, Decision.refuse(Replies.SENDER_NOT_OWNED, false)))
            .isNotEqualTo(HookResult.DECLINED);
        assertThat(values(refused, "X-Guard-Reverse-Lookup")).isEmpty();

        assertThat(headers.atMessage(session, Decision.proceedWith(REPORT))).isEqualTo(HookResult.DECLINED);
        assertThat(values(refused, "X-Guard-Reverse-Lookup")).containsExactly("ptr=fail");
        assertThat(values(refused, "X-Guard-Report-Only")).containsExactly(REPORT.value());
    }

    @Test
    void anAddedHeaderKeepsTheClientsFieldsOfTheSameName() throws MessagingException {
        headers.add(session, List.of(WARNING), State.Transaction);
        Mail message = receive("From: john@example.com\r\nX-Guard-Reverse-Lookup: forged by the client");

        headers.writeTo(session);

        assertThat(values(message, "X-Guard-Reverse-Lookup")).containsExactly("forged by the client", "ptr=fail");
    }

    @Test
    void aReplacingHeaderReplacesEveryFieldOfTheSameName() throws MessagingException {
        headers.add(session, List.of(STAMP), State.Transaction);
        Mail message = receive("From: ceo@example.com\r\nSender: ceo@example.com\r\nSender: other@example.com");

        headers.writeTo(session);

        assertThat(values(message, "Sender")).containsExactly("john@example.com");
    }

    @Test
    void connectionHeadersGoIntoEveryMessageOfTheSession() throws MessagingException {
        headers.add(session, List.of(WARNING), State.Connection);
        Mail first = receive("From: john@example.com");
        headers.writeTo(session);
        session.resetState();
        Mail second = receive("From: john@example.com");

        headers.writeTo(session);

        assertThat(values(first, "X-Guard-Reverse-Lookup")).containsExactly("ptr=fail");
        assertThat(values(second, "X-Guard-Reverse-Lookup")).containsExactly("ptr=fail");
    }

    @Test
    void transactionHeadersGoIntoTheCurrentMessageOnly() throws MessagingException {
        headers.add(session, List.of(REPORT), State.Transaction);
        Mail first = receive("From: john@example.com");
        headers.writeTo(session);
        Mail second = receive("From: john@example.com");

        headers.writeTo(session);

        assertThat(values(first, "X-Guard-Report-Only")).containsExactly(REPORT.value());
        assertThat(values(second, "X-Guard-Report-Only")).isEmpty();
    }

    @Test
    void anAbortedTransactionTakesItsHeadersWithIt() throws MessagingException {
        headers.add(session, List.of(REPORT), State.Transaction);
        session.resetState();
        Mail message = receive("From: john@example.com");

        headers.writeTo(session);

        assertThat(values(message, "X-Guard-Report-Only")).isEmpty();
    }

    @Test
    void connectionHeadersAreWrittenBeforeTransactionHeaders() throws MessagingException {
        headers.add(session, List.of(Header.of("X-Guard", "transaction")), State.Transaction);
        headers.add(session, List.of(Header.of("X-Guard", "connection")), State.Connection);
        Mail message = receive("From: john@example.com");

        headers.writeTo(session);

        assertThat(values(message, "X-Guard")).containsExactly("connection", "transaction");
    }

    @Test
    void eachGateWritesOnlyWhatItDecided() throws MessagingException {
        SessionHeaders otherGate = new SessionHeaders("other-gate");
        headers.add(session, List.of(REPORT), State.Transaction);
        otherGate.add(session, List.of(WARNING), State.Transaction);
        Mail message = receive("From: john@example.com");

        headers.writeTo(session);

        assertThat(values(message, "X-Guard-Report-Only")).containsExactly(REPORT.value());
        assertThat(values(message, "X-Guard-Reverse-Lookup")).isEmpty();
    }

    @Test
    void addingNoHeadersLeavesTheSessionUntouched() {
        headers.add(session, List.of(), State.Transaction);
        headers.add(session, List.of(), State.Connection);

        assertThat(session.getState()).isEmpty();
        assertThat(session.getConnectionState()).isEmpty();
    }

    @Test
    void writingWithoutAMessageIsAProgrammingError() {
        assertThatThrownBy(() -> headers.writeTo(session))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("no message in the session");
    }
}
