package org.jamesguard.core.store;

import java.time.Instant;
import java.util.Objects;

/** One IP on the dynamic screen: since when, until when, and why. */
public final class ScreenEntry {
    private final String ip;
    private final Instant since;
    private final Instant expires;
    private final String reason;

    public ScreenEntry(String ip, Instant since, Instant expires, String reason) {
        this.ip = Objects.requireNonNull(ip, "ip");
        this.since = Objects.requireNonNull(since, "since");
        this.expires = Objects.requireNonNull(expires, "expires");
        this.reason = Objects.requireNonNull(reason, "reason");
        if (!expires.isAfter(since)) {
            throw new IllegalArgumentException("a screen entry must expire after it starts");
        }
    }

    /** The canonical text form of the IP ({@code IpAddresses.format}). */
    public String ip() {
        return ip;
    }

    public Instant since() {
        return since;
    }

    public Instant expires() {
        return expires;
    }

    public String reason() {
        return reason;
    }

    public boolean isActive(Instant now) {
        return now.isBefore(expires);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScreenEntry)) {
            return false;
        }
        ScreenEntry that = (ScreenEntry) o;
        return ip.equals(that.ip) && since.equals(that.since) && expires.equals(that.expires) && reason.equals(that.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ip, since, expires, reason);
    }

    @Override
    public String toString() {
        return ip + " until " + expires + " (" + reason + ")";
    }
}
