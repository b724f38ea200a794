package org.jamesguard.core.auth.from;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.AddressParser;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.field.address.ParseException;
import org.apache.james.mime4j.field.address.TokenMgrError;
import org.jamesguard.core.net.EmailAddress;

/**
 * The parsers a submitted message meets after us, reading a From value: javax.mail, strict and lenient
 * ({@code MimeMessage.getFrom()} in James's mailets and in most Java clients), and mime4j, strict and
 * lenient (James's IMAP, JMAP and search index). {@link #disagreement} names the first that does not read
 * exactly the mailboxes {@link FromHeaderParser} read.
 */
public final class FromReaders {
    public enum Reader {
        JAVAX_MAIL_STRICT("javax.mail strict"),
        JAVAX_MAIL_LENIENT("javax.mail lenient"),
        MIME4J_STRICT("mime4j strict"),
        MIME4J_LENIENT("mime4j lenient");

        private final String label;

        Reader(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private FromReaders() {
    }

    /**
     * The first reader that reads other mailboxes than {@code ours} from the unfolded {@code value}, or none
     * read at all, as a short reason for the audit line; empty when every reader agrees.
     */
    public static Optional<String> disagreement(String value, Collection<EmailAddress> ours) {
        Set<EmailAddress> expected = new LinkedHashSet<>(ours);
        for (Reader reader : Reader.values()) {
            Set<EmailAddress> read;
            try {
                read = read(reader, value);
            } catch (Unreadable e) {
                return Optional.of(reader + " reads " + e.getMessage());
            }
            if (!read.equals(expected)) {
                return Optional.of(reader + " reads " + read + " where we read " + expected);
            }
        }
        return Optional.empty();
    }

    /** The mailboxes {@code reader} finds in {@code value}, as comparable addresses. */
    public static Set<EmailAddress> read(Reader reader, String value) throws Unreadable {
        switch (reader) {
            case JAVAX_MAIL_STRICT:
                return javaxMail(value, true);
            case JAVAX_MAIL_LENIENT:
                return javaxMail(value, false);
            case MIME4J_STRICT:
                return mime4j(DefaultAddressParser.DEFAULT, value);
            default:
                return mime4j(LenientAddressParser.DEFAULT, value);
        }
    }

    private static Set<EmailAddress> javaxMail(String value, boolean strict) throws Unreadable {
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parseHeader(value, strict);
        } catch (AddressException e) {
            throw new Unreadable("no mailbox (parse error)");
        } catch (RuntimeException e) {
            throw new Unreadable("no mailbox (parser failure: " + e.getClass().getSimpleName() + ")");
        }
        Set<EmailAddress> read = new LinkedHashSet<>();
        for (InternetAddress address : parsed) {
            if (address.isGroup()) {
                throw new Unreadable("a group");
            }
            read.add(comparable(address.getAddress()));
        }
        return read;
    }

    private static Set<EmailAddress> mime4j(AddressParser parser, String value) throws Unreadable {
        AddressList parsed;
        try {
            parsed = parser.parseAddressList(value);
        } catch (ParseException | TokenMgrError e) {
            // TokenMgrError is an Error: the strict parser's lexer throws it on any character it has no token for.
            throw new Unreadable("no mailbox (parse error)");
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            // mime4j throws a bare Error on a base64 encoded-word without padding, which Java's decoder accepts.
            throw new Unreadable("no mailbox (parser failure: " + e.getClass().getSimpleName() + ")");
        }
        Set<EmailAddress> read = new LinkedHashSet<>();
        for (Address address : parsed) {
            if (!(address instanceof Mailbox)) {
                throw new Unreadable("a group");
            }
            Mailbox mailbox = (Mailbox) address;
            if (mailbox.getRoute() != null && !mailbox.getRoute().isEmpty()) {
                throw new Unreadable("a source route");
            }
            read.add(comparable(mailbox.getAddress()));
        }
        return read;
    }

    private static EmailAddress comparable(String address) throws Unreadable {
        Optional<EmailAddress> parsed = address == null ? Optional.empty() : EmailAddress.tryParse(address);
        if (parsed.isEmpty()) {
            throw new Unreadable("an invalid address");
        }
        return parsed.get();
    }

    /** A reading that yields no comparable mailbox list; the message says what was read instead. */
    public static final class Unreadable extends Exception {
        Unreadable(String what) {
            super(what, null, false, false);
        }
    }
}
