package org.jamesguard.testing.dns;

import java.util.Locale;
import java.util.Objects;

import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** One question a {@link TestDnsServer} received, so tests can count what reached the wire. */
public final class ReceivedQuery {
    public enum Transport { UDP, TCP }

    private final String name;
    private final int type;
    private final Transport transport;

    ReceivedQuery(Name name, int type, Transport transport) {
        this.name = text(name);
        this.type = type;
        this.transport = transport;
    }

    /** Lower case, without the trailing dot: {@code mail.example.test}. */
    public String name() {
        return name;
    }

    /** A dnsjava {@link Type} constant. */
    public int type() {
        return type;
    }

    public Transport transport() {
        return transport;
    }

    public boolean asks(String otherName, int otherType) {
        return type == otherType && name.equals(text(Zone.name(otherName)));
    }

    private static String text(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ReceivedQuery)) {
            return false;
        }
        ReceivedQuery that = (ReceivedQuery) o;
        return name.equals(that.name) && type == that.type && transport == that.transport;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, transport);
    }

    /** {@code mail.example.test/A over UDP}. */
    @Override
    public String toString() {
        return name + "/" + Type.string(type) + " over " + transport;
    }
}
