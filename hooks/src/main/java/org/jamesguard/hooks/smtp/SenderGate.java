package org.jamesguard.hooks.smtp;

import java.time.Clock;
import java.util.List;

import javax.inject.Inject;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ExtensibleHandler;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.api.handler.WiringException;
import org.apache.james.protocols.smtp.MailEnvelope;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.DataLineFilter;
import org.apache.james.protocols.smtp.core.ReceivedDataLineFilter;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.apache.james.protocols.smtp.hook.MessageHook;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.auth.LocalAccounts;
import org.jamesguard.core.auth.SenderPolicy;
import org.jamesguard.core.auth.SenderPolicyConfig;
import org.jamesguard.core.net.NetworkClasses;
import org.jamesguard.core.store.PopLoginStore;

/**
 * SPEC A1–A10, H1, H2: who must authenticate, which return-path (MAIL, RCPT) and which From: (end of DATA)
 * an account may use, POP-before-SMTP. Works on listeners without AUTH too. It must see the DATA lines
 * before James's Received filter (James appends its core handlers after every {@code <handler>}, so only
 * a filter named explicitly ahead of it could come first), to read the header section as the client sent it.
 * <pre>{@code
 * <handler class="org.jamesguard.hooks.smtp.SenderGate">
 *   <fromOwnership><mode>stamp-sender</mode></fromOwnership>
 * </handler>
 * }</pre>
 * The elements are those of {@link SenderPolicyConfig}.
 */
public class SenderGate implements MailHook, RcptHook, MessageHook, DataLineFilter, ExtensibleHandler {
    private static final SessionHeaders HEADERS = new SessionHeaders("sender-gate");

    private final LocalAccounts accounts;
    private final NetworkClasses network;
    private final PopLoginStore popLogins;
    private final DecisionRecorder recorder;
    private final TrustedNetworks trusted;
    private final Clock clock;
    private SenderPolicy policy;

    @Inject
    public SenderGate(LocalAccounts accounts, NetworkClasses network, PopLoginStore popLogins, DecisionRecorder recorder,
                      TrustedNetworks trusted, Clock clock) {
        this.accounts = accounts;
        this.network = network;
        this.popLogins = popLogins;
        this.recorder = recorder;
        this.trusted = trusted;
        this.clock = clock;
        this.policy = policy(SenderPolicyConfig.defaults());
    }

    @Override
    public void init(Configuration config) throws ConfigurationException {
        policy = policy(HandlerConfigs.parse(config, getClass(), SenderPolicyConfig::parse));
    }

    private SenderPolicy policy(SenderPolicyConfig config) {
        return new SenderPolicy(config, accounts, network, popLogins, recorder, clock);
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        return HEADERS.reply(session, policy.atMail(SmtpSessions.snapshot(session, trusted, sender)), State.Transaction);
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        return HEADERS.reply(session, policy.atRcpt(SmtpSessions.snapshot(session, trusted), SmtpSessions.toEmail(rcpt)),
            State.Transaction);
    }

    @Override
    public HookResult onMessage(SMTPSession session, MailEnvelope mail) {
        return HEADERS.atMessage(session, policy.atData(SmtpSessions.snapshot(session, trusted),
            () -> ClientHeaderCapture.of(session)));
    }

    /** Captures the client's header section before James's own line filters touch it; see {@link ClientHeaderCapture}. */
    @Override
    public Response onLine(SMTPSession session, byte[] line, LineHandler<SMTPSession> next) {
        if (session.getUsername() != null && policy.readsFromHeader()) {
            ClientHeaderCapture.onLine(session, line, policy.maxHeaderSection());
        }
        return next.onLine(session, line);
    }

    @Override
    public List<Class<?>> getMarkerInterfaces() {
        return List.of(DataLineFilter.class);
    }

    /** Fails the start when a Received filter runs first: the capture would then see James's field. */
    @Override
    public void wireExtensions(Class<?> interfaceName, List<?> extensions) throws WiringException {
        for (Object filter : extensions) {
            if (filter == this) {
                return;
            }
            if (filter instanceof ReceivedDataLineFilter) {
                throw new WiringException(getClass().getName() + " must come before " + ReceivedDataLineFilter.class.getName()
                    + " in the <handlerchain>: it reads the header section as the client sent it, before James adds its Received field");
            }
        }
    }
}
