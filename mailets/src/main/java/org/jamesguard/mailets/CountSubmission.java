package org.jamesguard.mailets;

import java.net.InetAddress;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.Decision;
import org.jamesguard.core.hijack.HijackPolicy;
import org.jamesguard.core.net.IpAddresses;

/**
 * Counts mail submitted over JMAP toward the account's sending limits (SMTP submissions are counted at
 * the end of DATA). Past a limit the mail goes to the processor named by {@code onLimit} (default:
 * {@code ghost}, dropped), and with freezing the account is frozen.
 * <pre>{@code
 * <mailet match="All" class="org.jamesguard.mailets.CountSubmission">
 *   <onLimit>hijack-limit</onLimit>
 * </mailet>
 * }</pre>
 */
public class CountSubmission extends GenericMailet {
    private final HijackPolicy policy;
    private String onLimit;

    @Inject
    public CountSubmission(HijackPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void init() {
        onLimit = getInitParameter("onLimit", Mail.GHOST);
    }

    /**
     * A refusal that is no limit (the store unreachable under fail-closed, or an error) has no client to answer
     * 451 to: the mail goes to James's error processor, kept for reprocessing, never to {@code onLimit}.
     */
    @Override
    public void service(Mail mail) throws MessagingException {
        Optional<String> account = Submitters.jmapAccount(mail);
        if (account.isEmpty()) {
            return;
        }
        Decision decision = StoreOutages.decided(policy.countMessage(account.get(), clientIp(mail), mail.getRecipients().size(),
            AuditContext.of(mail.getName(), mail.getRemoteAddr(), account.get(), "jmap")),
            "could not count " + mail.getName() + " against the limits of " + account.get());
        if (decision.refuses()) {
            mail.setState(onLimit);
        }
    }

    /** JMAP mail carries the HTTP client's address when James knows it; otherwise the strictest class. */
    private static InetAddress clientIp(Mail mail) {
        String remote = mail.getRemoteAddr();
        return remote != null && IpAddresses.isLiteral(remote) ? IpAddresses.parse(remote) : IpAddresses.parse("0.0.0.0");
    }
}
