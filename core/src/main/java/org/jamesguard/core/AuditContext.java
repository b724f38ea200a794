package org.jamesguard.core;

import java.util.Objects;
import java.util.Optional;

/** Who a decision is about, for the audit log line: session, client IP, account, listener. */
public final class AuditContext {
    public static final AuditContext NONE = new AuditContext(null, null, null, null);

    private final String sessionId;
    private final String ip;
    private final String account;
    private final String listener;

    private AuditContext(String sessionId, String ip, String account, String listener) {
        this.sessionId = sessionId;
        this.ip = ip;
        this.account = account;
        this.listener = listener;
    }

    public static AuditContext of(String sessionId, String ip, String account, String listener) {
        return new AuditContext(sessionId, ip, account, listener);
    }

    public static AuditContext forAccount(String account) {
        return new AuditContext(null, null, account, null);
    }

    public static AuditContext forIp(String ip) {
        return new AuditContext(null, ip, null, null);
    }

    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    public Optional<String> ip() {
        return Optional.ofNullable(ip);
    }

    public Optional<String> account() {
        return Optional.ofNullable(account);
    }

    public Optional<String> listener() {
        return Optional.ofNullable(listener);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AuditContext)) {
            return false;
        }
        AuditContext that = (AuditContext) o;
        return Objects.equals(sessionId, that.sessionId) && Objects.equals(ip, that.ip)
            && Objects.equals(account, that.account) && Objects.equals(listener, that.listener);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, ip, account, listener);
    }

    /** The fields of an audit line, each escaped by {@link AuditLog#value}: a client's text cannot break out of its field. */
    @Override
    public String toString() {
        return "session=" + AuditLog.value(sessionId) + " ip=" + AuditLog.value(ip) + " account=" + AuditLog.value(account)
            + " listener=" + AuditLog.value(listener);
    }
}
