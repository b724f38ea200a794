package org.jamesguard.mailets;

import java.util.Optional;

import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;

/**
 * Who submitted a mail: the account an SMTP session authenticated as, or the JMAP user. Mail James sent
 * itself (bounces, notices) carries the original's attributes, so it counts as submitted by nobody.
 */
final class Submitters {
    static final AttributeName JMAP_USER = AttributeName.of("org.apache.james.jmap.send.MailMetaData.username");

    private Submitters() {
    }

    static Optional<String> account(Mail mail) {
        if (sentByJames(mail)) {
            return Optional.empty();
        }
        return stringAttribute(mail, Mail.SMTP_AUTH_USER).or(() -> stringAttribute(mail, JMAP_USER));
    }

    /** The account of a mail submitted over JMAP, not SMTP (SMTP submissions are counted at the end of DATA). */
    static Optional<String> jmapAccount(Mail mail) {
        if (sentByJames(mail) || stringAttribute(mail, Mail.SMTP_AUTH_USER).isPresent()) {
            return Optional.empty();
        }
        return stringAttribute(mail, JMAP_USER);
    }

    private static boolean sentByJames(Mail mail) {
        return mail.getAttribute(Mail.SENT_BY_MAILET_ATTRIBUTE.getName()).isPresent() || mail.getMaybeSender().isNullSender();
    }

    private static Optional<String> stringAttribute(Mail mail, AttributeName name) {
        return mail.getAttribute(name)
            .map(attribute -> attribute.getValue().value())
            .filter(String.class::isInstance)
            .map(String.class::cast);
    }
}
