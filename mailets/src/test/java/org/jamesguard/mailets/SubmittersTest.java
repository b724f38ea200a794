package org.jamesguard.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.mailets.TestMails.mail;
import static org.jamesguard.mailets.TestMails.overJmap;
import static org.jamesguard.mailets.TestMails.overSmtp;

import org.apache.james.core.MaybeSender;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.Test;

/** Who submitted a mail: the SMTP AUTH user, else the JMAP user; nobody for mail James sent itself. */
class SubmittersTest {
    @Test
    void theSmtpAuthUserSubmittedAnSmtpMail() throws Exception {
        Mail mail = overSmtp("john@example.com").build();

        assertThat(Submitters.account(mail)).contains("john@example.com");
        assertThat(Submitters.jmapAccount(mail)).as("counted at the end of DATA, not here").isEmpty();
    }

    @Test
    void theJmapUserSubmittedAJmapMail() throws Exception {
        Mail mail = overJmap("john@example.com").build();

        assertThat(Submitters.account(mail)).contains("john@example.com");
        assertThat(Submitters.jmapAccount(mail)).contains("john@example.com");
    }

    @Test
    void theSmtpAuthUserWinsOverAJmapUser() throws Exception {
        Mail mail = overSmtp("john@example.com")
            .attribute(new Attribute(Submitters.JMAP_USER, AttributeValue.of("jane@example.com"))).build();

        assertThat(Submitters.account(mail)).contains("john@example.com");
        assertThat(Submitters.jmapAccount(mail)).isEmpty();
    }

    @Test
    void aMailWithoutEitherAttributeHasNoSubmitter() throws Exception {
        Mail mail = mail().build();

        assertThat(Submitters.account(mail)).isEmpty();
        assertThat(Submitters.jmapAccount(mail)).isEmpty();
    }

    @Test
    void aMailSentByAMailetHasNoSubmitter() throws Exception {
        Mail smtp = overSmtp("john@example.com").attribute(Mail.SENT_BY_MAILET_ATTRIBUTE).build();
        Mail jmap = overJmap("john@example.com").attribute(Mail.SENT_BY_MAILET_ATTRIBUTE).build();

        assertThat(Submitters.account(smtp)).isEmpty();
        assertThat(Submitters.account(jmap)).isEmpty();
        assertThat(Submitters.jmapAccount(jmap)).isEmpty();
    }

    @Test
    void aBounceCarryingTheOriginalsAttributesHasNoSubmitter() throws Exception {
        Mail smtpBounce = overSmtp("john@example.com").sender(MaybeSender.nullSender()).build();
        Mail jmapBounce = overJmap("john@example.com").sender(MaybeSender.nullSender()).build();

        assertThat(Submitters.account(smtpBounce)).isEmpty();
        assertThat(Submitters.account(jmapBounce)).isEmpty();
        assertThat(Submitters.jmapAccount(jmapBounce)).isEmpty();
    }

    @Test
    void anAttributeThatIsNotTextNamesNobody() throws Exception {
        Mail mail = mail().attribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of(42)))
            .attribute(new Attribute(Submitters.JMAP_USER, AttributeValue.of(true))).build();

        assertThat(Submitters.account(mail)).isEmpty();
        assertThat(Submitters.jmapAccount(mail)).isEmpty();
    }

    @Test
    void theJmapAttributeIsJamesOwnName() {
        assertThat(Submitters.JMAP_USER.asString()).isEqualTo("org.apache.james.jmap.send.MailMetaData.username");
    }
}
