package org.jamesguard.core.rdns;

import java.util.Optional;

/**
 * The authserv-id of an {@code Authentication-Results} field, read as RFC 8601 section 2.2 defines it:
 * <pre>
 * authres-payload = [CFWS] authserv-id [ CFWS authres-version ] ( no-result / 1*resinfo ) [CFWS] CRLF
 * authserv-id     = value                       ; RFC 2045: token / quoted-string
 * </pre>
 * Comments nest and hold quoted pairs ({@code (a \) (b) c)}), a quoted-string holds quoted pairs
 * ({@code "mx.ex\ample.test"} is {@code mx.example.test}), and folding (CRLF then white space) is white
 * space. After the id comes white space or a comment, then a version number or the {@code ;} of the first
 * result, or the end. Anything else makes the field unreadable: no id.
 */
final class AuthservId {
    /** RFC 2045 tspecials: they end a token. */
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    private final String text;
    private int at;

    private AuthservId(String text) {
        this.text = text;
    }

    /** The authserv-id, unquoted; empty when the field does not follow the grammar up to the first result. */
    static Optional<String> of(String fieldValue) {
        AuthservId reader = new AuthservId(fieldValue);
        if (!reader.skipCfws()) {
            return Optional.empty();
        }
        Optional<String> id = reader.value();
        return id.isPresent() && reader.followedProperly() ? id : Optional.empty();
    }

    private Optional<String> value() {
        if (at < text.length() && text.charAt(at) == '"') {
            return quotedString();
        }
        int start = at;
        while (at < text.length() && isTokenChar(text.charAt(at))) {
            at++;
        }
        return at == start ? Optional.empty() : Optional.of(text.substring(start, at));
    }

    private Optional<String> quotedString() {
        StringBuilder content = new StringBuilder();
        for (at++; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '"') {
                at++;
                String id = content.toString().trim();
                return id.isEmpty() ? Optional.empty() : Optional.of(id);
            }
            if (c == '\\') {
                if (++at == text.length()) {
                    return Optional.empty();
                }
                c = text.charAt(at);
            } else if (c == '\r' || c == '\n') {
                continue; // folding: the white space after it stays
            }
            content.append(c);
        }
        return Optional.empty();
    }

    /** White space or a comment, a version, then the first result's {@code ;} or the end. */
    private boolean followedProperly() {
        int idEnd = at;
        if (!skipCfws()) {
            return false;
        }
        if (at == text.length() || text.charAt(at) == ';') {
            return true;
        }
        if (at == idEnd || !Character.isDigit(text.charAt(at))) {
            return false;
        }
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return skipCfws() && (at == text.length() || text.charAt(at) == ';');
    }

    /** Skips white space, folding and comments, nested ones included; false at a comment that never ends. */
    private boolean skipCfws() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (isWhiteSpace(c)) {
                at++;
            } else if (c == '(') {
                if (!skipComment()) {
                    return false;
                }
            } else {
                return true;
            }
        }
        return true;
    }

    private boolean skipComment() {
        int depth = 0;
        for (; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '\\') {
                at++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                at++;
                return true;
            }
        }
        return false;
    }

    private static boolean isWhiteSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Any character but space, controls and tspecials; UTF-8 header text (RFC 6532) is kept. */
    private static boolean isTokenChar(char c) {
        return c > ' ' && c != 0x7F && TSPECIALS.indexOf(c) < 0 && !Character.isISOControl(c)
            && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
    }
}
