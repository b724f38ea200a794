package org.jamesguard.hooks.smtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.MaybeSender;
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
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Header;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.StageResult;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.dns.DnsVerifier;
import org.jamesguard.core.dns.DomainLookup;
import org.jamesguard.core.dns.IprevResult;
import org.jamesguard.core.rdns.AuthenticationResults;
import org.jamesguard.core.rdns.ReverseLookupConfig;
import org.jamesguard.core.rdns.ReverseLookupPolicy;

import com.google.common.collect.ImmutableList;

/**
 * SPEC B1–B13: PTR and forward-confirmed reverse DNS of the client, HELO name and MAIL FROM domain checks.
 * <pre>{@code
 * <handler class="org.jamesguard.hooks.smtp.ReverseLookupGate">
 *   <ptr><forwardConfirmed><mode>enforce</mode></forwardConfirmed></ptr>
 *   <mailFrom><exists><mode>enforce</mode></exists></mailFrom>
 * </handler>
 * }</pre>
 * The elements are those of {@link ReverseLookupConfig}; the resolver is {@code <dns>} in jamesguard.xml.
 * <p>
 * Lookups start as soon as their input is known: the client's at connect, the HELO name's when HELO or
 * EHLO arrives, the sender domain's when MAIL arrives, before James parses the command. A command whose
 * checks need answers not yet in is held ({@link InputHold}) and runs once they are; the hooks then
 * read finished lookups and never wait, so no DNS answer ever blocks the event loop. At the end of DATA,
 * the message gets the {@code Authentication-Results} iprev field and the warnings, after losing any
 * copies a client planted: fields claiming our host (the listener's helloName), and every copy of the
 * warning header, which names no host and is ours alone. Trusted clients keep theirs. This happens in a
 * {@link JamesMessageHook}, after every {@code MessageHook} read the message exactly as received: once
 * its header is changed, James serializes the message anew.
 */
