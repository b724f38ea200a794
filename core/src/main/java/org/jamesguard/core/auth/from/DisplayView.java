package org.jamesguard.core.auth.from;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.jamesguard.core.net.EmailAddress;

/**
 * The display view: every address a mail client could show, wherever it stands (display name,
 * comment, quoted string, encoded-word). The whole value is unescaped, decoded and NFKC-normalized,
 * which turns full-width {@code ＠} and {@code ．} into their ASCII forms, then each {@code @} is
 * read with the text around it. An {@code @} whose surroundings are not an address is refused: a
 * reader may still take {@code ceo @ example.com} for one.
 */
final class DisplayView {
    private static final String DELIMITERS = "<>()[],;:\"\\@";
    private static final String NOT_AN_ADDRESS = "address-like text in a display name or comment of From that is not a valid address";

    private DisplayView() {
    }

    static List<EmailAddress> addresses(String unfoldedValue) {
        String text = Normalizer.normalize(EncodedWords.decode(unescape(unfoldedValue)), Normalizer.Form.NFKC);
        List<EmailAddress> found = new ArrayList<>();
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int from = at;
            while (from > 0 && !isDelimiter(text.charAt(from - 1))) {
                from--;
            }
            int to = at + 1;
            while (to < text.length() && !isDelimiter(text.charAt(to))) {
                to++;
            }
            if ((from > 0 && text.charAt(from - 1) == '@') || (to < text.length() && text.charAt(to) == '@')) {
                throw new Refusal(NOT_AN_ADDRESS);
            }
            // Apostrophes are atext (o'brien@), but Outlook also wraps whole addresses in them.
            String local = stripApostrophes(text.substring(from, at), true);
            String domain = stripApostrophes(text.substring(at + 1, to), false);
            if (local.isEmpty() || domain.isEmpty()) {
                throw new Refusal(NOT_AN_ADDRESS);
            }
            found.add(Addresses.fromParts(local, domain, NOT_AN_ADDRESS));
        }
        return found;
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || DELIMITERS.indexOf(c) >= 0;
    }

    private static String stripApostrophes(String part, boolean leading) {
        int from = 0;
        int to = part.length();
        while (leading && from < to && part.charAt(from) == '\'') {
            from++;
        }
        while (!leading && to > from && part.charAt(to - 1) == '\'') {
            to--;
        }
        return part.substring(from, to);
    }

    /** Quoted-pairs as a client shows them: {@code "ceo\@example.com"} reads as {@code ceo@example.com}. */
    private static String unescape(String value) {
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            plain.append(c == '\\' && i + 1 < value.length() ? value.charAt(++i) : c);
        }
        return plain.toString();
    }
}
