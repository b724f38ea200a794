package org.jamesguard.hooks.smtp;

import java.util.Locale;
import java.util.Optional;

/**
 * The sender domain of a {@code MAIL} command's argument ({@code FROM:<local@domain> parameters}), read
 * before James parses the command so that its lookup can start first. Whatever this cannot read (the
 * null sender, a malformed argument) gives no domain; James's own parsing stays the authority.
 */
final class MailFromArgument {
    private static final String FROM = "from:";

    private MailFromArgument() {
    }

    static Optional<String> senderDomain(String argument) {
        if (argument == null || !argument.trim().toLowerCase(Locale.ROOT).startsWith(FROM)) {
            return Optional.empty();
        }
        String path = argument.trim().substring(FROM.length()).trim();
        String address;
        if (path.startsWith("<")) {
            int end = path.indexOf('>');
            address = end < 0 ? "" : path.substring(1, end);
        } else {
            int end = path.indexOf(' ');
            address = end < 0 ? path : path.substring(0, end);
        }
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1 ? Optional.empty() : Optional.of(address.substring(at + 1));
    }
}
