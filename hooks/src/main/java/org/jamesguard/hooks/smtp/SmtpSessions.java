package org.jamesguard.hooks.smtp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.protocols.api.ProtocolSession.AttachmentKey;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.net.EmailAddress;
import org.jamesguard.core.net.IpAddresses;

/** Reads James's SMTP session into core's {@link SessionSnapshot}. The only place that knows both. */
public final class SmtpSessions {
    private SmtpSessions() {
    }

    public static SessionSnapshot snapshot(SMTPSession session, TrustedNetworks trusted) {
        Connection connection = Connection.of(session, trusted);
        SessionSnapshot.Builder builder = SessionSnapshot.builder(connection.clientIp)
            .sessionId(session.getSessionID())
            .listener(connection.listener)
            .trusted(connection.trusted)
            .tls(session.isTLSStarted())
            .helo(session.getAttachment(SMTPSession.CURRENT_HELO_NAME, State.Connection).orElse(null))
            .authUser(Optional.ofNullable(session.getUsername()).map(Username::asString).orElse(null))
            .recipients(recipients(session));
        session.getAttachment(SMTPSession.SENDER, State.Transaction).ifPresent(sender -> withSender(builder, sender));
        return builder.build();
    }

    /** The snapshot at MAIL time: the sender is the command's argument, not yet in the session. */
    public static SessionSnapshot snapshot(SMTPSession session, TrustedNetworks trusted, MaybeSender sender) {
        SessionSnapshot.Builder builder = snapshot(session, trusted).toBuilder();
        withSender(builder, sender);
        return builder.build();
    }

    private static void withSender(SessionSnapshot.Builder builder, MaybeSender sender) {
        if (sender.isNullSender()) {
            builder.nullSender();
        } else {
            builder.mailFrom(toEmail(sender.get()));
        }
    }

    public static EmailAddress toEmail(MailAddress address) {
        return EmailAddress.of(address.getLocalPart(), address.getDomain().asString());
    }

    /**
     * What every snapshot of a connection shares, read once per client address (a PROXY header changes it):
     * James's relay check alone costs more than most of our checks.
     */
    private static final class Connection {
        private static final AttachmentKey<Connection> KEY = AttachmentKey.of("jamesguard.connection", Connection.class);

        private final InetSocketAddress remote;
        private final InetAddress clientIp;
        private final String listener;
        private final boolean trusted;

        private Connection(SMTPSession session, TrustedNetworks trusted) {
            remote = session.getRemoteAddress();
            clientIp = IpAddresses.normalize(remote.getAddress());
            // listeners have no name James exposes to handlers: we name them by their bound port
            listener = "smtp:" + session.getLocalAddress().getPort();
            this.trusted = trusted.isTrusted(clientIp) || session.getConfiguration().isRelayingAllowed(clientIp.getHostAddress());
        }

        static Connection of(SMTPSession session, TrustedNetworks trusted) {
            Optional<Connection> known = session.getAttachment(KEY, State.Connection)
                .filter(connection -> connection.remote.equals(session.getRemoteAddress()));
            if (known.isPresent()) {
                return known.get();
            }
            Connection connection = new Connection(session, trusted);
            session.setAttachment(KEY, connection, State.Connection);
            return connection;
        }
    }

    private static List<EmailAddress> recipients(SMTPSession session) {
        return session.getAttachment(SMTPSession.RCPT_LIST, State.Transaction)
            .map(list -> list.stream().map(SmtpSessions::toEmail).collect(Collectors.toUnmodifiableList()))
            .orElse(List.of());
    }
}
