package org.jamesguard.core.auth.from;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the one From field of a raw header section. Anything that makes the section's line or field
 * structure depend on the parser is refused before any address is read: a parser that splits lines
 * on bare LF, or ends the section at a whitespace-only line, or accepts {@code From :}, sees
 * different fields than one that does not. A NUL anywhere ends the string for C-based readers, which
 * would then see a different rest of the section.
 */
final class HeaderSection {
    /** RFC 5322 section 2.1.1; longer lines get split by some relays, which can turn text into a field. */
    static final int MAX_LINE_OCTETS = 998;
    /**
     * Unfolded. RFC 5322 sets no limit; real From fields stay far below 1 KB even with several
     * encoded names, and anything longer only serves to push text past what clients display.
     */
    static final int MAX_FROM_OCTETS = 2048;

    private HeaderSection() {
    }

    /** The unfolded value of the single From field. */
    static String fromFieldValue(CharSequence message) {
        List<StringBuilder> fromValues = new ArrayList<>();
        StringBuilder current = null;
        boolean inField = false;
        int start = 0;
        while (start < message.length()) {
            int end = lineEnd(message, start);
            String line = message.subSequence(start, end).toString();
            start = end + 2;
            if (line.isEmpty()) {
                break;
            }
            if (line.indexOf('\0') >= 0) {
                throw new Refusal("NUL in the header section");
            }
            if (octets(line) > MAX_LINE_OCTETS) {
                throw new Refusal("header line longer than " + MAX_LINE_OCTETS + " octets");
            }
            if (AddressTokenizer.isWsp(line.charAt(0))) {
                if (isAllWhitespace(line)) {
                    throw new Refusal("obsolete syntax: whitespace-only line in the header section");
                }
                if (!inField) {
                    throw new Refusal("malformed header section: continuation line before any field");
                }
                if (current != null) {
                    current.append(line);
                }
                continue;
            }
            inField = true;
            current = fromValueOf(line);
            if (current != null) {
                fromValues.add(current);
            }
        }
        if (fromValues.isEmpty()) {
            throw new Refusal("missing From field");
        }
        if (fromValues.size() > 1) {
            throw new Refusal("several From fields");
        }
        String value = fromValues.get(0).toString();
        if (octets(value) > MAX_FROM_OCTETS) {
            throw new Refusal("From field longer than " + MAX_FROM_OCTETS + " octets");
        }
        return value;
    }

    /** The text after the colon when the line starts a From field, else null. */
    private static StringBuilder fromValueOf(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new Refusal("malformed header line without a colon");
        }
        String name = line.substring(0, colon);
        int nameEnd = name.length();
        while (nameEnd > 0 && (name.charAt(nameEnd - 1) == ' ' || name.charAt(nameEnd - 1) == '\t')) {
            nameEnd--;
        }
        String trimmed = name.substring(0, nameEnd);
        boolean from = trimmed.equalsIgnoreCase("From");
        if (from && trimmed.length() != name.length()) {
            throw new Refusal("whitespace before the colon of a From field");
        }
        if (trimmed.isEmpty() || !isVisibleAscii(trimmed)) {
            throw new Refusal("malformed header field name");
        }
        return from ? new StringBuilder(line.substring(colon + 1)) : null;
    }

    private static boolean isAllWhitespace(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!AddressTokenizer.isWsp(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisibleAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) <= ' ' || name.charAt(i) >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Index of the CRLF ending the line at {@code start}, or the end of the text; a lone CR or LF is refused. */
    private static int lineEnd(CharSequence message, int start) {
        for (int i = start; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\r' && i + 1 < message.length() && message.charAt(i + 1) == '\n') {
                return i;
            }
            if (c == '\r' || c == '\n') {
                throw new Refusal("bare CR or LF in the header section");
            }
        }
        return message.length();
    }

    private static int octets(CharSequence text) {
        int octets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // A surrogate pair is four octets in UTF-8: two per half.
            octets += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return octets;
    }
}
