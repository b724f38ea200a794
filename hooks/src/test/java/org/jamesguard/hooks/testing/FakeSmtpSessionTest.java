package org.jamesguard.hooks.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.junit.jupiter.api.Test;

/** The fake must behave like James's session where the gates rely on it. */
class FakeSmtpSessionTest {
    private final FakeSmtpSession session = new FakeSmtpSession();

    @Test
    void resetStateClearsTheTransactionAndKeepsTheConnection() {
        session.helo("client.example").mailFrom("john@example.com").rcptTo("bob@example.org");

        session.resetState();

        assertThat(session.getAttachment(SMTPSession.SENDER, State.Transaction)).isEmpty();
        assertThat(session.getRcptCount()).isZero();
        assertThat(session.getAttachment(SMTPSession.CURRENT_HELO_NAME, State.Connection)).contains("client.example");
    }

    @Test
    void attachmentsOfBothStatesAreApart() {
        session.setAttachment(SMTPSession.CURRENT_HELO_NAME, "connection", State.Connection);

        assertThat(session.getAttachment(SMTPSession.CURRENT_HELO_NAME, State.Transaction)).isEmpty();
        assertThat(session.setAttachment(SMTPSession.CURRENT_HELO_NAME, "again", State.Connection)).contains("connection");
        assertThat(session.removeAttachment(SMTPSession.CURRENT_HELO_NAME, State.Connection)).contains("again");
        assertThat(session.getAttachment(SMTPSession.CURRENT_HELO_NAME, State.Connection)).isEmpty();
    }

    @Test
    void recordsTheEnvelope() throws Exception {
        session.mailFrom("john@example.com").rcptTo("a@example.org").rcptTo("b@example.org");

        assertThat(session.getAttachment(SMTPSession.SENDER, State.Transaction)).contains(MaybeSender.of(new MailAddress("john@example.com")));
        assertThat(session.getAttachment(SMTPSession.RCPT_LIST, State.Transaction).orElseThrow().stream()
            .map(MailAddress::asString).collect(Collectors.toList())).isEqualTo(List.of("a@example.org", "b@example.org"));
        assertThat(session.nullSender().getAttachment(SMTPSession.SENDER, State.Transaction)).contains(MaybeSender.nullSender());
    }

    @Test
    void feedsLinesWithTheirDelimiterToTheNewestLineHandler() {
        session.pushLineHandler((LineHandler<SMTPSession>) (s, line) -> new SMTPResponse("250", "older"));
        session.pushLineHandler((LineHandler<SMTPSession>) (s, line) -> new SMTPResponse("250", "got " + new String(line).replace("\r\n", "<CRLF>")));

        assertThat(Wire.of(session.feedLine("hello"))).isEqualTo("250 got hello<CRLF>");
        session.popLineHandler();
        assertThat(Wire.of(session.feedLine("hello"))).isEqualTo("250 older");
        session.popLineHandler();
        assertThat(session.lineHandlerCount()).isZero();
    }

    @Test
    void feedingWithoutALineHandlerIsATestError() {
        assertThatThrownBy(() -> session.feedLine("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(session::popLineHandler).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void authIsAnnouncedAsTheConfigurationSaysForTheTlsState() {
        session.getConfiguration().announceAuth(false, true);

        assertThat(session.isAuthAnnounced()).isFalse();
        assertThat(session.tlsStarted(true).isAuthAnnounced()).isTrue();
    }

    @Test
    void addressesAreSettable() {
        session.remoteIp("2001:db8::7").localPort(587).sessionId("s-9");

        assertThat(session.getRemoteAddress().getAddress().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(session.getLocalAddress().getPort()).isEqualTo(587);
        assertThat(session.getSessionID()).isEqualTo("s-9");
    }

    @Test
    void relayingFollowsTheConfiguredAddresses() {
        session.getConfiguration().relayFor("198.51.100.7");

        assertThat(session.getConfiguration().isRelayingAllowed("198.51.100.7")).isTrue();
        assertThat(session.getConfiguration().isRelayingAllowed("198.51.100.8")).isFalse();
    }
}
