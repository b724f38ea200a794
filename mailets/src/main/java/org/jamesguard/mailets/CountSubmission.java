package org.jamesguard.mailets;

import java.net.InetAddress;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.Decision;
import org.jamesguard.core.Reply;
import org.jamesguard.core.hijack.HijackPolicy;
import org.jamesguard.core.net.IpAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts mail submitted over JMAP toward the account's sending limits (SMTP submissions are counted at
 * the end of DATA). A submission past a limit is bounced to its sender (James's bounce, with the reply SMTP
 * would have given) and, with freezing, the account is frozen. The original then goes to the processor named
 * by {@code onLimit} (e.g. one that keeps it for the postmaster), or, without it, is consumed: JMAP keeps the
 * submitted email in the sender's own mailbox. {@code ghost} is refused: nothing James accepted is lost silently.
 * <pre>{@code
 * <mailet match="All" class="org.jamesguard.mailets.CountSubmission">
 *   <onLimit>hijack-limit</onLimit>
 * </mailet>
 * }</pre>
 */
public class CountSubmission extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(CountSubmission.class);

    private final HijackPolicy policy;
    private Optional<String> onLimit;

    @Inject
    public CountSubmission(HijackPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void init() throws MessagingException {
        onLimit = Optional.ofNullable(getInitParameter("onLimit")).map(String::trim);
        // root would count and bounce the same mail again, for ever
        if (onLimit.filter(state -> state.isEmpty() || state.equals(Mail.GHOST) || state.equals(Mail.DEFAULT)).isPresent()) {
            throw new MessagingException("CountSubmission <onLimit>: expected the name of a processor that keeps or bounces the mail,"
                + " got '" + onLimit.get() + "' (leave it out to bounce the mail to its sender; a submission over a limit is never"
                + " dropped silently, nor sent back to root to be counted again)");
        }
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
            refuse(mail, account.get(), decision.reply().orElseThrow());
        }
    }

    /** The bounce goes first: if James cannot send it, the exception keeps the mail in the error processor. */
    private void refuse(Mail mail, String account, Reply reply) throws MessagingException {
        getMailetContext().bounce(mail, "Your message to " + recipients(mail) + " was not sent: " + reply
            + ". Your account " + account + " reached a sending limit; send it again later, or ask your postmaster.");
        mail.setState(onLimit.orElse(Mail.GHOST));
        LOGGER.info("JMAP submission {} of {} over a sending limit: bounced to {}, {}", mail.getName(), account,
            mail.getMaybeSender().asString(), onLimit.map(state -> "kept in processor " + state).orElse("the original consumed"));
    }

    private static String recipients(Mail mail) {
        return mail.getRecipients().stream().map(MailAddress::asString).collect(Collectors.joining(", "));
    }

    /** JMAP mail carries the HTTP client's address when James knows it; otherwise the strictest class. */
    private static InetAddress clientIp(Mail mail) {
        String remote = mail.getRemoteAddr();
        return remote != null && IpAddresses.isLiteral(remote) ? IpAddresses.parse(remote) : IpAddresses.parse("0.0.0.0");
    }
}
