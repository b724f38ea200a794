package org.jamesguard.mailets;

import java.util.List;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.MailetContext;
import org.jamesguard.core.hijack.FreezeNotifier;

/**
 * Sends freeze notices and unfreeze confirmations through James's mail pipeline, from the configured
 * postmaster ({@code <context><postmaster>} of mailetcontainer.xml).
 */
public class MailetFreezeNotifier implements FreezeNotifier {
    private final MailetContext context;

    @Inject
    public MailetFreezeNotifier(MailetContext context) {
        this.context = context;
    }

    @Override
    public void send(FreezeNotice notice) {
        try {
            MailAddress postmaster = context.getPostmaster();
            MimeMessage message = new MimeMessage(Session.getDefaultInstance(System.getProperties()));
            message.setFrom(postmaster.toInternetAddress().orElseThrow());
            message.setRecipients(MimeMessage.RecipientType.TO, notice.to().asString());
            if (notice.replyTo() != null) {
                message.setReplyTo(new InternetAddress[] {new InternetAddress(notice.replyTo().asString())});
            }
            message.setSubject(notice.subject(), "UTF-8");
            message.setText(notice.text(), "UTF-8");
            message.setHeader("Auto-Submitted", "auto-generated");
            message.saveChanges();
            context.sendMail(postmaster, List.of(new MailAddress(notice.to().asString())), message);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot send the notice '" + notice.subject() + "'", e);
        }
    }
}
