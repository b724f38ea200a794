package org.jamesguard.core.hijack;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A frozen account: who, why (which limit), the counts and client IPs seen, when, and until when if
 * freezes expire. The id names this freeze in the signed unfreeze token, so a token cannot unfreeze a
 * later freeze of the same account.
 */
public final class FreezeRecord {
    private final String account;
    private final String id;
    private final String reason;
    private final boolean requiresAdministrator;
    private final Map<String, Long> counts;
    private final List<String> ips;
    private final Instant frozenAt;
    private final Instant expires;

    public FreezeRecord(String account, String id, String reason, boolean requiresAdministrator, Map<String, Long> counts,
                        List<String> ips, Instant frozenAt, Optional<Instant> expires) {
        this.account = Objects.requireNonNull(account, "account");
        this.id = Objects.requireNonNull(id, "id");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.requiresAdministrator = requiresAdministrator;
        this.counts = Map.copyOf(counts);
        this.ips = List.copyOf(ips);
        this.frozenAt = Objects.requireNonNull(frozenAt, "frozenAt");
        this.expires = expires.orElse(null);
    }

    /** The canonical account name (James's {@code Username.asString()}). */
    public String account() {
        return account;
    }

    public String id() {
        return id;
    }

    public String reason() {
        return reason;
    }

    /** Frozen for RCPT failures (C8): the notice says an administrator must lift it. */
    public boolean requiresAdministrator() {
        return requiresAdministrator;
    }

    public Map<String, Long> counts() {
        return counts;
    }

    public List<String> ips() {
        return ips;
    }

    public Instant frozenAt() {
        return frozenAt;
    }

    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    /** Not yet due to be lifted by its expiry (when freezes expire). */
    public boolean isActive(Instant now) {
        return expires == null || now.isBefore(expires);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FreezeRecord)) {
            return false;
        }
        FreezeRecord that = (FreezeRecord) o;
        return account.equals(that.account) && id.equals(that.id) && reason.equals(that.reason)
            && requiresAdministrator == that.requiresAdministrator && counts.equals(that.counts) && ips.equals(that.ips)
            && frozenAt.equals(that.frozenAt) && Objects.equals(expires, that.expires);
    }

    @Override
    public int hashCode() {
        return Objects.hash(account, id, reason, requiresAdministrator, counts, ips, frozenAt, expires);
    }

    @Override
    public String toString() {
        return account + " frozen at " + frozenAt + " (" + reason + ")" + (expires != null ? " until " + expires : "");
    }
}
