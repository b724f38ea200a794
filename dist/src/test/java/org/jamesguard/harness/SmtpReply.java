package org.jamesguard.harness;

import java.util.List;

/** One SMTP reply, possibly multi-line. {@link #toString()} is its last line, e.g. {@code 550 5.7.1 ...}. */
public final class SmtpReply {
    private final int code;
    private final List<String> lines;

    SmtpReply(int code, List<String> lines) {
        this.code = code;
        this.lines = List.copyOf(lines);
    }

    public int code() {
        return code;
    }

    public List<String> lines() {
        return lines;
    }

    /** The last line with its code: {@code 250 2.1.0 Sender <a@b> OK}. */
    public String line() {
        return lines.isEmpty() ? String.valueOf(code) : lines.get(lines.size() - 1).replaceFirst("^(\\d{3})-", "$1 ");
    }

    public boolean isPositive() {
        return code >= 200 && code < 400;
    }

    @Override
    public String toString() {
        return line();
    }
}
