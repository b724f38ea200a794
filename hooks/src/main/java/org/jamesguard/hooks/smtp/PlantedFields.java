package org.jamesguard.hooks.smtp;

import java.util.Arrays;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.jamesguard.core.rdns.AuthenticationResults;

/**
 * What an untrusted client planted in its message to pass for our fields: {@code Authentication-Results}
 * fields claiming our host (the listener's helloName), and every copy of the warning header, which names no
 * host and is ours alone. Fields of other hosts stay, in their order.
 */
final class PlantedFields {
    private PlantedFields() {
    }

    /** Touches the message only when there is something to remove: any change has James serialize it anew. */
    static void remove(MimeMessage message, String warningHeader, String host) throws MessagingException {
        if (message.getHeader(warningHeader) != null) {
            message.removeHeader(warningHeader);
        }
        String[] results = message.getHeader(AuthenticationResults.NAME);
        if (results == null || Arrays.stream(results).noneMatch(value -> AuthenticationResults.claims(value, host))) {
            return;
        }
        message.removeHeader(AuthenticationResults.NAME);
        for (String value : results) {
            if (!AuthenticationResults.claims(value, host)) {
                message.addHeader(AuthenticationResults.NAME, value);
            }
        }
    }
}
