package org.jamesguard.hooks.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.core.MailAddress;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jamesguard.core.net.EmailAddress;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.hooks.testing.FakeSmtpSession;
import org.junit.jupiter.api.Test;

/** The snapshot's envelope is converted once per transaction, and never goes stale. */
class SmtpSessionsTest {
    private final TrustedNetworks trusted = new TrustedNetworks(IpMatcher.NONE);
    private final FakeSmtpSession session = new FakeSmtpSession().helo("client.example").mailFrom("john@example.com");

    private List<String> recipients() {
        SessionSnapshot snapshot = SmtpSessions.snapshot(session, trusted);
        return snapshot.recipients().stream().map(EmailAddress::asString).collect(Collectors.toList());
    }

    @Test
    void recipientsAppendedToJamesListAreSeen() throws Exception {
        List<MailAddress> list = new ArrayList<>();
        session.setAttachment(SMTPSession.RCPT_LIST, list, State.Transaction);
        assertThat(recipients()).isEmpty();

        list.add(new MailAddress("a@example.org"));
        assertThat(recipients()).containsExactly("a@example.org");
        list.add(new MailAddress("b@example.org"));
        assertThat(recipients()).containsExactly("a@example.org", "b@example.org");
    }

    @Test
    void anotherListOfTheSameSizeIsConvertedAfresh() throws Exception {
        session.setAttachment(SMTPSession.RCPT_LIST, new ArrayList<>(List.of(new MailAddress("a@example.org"))), State.Transaction);
        assertThat(recipients()).containsExactly("a@example.org");

        session.setAttachment(SMTPSession.RCPT_LIST, new ArrayList<>(List.of(new MailAddress("z@example.org"))), State.Transaction);
        assertThat(recipients()).containsExactly("z@example.org");
    }

    @Test
    void aNewTransactionStartsWithNoRecipientsAndItsOwnSender() {
        session.rcptTo("a@example.org");
        assertThat(recipients()).containsExactly("a@example.org");

        session.resetState();
        session.mailFrom("jane@example.com");
        SessionSnapshot snapshot = SmtpSessions.snapshot(session, trusted);
        assertThat(snapshot.recipients()).isEmpty();
        assertThat(snapshot.mailFrom()).map(EmailAddress::asString).contains("jane@example.com");
    }

    @Test
    void theSenderFollowsMailFrom() {
        assertThat(SmtpSessions.snapshot(session, trusted).mailFrom()).map(EmailAddress::asString).contains("john@example.com");
        session.mailFrom("jane@example.com");
        assertThat(SmtpSessions.snapshot(session, trusted).mailFrom()).map(EmailAddress::asString).contains("jane@example.com");
    }
}
