package org.jamesguard.core.auth.from;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 decoding as the most lenient mail client does it: every well-formed encoded-word is
 * decoded wherever it stands, even inside quoted strings and comments where the RFC forbids it, so
 * that nothing a client may show stays hidden. What such a client might still read differently (a
 * malformed word, an unknown charset, bytes invalid in the charset) is refused.
 */
final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");

    private EncodedWords() {
    }

    static String decode(String text) {
        StringBuilder decoded = new StringBuilder();
        Matcher word = WORD.matcher(text);
        int last = 0;
        boolean afterWord = false;
        while (word.find()) {
            String gap = requireNoStrayWord(text.substring(last, word.start()));
            // RFC 2047 section 6.2: whitespace between two adjacent encoded-words is not displayed.
            if (!afterWord || !gap.chars().allMatch(c -> AddressTokenizer.isWsp((char) c))) {
                decoded.append(gap);
            }
            String content = decodeWord(word.group(1), word.group(2), word.group(3));
            Characters.requireVisible(content, "an encoded-word in From");
            decoded.append(content);
            last = word.end();
            afterWord = true;
        }
        return decoded.append(requireNoStrayWord(text.substring(last))).toString();
    }

    private static String requireNoStrayWord(String plain) {
        if (plain.contains("=?")) {
            throw new Refusal("malformed encoded-word in From");
        }
        return plain;
    }

    private static String decodeWord(String charsetAndLanguage, String encoding, String encodedText) {
        int star = charsetAndLanguage.indexOf('*');
        Charset charset;
        try {
            charset = Charset.forName(star < 0 ? charsetAndLanguage : charsetAndLanguage.substring(0, star));
        } catch (IllegalArgumentException e) {
            throw new Refusal("unknown charset in an encoded-word in From");
        }
        byte[] bytes;
        try {
            bytes = encoding.equalsIgnoreCase("B") ? Base64.getDecoder().decode(encodedText) : qDecode(encodedText);
            return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new Refusal("malformed encoded-word in From");
        }
    }

    private static byte[] qDecode(String encodedText) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encodedText.length(); i++) {
            char c = encodedText.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=') {
                int high = i + 2 < encodedText.length() ? hexDigit(encodedText.charAt(i + 1)) : -1;
                int low = high < 0 ? -1 : hexDigit(encodedText.charAt(i + 2));
                if (low < 0) {
                    throw new IllegalArgumentException("bad =XX escape");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > ' ' && c < 0x7f) {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("not printable ASCII");
            }
        }
        return bytes.toByteArray();
    }

    /** ASCII only: {@link Character#digit} would also accept full-width and other script digits. */
    private static int hexDigit(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