public class ReverseLookupGate implements ConnectHandler<SMTPSession>, CommandHandler<SMTPSession>, HeloHook, MailHook,
    JamesMessageHook {
    private static final Collection<String> COMMANDS = ImmutableList.of("HELO", "EHLO", "MAIL");
    private static final String NOT_YET = "no answer yet";
    private static final SessionHeaders CLIENT_HEADERS = new SessionHeaders("reverse-lookup.client");
    private static final SessionHeaders HELO_HEADERS = new SessionHeaders("reverse-lookup.helo");
    private static final SessionHeaders SENDER_HEADERS = new SessionHeaders("reverse-lookup.mail-from");

    private final DnsVerifier dns;
    private final DecisionRecorder recorder;
    private final TrustedNetworks trusted;
    private ReverseLookupPolicy policy;

    @Inject
    public ReverseLookupGate(DnsVerifier dns, DecisionRecorder recorder, TrustedNetworks trusted) {
        this.dns = dns;
        this.recorder = recorder;
        this.trusted = trusted;
        this.policy = new ReverseLookupPolicy(ReverseLookupConfig.defaults(), dns, recorder);
    }

    @Override
    public void init(Configuration config) throws ConfigurationException {
        policy = new ReverseLookupPolicy(HandlerConfigs.parse(config, getClass(), ReverseLookupConfig::parse), dns, recorder);
    }

    @Override
    public Response onConnect(SMTPSession session) {
        ConnectionLookups.of(session).client = policy.lookUpClient(SmtpSessions.snapshot(session, trusted)).orElse(null);
        return SmtpReplies.NO_COMMAND_RESPONSE;
    }

    @Override
    public Collection<String> getImplCommands() {
        return COMMANDS;
    }

    /**
     * Starts the command's lookup, then lets James run the command, or holds it until its answers are in.
     * A session has at most one HELO and one MAIL FROM lookup in flight (H3): a command that would start
     * another waits, held, until the last one ended, however many commands the client pipelines.
     */
    @Override
    public Response onCommand(SMTPSession session, Request request) {
        SessionSnapshot snapshot = SmtpSessions.snapshot(session, trusted);
        ConnectionLookups lookups = ConnectionLookups.of(session);
        Optional<CompletableFuture<?>> previous = pendingOfAnother(lookups, request);
        if (previous.isPresent()) {
            return InputHold.until(session, request, previous.get());
        }
        List<CompletableFuture<?>> needed = new ArrayList<>();
        if ("MAIL".equals(request.getCommand())) {
            Optional<String> domain = MailFromArgument.senderDomain(request.getArgument());
            domain.ifPresent(sender -> startSender(lookups, snapshot, sender));
            addUndecidedClient(needed, lookups, snapshot);
            addUndecidedHelo(needed, lookups, snapshot);
            if (!policy.exemptsSender(snapshot)) {
                domain.flatMap(lookups::senderLookup).ifPresent(needed::add);
            }
        } else if (request.getArgument() != null) {
            startHelo(session, lookups, snapshot, request.getArgument().trim());
            if (policy.decidesClientAtHelo()) {
                addUndecidedClient(needed, lookups, snapshot);
            }
            if (policy.decidesHeloAtHelo()) {
                addUndecidedHelo(needed, lookups, snapshot);
            }
        }
        needed.removeIf(CompletableFuture::isDone);
        if (needed.isEmpty()) {
            return null;
        }
        return InputHold.until(session, request, CompletableFuture.allOf(needed.toArray(new CompletableFuture<?>[0])));
    }

    /** The session's lookup still in flight that this command, naming something else, would replace. */
    private static Optional<CompletableFuture<?>> pendingOfAnother(ConnectionLookups lookups, Request request) {
        if ("MAIL".equals(request.getCommand())) {
            Optional<String> domain = MailFromArgument.senderDomain(request.getArgument());
            boolean another = domain.isEmpty() || !domain.get().equalsIgnoreCase(lookups.senderDomain);
            return another && ConnectionLookups.pending(lookups.senderLookup)
                ? Optional.of(lookups.senderLookup) : Optional.empty();
        }
        boolean another = request.getArgument() == null || !request.getArgument().trim().equalsIgnoreCase(lookups.helo);
        return another && ConnectionLookups.pending(lookups.heloLookup) ? Optional.of(lookups.heloLookup) : Optional.empty();
    }

    /**
     * A new sender domain replaces the last one's lookup; the same domain again (a held MAIL replayed, or
     * the next transaction) keeps it, so that an unanswered lookup is not asked again and again.
     */
    private void startSender(ConnectionLookups lookups, SessionSnapshot snapshot, String domain) {
        if (!domain.equalsIgnoreCase(lookups.senderDomain)) {
            lookups.senderDomain = domain;
            lookups.senderLookup = policy.lookUpSenderDomain(snapshot, domain).orElse(null);
        }
    }

    /** A new HELO name replaces the last one, its lookup and its warnings; the same name again keeps them. */
    private void startHelo(SMTPSession session, ConnectionLookups lookups, SessionSnapshot snapshot, String helo) {
        if (helo.equalsIgnoreCase(lookups.helo)) {
            return;
        }
        lookups.helo = helo;
        lookups.heloLookup = policy.lookUpHelo(snapshot, helo, lookups.heloNamesLookedUp).orElse(null);
        lookups.heloDecided = false;
        HELO_HEADERS.clear(session, State.Connection);
    }

    private void addUndecidedClient(List<CompletableFuture<?>> needed, ConnectionLookups lookups, SessionSnapshot snapshot) {
        if (!lookups.clientDecided && !policy.exemptsClient(snapshot)) {
            add(needed, lookups.client);
        }
    }

    private void addUndecidedHelo(List<CompletableFuture<?>> needed, ConnectionLookups lookups, SessionSnapshot snapshot) {
        if (!lookups.heloDecided && !policy.exemptsHelo(snapshot)) {
            add(needed, lookups.heloLookup);
        }
    }

    private static void add(List<CompletableFuture<?>> needed, CompletableFuture<?> lookup) {
        if (lookup != null) {
            needed.add(lookup);
        }
    }

    @Override
    public HookResult doHelo(SMTPSession session, String helo) {
        SessionSnapshot snapshot = SmtpSessions.snapshot(session, trusted);
        ConnectionLookups lookups = ConnectionLookups.of(session);
        Optional<HookResult> refusal = policy.decidesClientAtHelo() ? decideClient(session, snapshot, lookups) : Optional.empty();
        if (refusal.isEmpty() && policy.decidesHeloAtHelo()) {
            refusal = decideHelo(session, snapshot, lookups);
        }
        return refusal.orElse(HookResult.DECLINED);
    }

    /** Whatever HELO left undecided is decided here (when authenticated sessions are exempt, all of it). */
    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        SessionSnapshot snapshot = SmtpSessions.snapshot(session, trusted, sender);
        ConnectionLookups lookups = ConnectionLookups.of(session);
        return decideClient(session, snapshot, lookups)
            .or(() -> decideHelo(session, snapshot, lookups))
            .or(() -> decideSender(session, snapshot, lookups, sender))
            .orElse(HookResult.DECLINED);
    }

    /** A check that passed or only warned is done for the connection; one that refused runs again next time. */
    private Optional<HookResult> decideClient(SMTPSession session, SessionSnapshot snapshot, ConnectionLookups lookups) {
        if (lookups.client == null || lookups.clientDecided) {
            return Optional.empty();
        }
        StageResult result = policy.client(snapshot, clientIprev(snapshot, lookups));
        lookups.clientDecided = result.refusal().isEmpty();
        return refusalOrHeaders(session, CLIENT_HEADERS, State.Connection, result);
    }

    private Optional<HookResult> decideHelo(SMTPSession session, SessionSnapshot snapshot, ConnectionLookups lookups) {
        if (lookups.heloLookup == null || lookups.heloDecided) {
            return Optional.empty();
        }
        StageResult result = policy.helo(snapshot, lookups.heloLookup.getNow(notYet(lookups.helo)));
        lookups.heloDecided = result.refusal().isEmpty();
        return refusalOrHeaders(session, HELO_HEADERS, State.Connection, result);
    }

    /**
     * The lookup started for this sender's domain. Should James have read another domain than
     * {@link MailFromArgument} did, that domain's lookup starts only now, as the session's one sender lookup,
     * and counts as unanswered.
     */
    private Optional<HookResult> decideSender(SMTPSession session, SessionSnapshot snapshot, ConnectionLookups lookups,
                                              MaybeSender sender) {
        if (sender.isNullSender()) {
            return Optional.empty();
        }
        String domain = sender.get().getDomain().asString();
        if (lookups.senderLookup(domain).isEmpty() && !ConnectionLookups.pending(lookups.senderLookup)) {
            startSender(lookups, snapshot, domain);
        }
        Optional<CompletableFuture<DomainLookup>> lookup = lookups.senderLookup(domain);
        if (lookup.isEmpty() && policy.checksSender(snapshot, domain) && !domain.equalsIgnoreCase(lookups.senderDomain)) {
            lookup = Optional.of(CompletableFuture.completedFuture(notYet(domain)));
        }
        return lookup.flatMap(started -> refusalOrHeaders(session, SENDER_HEADERS, State.Transaction,
            policy.senderDomain(snapshot, started.getNow(notYet(domain)))));
    }

    private static Optional<HookResult> refusalOrHeaders(SMTPSession session, SessionHeaders headers, State state,
                                                         StageResult result) {
        if (result.refusal().isPresent()) {
            return Optional.of(SmtpReplies.hookResult(result.decision()));
        }
        headers.add(session, result.headers(), state);
        return Optional.empty();
    }

    /** Removes planted copies of our fields, then adds the iprev result and the warnings. */
    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        SessionSnapshot snapshot = SmtpSessions.snapshot(session, trusted);
        ConnectionLookups lookups = ConnectionLookups.of(session);
        String host = session.getConfiguration().getHelloName();
        try {
            MimeMessage message = mail.getMessage();
            if (!snapshot.trusted()) {
                removePlantedFields(message, host);
            }
            if (lookups.client != null) {
                Optional<Header> field = policy.authenticationResults(snapshot, host, clientIprev(snapshot, lookups));
                if (field.isPresent()) {
                    message.addHeader(field.get().name(), field.get().value());
                }
            }
            CLIENT_HEADERS.writeTo(session);
            HELO_HEADERS.writeTo(session);
            SENDER_HEADERS.writeTo(session);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write the reverse-lookup fields into the message", e);
        }
        return HookResult.DECLINED;
    }

    /** Touches the message only when there is something to remove: any change has James serialize it anew. */
    private void removePlantedFields(MimeMessage message, String host) throws MessagingException {
        if (message.getHeader(policy.warningHeader()) != null) {
            message.removeHeader(policy.warningHeader());
        }
        String[] results = message.getHeader(AuthenticationResults.NAME);
        if (results == null || Arrays.stream(results).noneMatch(value -> AuthenticationResults.claims(value, host))) {
            return;
        }
        message.removeHeader(AuthenticationResults.NAME);
        for (String value : results) {
            if (!AuthenticationResults.claims(value, host)) {
                message.addHeader(AuthenticationResults.NAME, value);
            }
        }
    }

    private static IprevResult clientIprev(SessionSnapshot snapshot, ConnectionLookups lookups) {
        return lookups.client.getNow(IprevResult.temperror(snapshot.clientIp(), List.of(), NOT_YET));
    }

    private static DomainLookup notYet(String domain) {
        return DomainLookup.temperror(domain, NOT_YET);
    }
}
