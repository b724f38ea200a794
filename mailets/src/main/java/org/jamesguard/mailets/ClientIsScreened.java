package org.jamesguard.mailets;

import java.net.InetAddress;
import java.util.Collection;
import java.util.List;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Mode;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.screen.ScreenedIpCheck;

/**
 * Matches mail whose client IP is on the dynamic screen when the mail is processed: mail accepted
 * before the IP was screened (or on a listener without {@code ScreenGate}) can be held or refused. That mail
 * was answered 250: hold it in a repository that survives restarts ({@code file://}), never {@code memory://}.
 * <pre>{@code
 * <mailet match="org.jamesguard.mailets.ClientIsScreened" class="ToRepository">
 *   <repositoryPath>file://var/mail/screened/</repositoryPath>
 * </mailet>
 * }</pre>
 */
public class ClientIsScreened extends GenericMatcher {
    private final DynamicScreen screen;
    private final DecisionRecorder recorder;
    private final TrustedNetworks trusted;

    @Inject
    public ClientIsScreened(DynamicScreen screen, DecisionRecorder recorder, TrustedNetworks trusted) {
        this.screen = screen;
        this.recorder = recorder;
        this.trusted = trusted;
    }

    /** Decided like the connect-time check, so report-only mode and the audit log apply here too. */
    @Override
    public Collection<MailAddress> match(Mail mail) throws MessagingException {
        String remote = mail.getRemoteAddr();
        if (remote == null || !IpAddresses.isLiteral(remote)) {
            return List.of();
        }
        InetAddress ip = IpAddresses.parse(remote);
        SessionSnapshot client = SessionSnapshot.builder(ip).sessionId(mail.getName()).listener("mailet")
            .trusted(trusted.isTrusted(ip)).build();
        Decision decision = StoreOutages.decided(recorder.decide(ScreenedIpCheck.ID, Mode.ENFORCE, client.auditContext(),
            () -> screen.atConnect(client)), "could not tell whether " + remote + ", which sent " + mail.getName() + ", is screened");
        return decision.refuses() ? mail.getRecipients() : List.of();
    }
}
