package org.jamesguard.core;

import java.util.Objects;
import java.util.regex.Pattern;

/** A header field James Guard adds to an accepted message (a warning or a report-only note). */
public final class Header {
    private static final Pattern NAME = Pattern.compile("[!-9;-~]+");

    private final String name;
    private final String value;
    private final boolean replacing;

    private Header(String name, String value, boolean replacing) {
        this.name = name;
        this.value = value;
        this.replacing = replacing;
    }

    /** A field added beside any of the same name. */
    public static Header of(String name, String value) {
        return create(name, value, false);
    }

    /** A field that replaces every field of the same name (e.g. {@code Sender:} when stamping). */
    public static Header replacing(String name, String value) {
        return create(name, value, true);
    }

    private static Header create(String name, String value, boolean replacing) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid header name '" + name + "'");
        }
        return new Header(name, sanitize(value), replacing);
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

    public boolean replacesExisting() {
        return replacing;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Header && ((Header) o).name.equals(name) && ((Header) o).value.equals(value)
            && ((Header) o).replacing == replacing;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value, replacing);
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
