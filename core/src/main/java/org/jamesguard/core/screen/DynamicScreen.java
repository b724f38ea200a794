package org.jamesguard.core.screen;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.net.ClientNetworks;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.store.ScreenEntry;
import org.jamesguard.core.store.ScreenStore;

/**
 * The dynamic screen shared by every listener: IPs that misbehaved are blocked for a while. Trusted
 * IPs are never screened, whoever asks. Every change is audit-logged. Clients are screened by network (SPEC H4): an entry's
 * key is {@link ClientNetworks#keyOf}, so screening one address of an IPv6 /64 screens the /64 (by default), and
 * every lookup, removal and counter of a client goes through the same key.
 */
public final class DynamicScreen {
    private final ScreenStore store;
    private final ClientNetworks networks;
    private final TrustedNetworks trusted;
    private final Clock clock;

    public DynamicScreen(ScreenStore store, ClientNetworks networks, TrustedNetworks trusted, Clock clock) {
        this.store = store;
        this.networks = networks;
        this.trusted = trusted;
        this.clock = clock;
    }

    /** A screen that trusts only 127.0.0.1 and ::1. */
    public DynamicScreen(ScreenStore store, ClientNetworks networks, Clock clock) {
        this(store, networks, new TrustedNetworks(IpMatcher.NONE), clock);
    }

    /** A screen keyed by the default networks (IPv4 /32, IPv6 /64) that trusts only 127.0.0.1 and ::1. */
    public DynamicScreen(ScreenStore store, Clock clock) {
        this(store, ClientNetworks.DEFAULT, clock);
    }

    /** The key this client is screened and counted under (failed AUTH, AUTH probes): its network. */
    public String clientKey(InetAddress client) {
        return networks.keyOf(client);
    }

    /** The connect-time verdict for this session (store lookup, then {@link ScreenedIpCheck}). */
    public Verdict atConnect(SessionSnapshot session) {
        if (session.trusted()) {
            return ScreenedIpCheck.check(session, Optional.empty());
        }
        return ScreenedIpCheck.check(session, store.find(clientKey(session.clientIp()), clock.instant()));
    }

    /** The verdict for a login the protocol answers itself (IMAP, POP3): trusted by this screen's own networks. */
    public Verdict atLogin(InetAddress clientIp) {
        return atConnect(SessionSnapshot.builder(clientIp).trusted(trusted.isTrusted(clientIp)).build());
    }

    /**
     * An administrator screens the network of {@code ip} for {@code duration}: refused (empty result, one audit
     * line) for a trusted IP, as {@link #screen(String, boolean, Duration, String, AuditContext)}.
     */
    public Optional<ScreenEntry> screen(String ip, Duration duration, String reason, AuditContext context) {
        return screen(ip, false, duration, reason, context);
    }

    /**
     * Screens the network of {@code ip} for {@code duration}. Refused (empty result) for a trusted IP; trusted
     * addresses within a screened network stay unscreened ({@link #atConnect}).
     *
     * @param ip an address in text
     * @param trustedSession the session is trusted for a reason only it knows (its listener's authorizedAddresses)
     */
    public Optional<ScreenEntry> screen(String ip, boolean trustedSession, Duration duration, String reason,
                                        AuditContext context) {
        if (trustedSession || trusted.isTrusted(IpAddresses.parse(ip))) {
            AuditLog.event("screen-refused-trusted", context, reason);
            return Optional.empty();
        }
        Instant now = clock.instant();
        ScreenEntry entry = new ScreenEntry(networks.keyOf(ip), now, now.plus(duration), reason);
        store.put(entry);
        String network = entry.ip().contains("/") ? " (network " + entry.ip() + ")" : "";
        AuditLog.event("screen", context, reason + " until " + entry.expires() + network);
        return Optional.of(entry);
    }

    /** Removes the entry of the network of {@code ip}. */
    public boolean unscreen(String ip, AuditContext context) {
        String key = networks.keyOf(ip);
        boolean removed = store.remove(key);
        if (removed) {
            AuditLog.event("unscreen", context, "removed " + key);
        }
        return removed;
    }

    /** The entry screening {@code ip}: that of its network. */
    public Optional<ScreenEntry> find(String ip) {
        return store.find(networks.keyOf(ip), clock.instant());
    }

    public List<ScreenEntry> list() {
        return store.list(clock.instant());
    }
}
