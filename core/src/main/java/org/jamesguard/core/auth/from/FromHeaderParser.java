package org.jamesguard.core.auth.from;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jamesguard.core.net.EmailAddress;

/**
 * Reads the From header of a submitted message the way both a strict RFC 5322 parser and a lenient
 * mail client would, for SPEC A6: the account must own every address either of them finds.
 * Where the two could disagree, or a construct only serves to hide an address (groups, source
 * routes, encoded-words inside addresses, control characters, duplicated fields), the header is
 * refused rather than interpreted.
 *
 * <p><b>What the caller passes.</b> The message as the client sent it in DATA, after dot-unstuffing,
 * at least up to and including the empty line that ends the header section (the body is never read,
 * so passing only the header section is fine; if there is no empty line the whole text is the header
 * section). The bytes are decoded as UTF-8 with malformed sequences replaced by U+FFFD, as
 * {@code new String(bytes, StandardCharsets.UTF_8)} does; such a replacement is refused. Nothing may
 * be unfolded, re-encoded, re-ordered or dropped, and line endings must be left as received: bare CR
 * and LF, {@code From :}, odd-case {@code FROM:} and duplicate fields are detected here and only
 * here. Pass nothing the server added in front (such as its {@code Received:} field): a client section
 * opening with a continuation line would fold into it and pass unseen (see {@link ClientHeaderSection}).
 * Do not rebuild the text from a parsed {@code MimeMessage}, which has already unfolded,
 * decoded and merged fields.
 */
public final class FromHeaderParser {
    private FromHeaderParser() {
    }

    public static FromHeaderAnalysis parse(CharSequence message) {
        Objects.requireNonNull(message, "message");
        try {
            String value = HeaderSection.fromFieldValue(message);
            if (value.indexOf('\uFFFD') >= 0) {
                throw new Refusal("8-bit text in From that is not UTF-8");
            }
            Characters.requireVisible(value, "From");
            List<EmailAddress> mailboxes = MailboxListParser.parse(value);
            Set<EmailAddress> addresses = new LinkedHashSet<>(mailboxes);
            addresses.addAll(DisplayView.addresses(value));
            return FromHeaderAnalysis.accepted(value, mailboxes, addresses);
        } catch (Refusal refusal) {
            return FromHeaderAnalysis.rejected(refusal.getMessage());
        }
    }
}
