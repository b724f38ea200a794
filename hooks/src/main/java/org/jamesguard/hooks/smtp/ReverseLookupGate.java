package org.jamesguard.hooks.smtp;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

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
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Header;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.dns.DnsVerifier;
import org.jamesguard.core.rdns.ReverseLookupConfig;
import org.jamesguard.core.rdns.ReverseLookupPolicy;
import org.jamesguard.core.rdns.ReverseLookupSession;

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
 * Each connection has its {@link ReverseLookupSession}, which starts the lookups and decides each stage; this
 * gate tells it what the client sends. A command whose checks need answers not yet in is held
 * ({@link InputHold}) and runs once they are; the hooks then read finished lookups and never wait, so no DNS
 * answer ever blocks the event loop. At the end of DATA, the message gets the {@code Authentication-Results}
 * iprev field and the warnings, after losing any copies a client planted ({@link PlantedFields}); trusted
 * clients keep theirs. This happens in a {@link JamesMessageHook}, after every {@code MessageHook} read the
 * message exactly as received: once its header is changed, James serializes the message anew.
 */
public class ReverseLookupGate implements ConnectHandler<SMTPSession>, CommandHandler<SMTPSession>, HeloHook, MailHook,
    JamesMessageHook {
    private static final Collection<String> COMMANDS = ImmutableList.of("HELO", "EHLO", "MAIL");
    /** Connection state: James resets Transaction state at HELO, RSET and after each message. */
    private static final AttachmentKey<ReverseLookupSession> LOOKUPS =
        AttachmentKey.of("jamesguard.reverse-lookup.session", ReverseLookupSession.class);

    private final DnsVerifier dns;
    private final DecisionRecorder recorder;
    private final TrustedNetworks trusted;
    private ReverseLookupPolicy policy;

    @Inject
    public ReverseLookupGate(DnsVerifier dns, DecisionRecorder recorder, TrustedNetworks trusted) {
        this.dns = dns;
        this.recorder = recorder;
        this.trusted = trusted;
        this.policy = new ReverseLookupPolicy(ReverseLookupConfig.defaults(), recorder);
    }

    @Override
    public void init(Configuration config) throws ConfigurationException {
        policy = new ReverseLookupPolicy(HandlerConfigs.parse(config, getClass(), ReverseLookupConfig::parse), recorder);
    }

    @Override
    public Response onConnect(SMTPSession session) {
        lookups(session).connected(SmtpSessions.snapshot(session, trusted));
        return SmtpReplies.NO_COMMAND_RESPONSE;
    }

    @Override
    public Collection<String> getImplCommands() {
        return COMMANDS;
    }

    /** Starts the command's lookup, then lets James run the command, or holds it until its answers are in. */
    @Override
    public Response onCommand(SMTPSession session, Request request) {
        SessionSnapshot snapshot = SmtpSessions.snapshot(session, trusted);
        Optional<CompletableFuture<?>> needed = "MAIL".equals(request.getCommand())
            ? lookups(session).mailArrives(snapshot, MailFromArgument.senderDomain(request.getArgument()))
            : lookups(session).heloArrives(snapshot, request.getArgument());
        return needed.map(answers -> InputHold.until(session, request, answers)).orElse(null);
    }

    @Override
    public HookResult doHelo(SMTPSession session, String helo) {
        return SmtpReplies.hookResult(lookups(session).decideHelo(SmtpSessions.snapshot(session, trusted)));
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        Optional<String> domain = sender.isNullSender() ? Optional.empty() : Optional.of(sender.get().getDomain().asString());
        return SmtpReplies.hookResult(lookups(session).decideMail(SmtpSessions.snapshot(session, trusted, sender), domain));
    }

    /** Removes planted copies of our fields, then adds the iprev result and the warnings. */
    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        SessionSnapshot snapshot = SmtpSessions.snapshot(session, trusted);
        String host = session.getConfiguration().getHelloName();
        try {
            MimeMessage message = mail.getMessage();
            if (!snapshot.trusted()) {
                PlantedFields.remove(message, policy.warningHeader(), host);
            }
            for (Header field : lookups(session).messageFields(snapshot, host)) {
                if (field.replacesExisting()) {
                    message.setHeader(field.name(), field.value());
                } else {
                    message.addHeader(field.name(), field.value());
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write the reverse-lookup fields into the message", e);
        }
        return HookResult.DECLINED;
    }

    /** Made at connect; created anew (with no client lookup) only should James have dropped it. */
    private ReverseLookupSession lookups(SMTPSession session) {
        return SmtpSessions.attachment(session, LOOKUPS, State.Connection, lookups -> true,
            () -> new ReverseLookupSession(policy, dns));
    }
}
