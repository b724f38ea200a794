package org.jamesguard.core.hijack;

import org.jamesguard.core.net.EmailAddress;

/** Sends the postmaster the freeze notice and the unfreeze confirmation (over James's MailetContext). */
public interface FreezeNotifier {
    void send(FreezeNotice notice);

    /** A notice: recipient, Reply-To (the unfreeze token address, for a freeze), subject and text. */
    final class FreezeNotice {
        private final EmailAddress to;
        private final EmailAddress replyTo;
        private final String subject;
        private final String text;

        public FreezeNotice(EmailAddress to, EmailAddress replyTo, String subject, String text) {
            this.to = to;
            this.replyTo = replyTo;
            this.subject = subject;
            this.text = text;
        }

        public EmailAddress to() {
            return to;
        }

        /** Where a reply goes; null for a confirmation, which needs none. */
        public EmailAddress replyTo() {
            return replyTo;
        }

        public String subject() {
            return subject;
        }

        public String text() {
            return text;
        }
    }
}
