package org.jamesguard.core;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refusal sent to an SMTP client: a 4xx/5xx code, its RFC 3463 enhanced status and a text.
 * The class digit of the enhanced status must equal the first digit of the code; a mismatch is a
 * programming error caught here once, instead of in every check.
 */
public final class Reply {
    private static final Pattern STATUS = Pattern.compile("([45])\\.(\\d{1,3})\\.(\\d{1,3})");

    private final int code;
    private final String status;
    private final String text;

    private Reply(int code, String status, String text) {
        this.code = code;
        this.status = status;
        this.text = text;
    }

    public static Reply of(int code, String enhancedStatus, String text) {
        Objects.requireNonNull(enhancedStatus, "enhancedStatus");
        Objects.requireNonNull(text, "text");
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("reply code must be 4xx or 5xx, got " + code);
        }
        Matcher matcher = STATUS.matcher(enhancedStatus);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("enhanced status must look like 5.7.1, got '" + enhancedStatus + "'");
        }
        if (matcher.group(1).charAt(0) - '0' != code / 100) {
            throw new IllegalArgumentException("enhanced status " + enhancedStatus + " does not match the class of " + code);
        }
        if (text.isEmpty() || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("reply text must be one non-empty line, got '" + text + "'");
        }
        return new Reply(code, enhancedStatus, text);
    }

    public int code() {
        return code;
    }

    public String enhancedStatus() {
        return status;
    }

    public String text() {
        return text;
    }

    public boolean isPermanent() {
        return code >= 500;
    }

    /** Enhanced status and text: what follows the code on the wire. */
    public String description() {
        return status + " " + text;
    }

    /** The same reply with another text, e.g. to name the offending address. */
    public Reply withText(String newText) {
        return of(code, status, newText);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Reply)) {
            return false;
        }
        Reply that = (Reply) o;
        return code == that.code && status.equals(that.status) && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, status, text);
    }

    /** The wire form, e.g. {@code 550 5.7.1 Sender address not owned by authenticated user}. */
    @Override
    public String toString() {
        return code + " " + status + " " + text;
    }
}
