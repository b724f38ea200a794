package org.jamesguard.core.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jamesguard.core.hijack.FreezeRecord;

/**
 * {@link FreezeRecord}s in one line: {@code FreezeRecords.of("john@example.com").id(ID).frozenAt(T0).build()}.
 * Unless told otherwise a record is a send-limit freeze at {@link MutableClock#DEFAULT_START} that never
 * expires, with id {@link #ID}, one count and one IP.
 */
public final class FreezeRecords {
    /** The id records get unless told otherwise: 16 base32 characters, like a real freeze id. */
    public static final String ID = "abcdefghijklmnop";

    private final String account;
    private String id = ID;
    private String reason = "sending limit reached (other IPs)";
    private boolean requiresAdministrator;
    private Map<String, Long> counts = Map.of("messages from other IPs within 1h", 100L);
    private List<String> ips = List.of("198.51.100.7");
    private Instant frozenAt = MutableClock.DEFAULT_START;
    private Instant expires;

    private FreezeRecords(String account) {
        this.account = Objects.requireNonNull(account, "account");
    }

    public static FreezeRecords of(String account) {
        return new FreezeRecords(account);
    }

    public FreezeRecords id(String value) {
        this.id = value;
        return this;
    }

    public FreezeRecords reason(String value) {
        this.reason = value;
        return this;
    }

    public FreezeRecords requiresAdministrator() {
        this.requiresAdministrator = true;
        return this;
    }

    public FreezeRecords counts(Map<String, Long> value) {
        this.counts = value;
        return this;
    }

    public FreezeRecords ips(List<String> value) {
        this.ips = value;
        return this;
    }

    public FreezeRecords frozenAt(Instant value) {
        this.frozenAt = value;
        return this;
    }

    public FreezeRecords expires(Instant value) {
        this.expires = value;
        return this;
    }

    public FreezeRecord build() {
        return new FreezeRecord(account, id, reason, requiresAdministrator, counts, ips, frozenAt, Optional.ofNullable(expires));
    }
}
