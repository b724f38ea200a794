package org.jamesguard.hooks.smtp;

import java.util.List;

import javax.inject.Inject;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.api.handler.ProtocolHandlerResultHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.RcptCmdHandler;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.auth.LocalAccounts;
import org.jamesguard.core.hijack.HijackPolicy;
import org.jamesguard.core.hijack.UnfreezeAddressCheck;

/**
 * SPEC §3 on an SMTP listener: sessions of frozen accounts refused at MAIL, messages counted against the
 * account's limits as they are accepted, 5xx RCPT replies (from any handler, James's included) counted,
 * and replies to a freeze notice let through to the unfreeze mailet only from authenticated sessions.
 * Limits are set once for all listeners, in {@code <hijack>} of jamesguard.xml.
 * <pre>{@code
 * <handler class="org.jamesguard.hooks.smtp.HijackGate"/>
 * }</pre>
 * Put it after the other James Guard handlers: a message is counted only once they all accepted it.
 */
public class HijackGate implements MailHook, RcptHook, JamesMessageHook, ProtocolHandlerResultHandler<Response, SMTPSession> {
    private static final SessionHeaders HEADERS = new SessionHeaders("hijack-gate");

    private final HijackPolicy policy;
    private final UnfreezeAddressCheck unfreezeAddresses;
    private final TrustedNetworks trusted;

    @Inject
    public HijackGate(HijackPolicy policy, LocalAccounts accounts, DecisionRecorder recorder, TrustedNetworks trusted) {
        this.policy = policy;
        this.unfreezeAddresses = new UnfreezeAddressCheck(accounts, recorder);
        this.trusted = trusted;
    }

    /** At start-up: accounts that could not be watched stop James (SPEC H5), rather than go unwatched. */
    @Override
    public void init(Configuration config) throws ConfigurationException {
        policy.checkAccountsCanBeWatched();
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        return HEADERS.reply(session, policy.atMail(SmtpSessions.snapshot(session, trusted)), State.Transaction);
    }

    /** A reply to a freeze notice: accepted (past James's unknown user check) only from an authenticated session. */
    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress rcpt) {
        return unfreezeAddresses.atRcpt(() -> SmtpSessions.snapshot(session, trusted), rcpt.getLocalPart(), rcpt.getDomain().asString())
            .map(decision -> decision.refuses() ? SmtpReplies.hookResult(decision) : HookResult.OK)
            .orElse(HookResult.DECLINED);
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        return HEADERS.atMessage(session, policy.atMessage(SmtpSessions.snapshot(session, trusted)));
    }

    /** C8: every 5xx answer to RCPT in an authenticated session counts; at the limit the reply becomes the freeze. */
    @Override
    public Response onResponse(ProtocolSession session, Response response, long executionTime, ProtocolHandler handler) {
        if (!(handler instanceof RcptCmdHandler) || !response.getRetCode().startsWith("5")
            || session.getUsername() == null) {
            return response;
        }
        Decision decision = policy.atRcptRefused(SmtpSessions.snapshot((SMTPSession) session, trusted));
        decision.header().ifPresent(header -> HEADERS.add((SMTPSession) session, List.of(header), State.Transaction));
        return decision.refuses() ? SmtpReplies.response(decision) : response;
    }
}
