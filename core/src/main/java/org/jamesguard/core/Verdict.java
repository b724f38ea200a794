package org.jamesguard.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one check concluded. A check returns a verdict and does nothing else: replies, logging,
 * metrics and report-only mode are applied by {@link DecisionRecorder}.
 * <ul>
 * <li>{@link Kind#PASS}: no objection.</li>
 * <li>{@link Kind#WARN}: accept, but record the problem in a header.</li>
 * <li>{@link Kind#REJECT}: refuse by policy with the given reply (4xx or 5xx, as configured).</li>
 * <li>{@link Kind#TEMPFAIL}: refuse for now because a temporary condition (DNS timeout) decided it.</li>
 * </ul>
 * Closing the session after the reply is orthogonal ({@link #andClose()}), as in James's
 * {@code HookReturnCode}. A refusal may carry the header used instead when it only reports, and the counts
 * that decided it, for the consequence that follows it (a freeze notice names them).
 */
public final class Verdict {
    public enum Kind { PASS, WARN, TEMPFAIL, REJECT }

    private final CheckId check;
    private final Kind kind;
    private final Reply reply;
    private final Header header;
    private final String detail;
    private final boolean close;
    private final Map<String, Long> counts;

    private Verdict(CheckId check, Kind kind, Reply reply, Header header, String detail, boolean close,
                    Map<String, Long> counts) {
        this.check = Objects.requireNonNull(check, "check");
        this.kind = kind;
        this.reply = reply;
        this.header = header;
        this.detail = detail;
        this.close = close;
        this.counts = counts;
    }

    private Verdict(CheckId check, Kind kind, Reply reply, Header header, String detail, boolean close) {
        this(check, kind, reply, header, detail, close, Map.of());
    }

    public static Verdict pass(CheckId check) {
        return new Verdict(check, Kind.PASS, null, null, null, false);
    }

    public static Verdict warn(CheckId check, Header header, String detail) {
        return new Verdict(check, Kind.WARN, null, Objects.requireNonNull(header, "header"), detail, false);
    }

    public static Verdict reject(CheckId check, Reply reply) {
        return new Verdict(check, Kind.REJECT, Objects.requireNonNull(reply, "reply"), null, null, false);
    }

    public static Verdict tempfail(CheckId check, Reply reply) {
        if (reply.isPermanent()) {
            throw new IllegalArgumentException("a temporary failure needs a 4xx reply, got " + reply);
        }
        return new Verdict(check, Kind.TEMPFAIL, reply, null, null, false);
    }

    /** Ends the session after the reply. Meaningless, and refused, on a verdict that does not reply. */
    public Verdict andClose() {
        if (!refuses()) {
            throw new IllegalStateException("only a refusal can close the session: " + this);
        }
        return new Verdict(check, kind, reply, header, detail, true, counts);
    }

    /** The header to add when this refusal only reports (report-only mode). */
    public Verdict withHeader(Header reportHeader) {
        return new Verdict(check, kind, reply, Objects.requireNonNull(reportHeader, "header"), detail, close, counts);
    }

    /** Free text for the audit log: what the check saw. */
    public Verdict withDetail(String newDetail) {
        return new Verdict(check, kind, reply, header, newDetail, close, counts);
    }

    /** One more count that decided this verdict, e.g. {@code refused recipients within 1h}: 20. */
    public Verdict withCount(String name, long value) {
        Map<String, Long> more = new LinkedHashMap<>(counts);
        if (more.put(Objects.requireNonNull(name, "name"), value) != null) {
            throw new IllegalArgumentException("count '" + name + "' given twice");
        }
        return new Verdict(check, kind, reply, header, detail, close, Collections.unmodifiableMap(more));
    }

    public CheckId check() {
        return check;
    }

    public Kind kind() {
        return kind;
    }

    public boolean refuses() {
        return kind == Kind.REJECT || kind == Kind.TEMPFAIL;
    }

    public Optional<Reply> reply() {
        return Optional.ofNullable(reply);
    }

    public Optional<Header> header() {
        return Optional.ofNullable(header);
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    public boolean closes() {
        return close;
    }

    /** The counts that decided it, in the order given; empty for most checks. */
    public Map<String, Long> counts() {
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Verdict)) {
            return false;
        }
        Verdict that = (Verdict) o;
        return check.equals(that.check) && kind == that.kind && close == that.close
            && Objects.equals(reply, that.reply) && Objects.equals(header, that.header)
            && Objects.equals(detail, that.detail) && counts.equals(that.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(check, kind, reply, header, detail, close, counts);
    }

    /** {@code check: kind [reply] [close]}; for a refusal the reply is the wire line. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(check.name()).append(": ").append(kind.name().toLowerCase(Locale.ROOT));
        if (reply != null) {
            out.append(' ').append(reply);
        }
        if (header != null) {
            out.append(" [").append(header).append(']');
        }
        if (close) {
            out.append(" (close)");
        }
        return out.toString();
    }
}
