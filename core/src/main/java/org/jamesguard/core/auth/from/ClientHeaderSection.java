package org.jamesguard.core.auth.from;

import java.util.Objects;

/**
 * The header section of a message exactly as the client sent it in DATA (dot-unstuffed, nothing added in
 * front), read up to a limit. It ends at the first empty line, or, when there is none, at the end of the
 * message (RFC 5322 section 2.1: a message without a body needs no empty line). One that has not ended
 * within the limit is kept only up to it, so that nothing decides on what lies beyond.
 */
public final class ClientHeaderSection {
    private final String text;
    private final boolean endedWithinLimit;
    private final int limit;

    private ClientHeaderSection(String text, boolean endedWithinLimit, int limit) {
        this.text = Objects.requireNonNull(text, "text");
        this.endedWithinLimit = endedWithinLimit;
        this.limit = limit;
    }

    /** The whole header section, its empty line included if it has one. */
    public static ClientHeaderSection complete(String text, int limit) {
        return new ClientHeaderSection(text, true, limit);
    }

    /** The first {@code limit} octets (or fewer, at a line end) of a header section that goes on past them. */
    public static ClientHeaderSection overLimit(String truncatedText, int limit) {
        return new ClientHeaderSection(truncatedText, false, limit);
    }

    public String text() {
        return text;
    }

    public boolean endedWithinLimit() {
        return endedWithinLimit;
    }

    public int limit() {
        return limit;
    }

    @Override
    public String toString() {
        return (endedWithinLimit ? "complete" : "over the limit of " + limit + " octets") + ", " + text.length() + " chars";
    }
}
