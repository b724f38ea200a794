package org.jamesguard.mailets;

import java.util.Collection;
import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.screen.DynamicScreen;

/**
 * Matches mail whose client IP is on the dynamic screen when the mail is processed: mail accepted
 * before the IP was screened (or on a listener without {@code ScreenGate}) can be held or refused.
 * <pre>{@code
 * <mailet match="org.jamesguard.mailets.ClientIsScreened" class="ToRepository">
 *   <repositoryPath>memory://var/mail/screened/</repositoryPath>
 * </mailet>
 * }</pre>
 */
public class ClientIsScreened extends GenericMatcher {
    private final DynamicScreen screen;

    @Inject
    public ClientIsScreened(DynamicScreen screen) {
        this.screen = screen;
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        String remote = mail.getRemoteAddr();
        if (remote == null || !IpAddresses.isLiteral(remote)) {
            return List.of();
        }
        String ip = IpAddresses.format(IpAddresses.parse(remote));
        return screen.find(ip).isPresent() ? mail.getRecipients() : List.of();
    }
}
