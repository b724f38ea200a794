package org.jamesguard.hooks.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;

import javax.inject.Inject;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.smtp.MailEnvelope;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.apache.james.protocols.smtp.hook.MessageHook;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.auth.LocalAccounts;
import org.jamesguard.core.auth.PopLoginStore;
import org.jamesguard.core.auth.SenderPolicy;
import org.jamesguard.core.auth.SenderPolicyConfig;
import org.jamesguard.core.auth.from.FromHeaderParser;
import org.jamesguard.core.net.NetworkClasses;

/**
 * SPEC A1–A10: who must authenticate, which return-path (MAIL, RCPT) and which From: (end of DATA) an
 * account may use, POP-before-SMTP. Works on listeners without AUTH too.
 * <pre>{@code
 * <handler class="org.jamesguard.hooks.smtp.SenderGate">
 *   <fromOwnership><mode>stamp-sender</mode></fromOwnership>
 * </handler>
 * }</pre>
 * The elements are those of {@link SenderPolicyConfig}.
 */
public class SenderGate implements MailHook, RcptHook, MessageHook {
    /** The From: check reads at most this much of the header section, as the client sent it. */
    static final int MAX_HEADER_SECTION = 256 * 1024;
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
        HookResult result = HEADERS.reply(session, policy.atData(SmtpSessions.snapshot(session, trusted),
            () -> FromHeaderParser.parse(readHeaderSection(mail))), State.Transaction);
        return result == HookResult.DECLINED ? HEADERS.writeTo(session) : result;
    }

    /**
     * The header section as received: the parser must see folding, line ends and duplicates itself. Stops
     * after the first empty line; a section longer than the cap is passed truncated, and the parser
     * refuses its overlong or unterminated lines.
     */
    static String readHeaderSection(MailEnvelope mail) {
        try (InputStream in = mail.getMessageInputStream()) {
            byte[] section = new byte[Math.min(4096, MAX_HEADER_SECTION)];
            int length = 0;
            // as if after a line end, so an empty first line ends an empty header section
            int before = -1;
            int previous = '\n';
            while (length < MAX_HEADER_SECTION) {
                if (length == section.length) {
                    section = Arrays.copyOf(section, Math.min(MAX_HEADER_SECTION, section.length * 2));
                }
                int read = in.read(section, length, section.length - length);
                if (read < 0) {
                    break;
                }
                for (int i = length; i < length + read; i++) {
                    int current = section[i];
                    if (current == '\n' && (previous == '\n' || previous == '\r' && before == '\n')) {
                        return new String(section, 0, i + 1, StandardCharsets.UTF_8);
                    }
                    before = previous;
                    previous = current;
                }
                length += read;
            }
            return new String(section, 0, length, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message", e);
        }
    }
}
