package org.jamesguard.core.screen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.store.ScreenEntry;
import org.jamesguard.core.store.ScreenStore;

/**
 * The dynamic screen shared by every listener: IPs that misbehaved are blocked for a while. Trusted
 * IPs are never screened. Every change is audit-logged.
 */
public final class DynamicScreen {
    private final ScreenStore store;
    private final Clock clock;

    public DynamicScreen(ScreenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The connect-time verdict for this session (store lookup, then {@link ScreenedIpCheck}). */
    public Verdict atConnect(SessionSnapshot session) {
        if (session.trusted()) {
            return ScreenedIpCheck.check(session, Optional.empty());
        }
        return ScreenedIpCheck.check(session, store.find(session.clientIpText(), clock.instant()));
    }

    /**
     * Screens {@code ip} for {@code duration}. Refused (empty result) for a trusted IP.
     *
     * @param ip canonical text form of the address
     */
    public Optional<ScreenEntry> screen(String ip, boolean trusted, Duration duration, String reason, AuditContext context) {
        if (trusted) {
            AuditLog.event("screen-refused-trusted", context, reason);
            return Optional.empty();
        }
        Instant now = clock.instant();
        ScreenEntry entry = new ScreenEntry(ip, now, now.plus(duration), reason);
        store.put(entry);
        AuditLog.event("screen", context, reason + " until " + entry.expires());
        return Optional.of(entry);
    }

    public boolean unscreen(String ip, AuditContext context) {
        boolean removed = store.remove(ip);
        if (removed) {
            AuditLog.event("unscreen", context, "removed " + ip);
        }
        return removed;
    }

    public Optional<ScreenEntry> find(String ip) {
        return store.find(ip, clock.instant());
    }

    public List<ScreenEntry> list() {
        return store.list(clock.instant());
    }
}
