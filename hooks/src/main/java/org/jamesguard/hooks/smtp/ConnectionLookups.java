package org.jamesguard.hooks.smtp;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.james.protocols.api.ProtocolSession.AttachmentKey;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jamesguard.core.dns.DomainLookup;
import org.jamesguard.core.dns.IprevResult;

/**
 * The reverse lookups of one SMTP connection and which of them the checks have decided. It lives in
 * Connection state: James resets Transaction state at HELO, RSET and after each message, and a fact
 * kept there would be forgotten for the next message. Only the session's event loop touches it.
 */
final class ConnectionLookups {
    private static final AttachmentKey<ConnectionLookups> KEY =
        AttachmentKey.of("jamesguard.reverse-lookup.lookups", ConnectionLookups.class);

    /** The client's iprev, looked up at connect; null when the client is not checked. */
    CompletableFuture<IprevResult> client;
    /** The PTR checks passed (or only warned): they are not run again in this connection. */
    boolean clientDecided;
    /** The last HELO name, its lookup (null when not checked), and whether its checks passed. */
    String helo;
    CompletableFuture<DomainLookup> heloLookup;
    boolean heloDecided;
    /** The HELO names looked up: past {@code ReverseLookupPolicy.MAX_HELO_LOOKUPS}, a new name is not. */
    final Set<String> heloNamesLookedUp = new HashSet<>();
    /** The last MAIL FROM domain and its lookup (null when not checked). */
    String senderDomain;
    CompletableFuture<DomainLookup> senderLookup;

    static ConnectionLookups of(SMTPSession session) {
        return SmtpSessions.attachment(session, KEY, State.Connection, lookups -> true, ConnectionLookups::new);
    }

    /** A lookup of this kind is in flight: the session starts no other of its kind until it ends. */
    static boolean pending(CompletableFuture<?> lookup) {
        return lookup != null && !lookup.isDone();
    }

    /** The lookup of the MAIL FROM domain, if it is the one started for this sender. */
    Optional<CompletableFuture<DomainLookup>> senderLookup(String domain) {
        return domain.equalsIgnoreCase(senderDomain) ? Optional.ofNullable(senderLookup) : Optional.empty();
    }
}
