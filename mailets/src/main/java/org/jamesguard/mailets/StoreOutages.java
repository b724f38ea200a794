package org.jamesguard.mailets;

import javax.mail.MessagingException;

import org.jamesguard.core.Decision;
import org.jamesguard.core.Replies;

/**
 * A mail the state store could not decide on under {@code fail-closed} has no client to answer 451 to: it goes to
 * James's {@code error} processor, kept for reprocessing once the store is back, rather than where a refusal would
 * send it (a quarantine for frozen accounts or screened clients, {@code onLimit}).
 */
final class StoreOutages {
    private StoreOutages() {
    }

    /** {@code decision}, unless it is the store's outage: then the mail goes to the error processor. */
    static Decision decided(Decision decision, String what) throws MessagingException {
        if (decision.reply().filter(Replies.STORE_UNAVAILABLE::equals).isPresent()) {
            throw new MessagingException(what + ": " + decision.reply().get());
        }
        return decision;
    }
}
