package org.jamesguard.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.mail.internet.AddressException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailContext.SentMail;
import org.jamesguard.core.hijack.FreezeNotifier.FreezeNotice;
import org.jamesguard.core.net.EmailAddress;
import org.junit.jupiter.api.Test;

/** Freeze notices and confirmations go through James's pipeline, from the configured postmaster. */
class MailetFreezeNotifierTest {
    private static final String TOKEN = "unfreeze-abcdefghijklmnop-t9h2kg-abcdefghijklmnopqrstuvwxyz";
    private static final FreezeNotice NOTICE = new FreezeNotice(EmailAddress.parse("postmaster@example.com"),
        EmailAddress.parse(TOKEN + "@example.com"), "[James Guard] Account john@example.com frozen: sending limit reached (other IPs)",
        "James Guard froze the account john@example.com.\n\nReason: sending limit reached (other IPs)\n");

    private final FakeMailContext context = FakeMailContext.builder().postmaster(mailAddress("mailadmin@example.net")).build();
    private final MailetFreezeNotifier notifier = new MailetFreezeNotifier(context);

    private static MailAddress mailAddress(String address) {
        try {
            return new MailAddress(address);
        } catch (AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private SentMail onlySent() {
        assertThat(context.getSentMails()).hasSize(1);
        return context.getSentMails().get(0);
    }

    @Test
    void theNoticeGoesFromThePostmasterToItsRecipient() {
        notifier.send(NOTICE);

        SentMail sent = onlySent();
        assertThat(sent.getSender()).isEqualTo(mailAddress("mailadmin@example.net"));
        assertThat(sent.getRecipients()).containsExactly(mailAddress("postmaster@example.com"));
    }

    @Test
    void theNoticeCarriesItsHeadersAndText() throws Exception {
        notifier.send(NOTICE);

        MimeMessage message = onlySent().getMsg();
        assertThat(message.getHeader("From", ",")).isEqualTo("mailadmin@example.net");
        assertThat(message.getHeader("To", ",")).isEqualTo("postmaster@example.com");
        assertThat(message.getHeader("Reply-To", ",")).isEqualTo(TOKEN + "@example.com");
        assertThat(message.getSubject()).isEqualTo("[James Guard] Account john@example.com frozen: sending limit reached (other IPs)");
        assertThat(message.getHeader("Auto-Submitted", ",")).isEqualTo("auto-generated");
        assertThat(message.getContent()).isEqualTo("James Guard froze the account john@example.com.\n\nReason: sending limit reached (other IPs)\n");
        assertThat(message.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    }

    @Test
    void aConfirmationHasNoReplyTo() throws Exception {
        notifier.send(new FreezeNotice(EmailAddress.parse("postmaster@example.com"), null,
            "[James Guard] Account john@example.com unfrozen", "The account john@example.com was unfrozen by admin.\n"));

        MimeMessage message = onlySent().getMsg();
        assertThat(message.getHeader("Reply-To")).isNull();
        assertThat(message.getSubject()).isEqualTo("[James Guard] Account john@example.com unfrozen");
        assertThat(message.getHeader("Auto-Submitted", ",")).isEqualTo("auto-generated");
    }

    @Test
    void aSubjectAndTextBeyondAsciiSurviveTheTrip() throws Exception {
        notifier.send(new FreezeNotice(EmailAddress.parse("postmaster@b\u00fccher.example"), null,
            "[James Guard] Account j\u00fcrgen@b\u00fccher.example unfrozen", "J\u00fcrgen \u4e2d\u6587\n"));

        MimeMessage message = onlySent().getMsg();
        assertThat(message.getSubject()).isEqualTo("[James Guard] Account j\u00fcrgen@b\u00fccher.example unfrozen");
        assertThat(message.getHeader("Subject", ",")).startsWith("=?UTF-8?");
        assertThat(message.getContent()).isEqualTo("J\u00fcrgen \u4e2d\u6587\n");
    }

    @Test
    void aPipelineThatCannotTakeTheNoticeFailsNamingIt() {
        MailetFreezeNotifier failing = new MailetFreezeNotifier(TestMails.refusingToSend(context));

        assertThatThrownBy(() -> failing.send(NOTICE))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("cannot send the notice '[James Guard] Account john@example.com frozen: sending limit reached (other IPs)'")
            .hasRootCauseMessage("spool full (test)");
    }
}
