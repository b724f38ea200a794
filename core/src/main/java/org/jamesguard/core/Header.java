package org.jamesguard.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** A header field James Guard adds to an accepted message (a warning or a report-only note). */
public final class Header {
    private static final Pattern NAME = Pattern.compile("[!-9;-~]+");

    private final String name;
    private final String value;

    private Header(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public static Header of(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid header name '" + name + "'");
        }
        return new Header(name, sanitize(value));
    }

    /** Values can carry client-supplied text (a HELO name): strip what could end or fold the field. */
    private static String sanitize(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }

    /**
     * Quotes client-supplied text for a {@code detail="..."} parameter. Control characters become
     * {@code ?} as in {@link #of}, so the text can neither end nor forge an audit line.
     */
    public static String quote(String text) {
        return '"' + sanitize(text).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Header && ((Header) o).name.equals(name) && ((Header) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value);
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
