package org.jamesguard.mailets;

import javax.mail.MessagingException;

import org.jamesguard.core.Decision;

/**
 * A mail the state store could not decide on under {@code fail-closed}, or that a check failed on unexpectedly, has
 * no client to answer 451 to: it goes to
 * James's {@code error} processor, kept for reprocessing once the store is back (or the bug fixed), rather than where a refusal would
 * send it (a quarantine for frozen accounts or screened clients, {@code onLimit}).
 */
final class StoreOutages {
    private StoreOutages() {
    }

    /**
     * {@code decision}, unless it is the store's outage or an internal error (nothing was decided about the mail):
     * then the mail goes to the error processor.
     */
    static Decision decided(Decision decision, String what) throws MessagingException {
        if (decision.cause().filter(cause -> cause != Decision.Cause.POLICY).isPresent()) {
            throw new MessagingException(what + ": " + decision.reply().get());
        }
        return decision;
    }
}
