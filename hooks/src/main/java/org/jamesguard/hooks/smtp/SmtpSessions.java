package org.jamesguard.hooks.smtp;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
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

    public static InetAddress clientIp(SMTPSession session) {
        return IpAddresses.normalize(session.getRemoteAddress().getAddress());
    }

    /** Listeners have no name James exposes to handlers: we name them by their bound port. */
    public static String listener(SMTPSession session) {
        return "smtp:" + session.getLocalAddress().getPort();
    }

    public static boolean isTrusted(SMTPSession session, TrustedNetworks trusted) {
        InetAddress ip = clientIp(session);
        return trusted.isTrusted(ip) || session.getConfiguration().isRelayingAllowed(ip.getHostAddress());
    }

    public static SessionSnapshot snapshot(SMTPSession session, TrustedNetworks trusted) {
        SessionSnapshot.Builder builder = SessionSnapshot.builder(clientIp(session))
            .sessionId(session.getSessionID())
            .listener(listener(session))
            .trusted(isTrusted(session, trusted))
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

    private static List<EmailAddress> recipients(SMTPSession session) {
        return session.getAttachment(SMTPSession.RCPT_LIST, State.Transaction)
            .map(list -> list.stream().map(SmtpSessions::toEmail).collect(Collectors.toUnmodifiableList()))
            .orElse(List.of());
    }
}
