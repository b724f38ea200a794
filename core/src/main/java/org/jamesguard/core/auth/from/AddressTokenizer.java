package org.jamesguard.core.auth.from;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an unfolded From value into RFC 5322 tokens. Non-ASCII characters are atom text (RFC 6532);
 * control characters never get here, {@link FromHeaderParser} refuses them first.
 */
final class AddressTokenizer {
    private static final String SPECIALS = "()<>[]:;@\\,.\"";

    private AddressTokenizer() {
    }

    static List<Token> tokenize(String value) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            int end;
            if (isWsp(c)) {
                end = i;
                while (end < value.length() && isWsp(value.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Token.Type.SPACE, " "));
            } else if (c == '"') {
                end = enclosed(value, i, '"', Token.Type.QUOTED_STRING, tokens);
            } else if (c == '(') {
                end = enclosed(value, i, ')', Token.Type.COMMENT, tokens);
            } else if (c == '[') {
                end = enclosed(value, i, ']', Token.Type.DOMAIN_LITERAL, tokens);
            } else if (SPECIALS.indexOf(c) >= 0) {
                end = i + 1;
                tokens.add(new Token(Token.Type.SPECIAL, String.valueOf(c)));
            } else {
                end = i;
                while (end < value.length() && !isWsp(value.charAt(end)) && SPECIALS.indexOf(value.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(new Token(Token.Type.ATOM, value.substring(i, end)));
            }
            i = end;
        }
        return tokens;
    }

    static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    /** Reads from the opening character at {@code start} to its partner, undoing quoted-pairs; comments nest. */
    private static int enclosed(String value, int start, char close, Token.Type type, List<Token> tokens) {
        char open = value.charAt(start);
        StringBuilder content = new StringBuilder();
        int depth = 1;
        for (int i = start + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                content.append(value.charAt(++i));
                continue;
            }
            if (c == close && --depth == 0) {
                tokens.add(new Token(type, content.toString()));
                return i + 1;
            }
            if (type == Token.Type.COMMENT && c == open) {
                depth++;
            }
            content.append(c);
        }
        throw new Refusal("malformed From: unterminated " + (type == Token.Type.COMMENT ? "comment" : "quoted text"));
    }
}
