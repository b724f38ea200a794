package org.jamesguard.hooks.smtp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

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
import org.jamesguard.hooks.Listeners;

/** Reads James's SMTP session into core's {@link SessionSnapshot}. The only place that knows both. */
public final class SmtpSessions {
    private static final AttachmentKey<String> DELEGATING_LOGIN = AttachmentKey.of("jamesguard.delegating-login", String.class);

    private SmtpSessions() {
    }

    /** Remembers the account whose password the session gave to act for another (see {@link SessionSnapshot#delegatingLogin()}). */
    public static void setDelegatingLogin(SMTPSession session, Optional<String> login) {
        login.ifPresentOrElse(name -> session.setAttachment(DELEGATING_LOGIN, name, State.Connection),
            () -> session.removeAttachment(DELEGATING_LOGIN, State.Connection));
    }

    public static SessionSnapshot snapshot(SMTPSession session, TrustedNetworks trusted) {
        Connection connection = Connection.of(session, trusted);
        SessionSnapshot.Builder builder = SessionSnapshot.builder(connection.clientIp)
            .sessionId(session.getSessionID())
            .listener(connection.listener)
            .trusted(connection.trusted)
            .authUser(Optional.ofNullable(session.getUsername()).map(Username::asString).orElse(null))
            .delegatingLogin(session.getAttachment(DELEGATING_LOGIN, State.Connection).orElse(null))
            .recipients(Envelope.of(session).recipients(session));
        session.getAttachment(SMTPSession.SENDER, State.Transaction).ifPresent(sender -> withSender(session, builder, sender));
        return builder.build();
    }

    /** The snapshot at MAIL time: the sender is the command's argument, not yet in the session. */
    public static SessionSnapshot snapshot(SMTPSession session, TrustedNetworks trusted, MaybeSender sender) {
        SessionSnapshot.Builder builder = snapshot(session, trusted).toBuilder();
        withSender(session, builder, sender);
        return builder.build();
    }

    private static void withSender(SMTPSession session, SessionSnapshot.Builder builder, MaybeSender sender) {
        if (sender.isNullSender()) {
            builder.nullSender();
        } else {
            builder.mailFrom(Envelope.of(session).sender(sender.get()));
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
            listener = Listeners.name("smtp", session);
            this.trusted = trusted.isTrusted(clientIp) || session.getConfiguration().isRelayingAllowed(clientIp.getHostAddress());
        }

        static Connection of(SMTPSession session, TrustedNetworks trusted) {
            return attachment(session, KEY, State.Connection, connection -> connection.remote.equals(session.getRemoteAddress()),
                () -> new Connection(session, trusted));
        }
    }

    /** The session's {@code key} attachment while it is {@code valid}, otherwise a new one from {@code create}, kept. */
    static <T> T attachment(SMTPSession session, AttachmentKey<T> key, State state, Predicate<T> valid, Supplier<T> create) {
        Optional<T> known = session.getAttachment(key, state).filter(valid);
        if (known.isPresent()) {
            return known.get();
        }
        T created = create.get();
        session.setAttachment(key, created, state);
        return created;
    }

    /**
     * The transaction's addresses as core reads them, each converted once: every hook of every gate takes a
     * snapshot, and a recipient list converted anew each time would cost more than the checks that read it.
     */
    private static final class Envelope {
        private static final AttachmentKey<Envelope> KEY = AttachmentKey.of("jamesguard.envelope", Envelope.class);

        private MailAddress sender;
        private EmailAddress senderAddress;
        private List<MailAddress> source = List.of();
        private final List<EmailAddress> converted = new ArrayList<>();
        private List<EmailAddress> recipients = List.of();

        static Envelope of(SMTPSession session) {
            return attachment(session, KEY, State.Transaction, envelope -> true, Envelope::new);
        }

        EmailAddress sender(MailAddress address) {
            if (!address.equals(sender)) {
                sender = address;
                senderAddress = toEmail(address);
            }
            return senderAddress;
        }

        /** James only appends to a transaction's list; another list, or a shorter one, is converted afresh. */
        List<EmailAddress> recipients(SMTPSession session) {
            List<MailAddress> current = session.getAttachment(SMTPSession.RCPT_LIST, State.Transaction).orElse(List.of());
            if (current != source || current.size() < converted.size()) {
                source = current;
                converted.clear();
                recipients = List.of();
            }
            for (int i = converted.size(); i < current.size(); i++) {
                converted.add(toEmail(current.get(i)));
            }
            if (recipients.size() != converted.size()) {
                recipients = List.copyOf(converted);
            }
            return recipients;
        }
    }
}
