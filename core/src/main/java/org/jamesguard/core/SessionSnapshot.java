package org.jamesguard.core;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jamesguard.core.net.EmailAddress;
import org.jamesguard.core.net.IpAddresses;

/**
 * What a check may know about an SMTP session, frozen at the moment it is asked. Adapters build it
 * from James's session; core tests build it in one line with {@link #builder}. Completed DNS facts
 * and other per-feature inputs are passed to checks beside it.
 */
public final class SessionSnapshot {
    private final String sessionId;
    private final String listener;
    private final InetAddress clientIp;
    private final boolean trusted;
    private final String authUser;
    private final String delegatingLogin;
    private final boolean nullSender;
    private final EmailAddress mailFrom;
    private final List<EmailAddress> recipients;

    private SessionSnapshot(Builder b) {
        this.sessionId = b.sessionId;
        this.listener = b.listener;
        this.clientIp = Objects.requireNonNull(b.clientIp, "clientIp");
        this.trusted = b.trusted;
        this.authUser = b.authUser;
        this.delegatingLogin = b.authUser == null || b.authUser.equals(b.delegatingLogin) ? null : b.delegatingLogin;
        this.nullSender = b.nullSender;
        this.mailFrom = b.mailFrom;
        this.recipients = List.copyOf(b.recipients);
    }

    public static Builder builder(InetAddress clientIp) {
        return new Builder(clientIp);
    }

    public static Builder builder(String clientIp) {
        return new Builder(IpAddresses.parse(clientIp));
    }

    public Builder toBuilder() {
        Builder b = new Builder(clientIp);
        b.sessionId = sessionId;
        b.listener = listener;
        b.trusted = trusted;
        b.authUser = authUser;
        b.delegatingLogin = delegatingLogin;
        b.nullSender = nullSender;
        b.mailFrom = mailFrom;
        b.recipients = recipients;
        return b;
    }

    public String sessionId() {
        return sessionId;
    }

    public String listener() {
        return listener;
    }

    public InetAddress clientIp() {
        return clientIp;
    }

    public String clientIpText() {
        return IpAddresses.format(clientIp);
    }

    /** Trusted IPs (configured, James's authorizedAddresses, 127.0.0.1 and ::1). */
    public boolean trusted() {
        return trusted;
    }

    /** The account name the session authenticated as. */
    public Optional<String> authUser() {
        return Optional.ofNullable(authUser);
    }

    /**
     * The account whose password was checked, when the session acts for {@link #authUser} through a delegation;
     * empty otherwise. Its freeze and limits apply to what the session does, as {@link #authUser}'s do.
     */
    public Optional<String> delegatingLogin() {
        return Optional.ofNullable(delegatingLogin);
    }

    /** The accounts the session answers for: the delegating login first when there is one, then {@link #authUser}. */
    public List<String> accountsInvolved() {
        if (authUser == null) {
            return List.of();
        }
        return delegatingLogin == null ? List.of(authUser) : List.of(delegatingLogin, authUser);
    }

    public boolean authenticated() {
        return authUser != null;
    }

    /** True for {@code MAIL FROM:<>}. */
    public boolean nullSender() {
        return nullSender;
    }

    public Optional<EmailAddress> mailFrom() {
        return Optional.ofNullable(mailFrom);
    }

    public List<EmailAddress> recipients() {
        return recipients;
    }

    public AuditContext auditContext() {
        return auditContext(authUser);
    }

    /** This session's context for a decision about {@code account}, which may not be the one authenticated yet. */
    public AuditContext auditContext(String account) {
        return AuditContext.of(sessionId, clientIpText(), account, listener);
    }

    @Override
    public String toString() {
        return "SessionSnapshot{" + auditContext() + ", trusted=" + trusted
            + ", mailFrom=" + (nullSender ? "<>" : mailFrom) + ", recipients=" + recipients + "}";
    }

    public static final class Builder {
        private final InetAddress clientIp;
        private String sessionId = "-";
        private String listener = "-";
        private boolean trusted;
        private String authUser;
        private String delegatingLogin;
        private boolean nullSender;
        private EmailAddress mailFrom;
        private List<EmailAddress> recipients = List.of();

        private Builder(InetAddress clientIp) {
            this.clientIp = IpAddresses.normalize(clientIp);
        }

        public Builder sessionId(String value) {
            this.sessionId = value;
            return this;
        }

        public Builder listener(String value) {
            this.listener = value;
            return this;
        }

        public Builder trusted(boolean value) {
            this.trusted = value;
            return this;
        }

        public Builder authUser(String value) {
            this.authUser = value;
            return this;
        }

        /** The account whose password was checked, when it differs from {@link #authUser(String)} (a delegation). */
        public Builder delegatingLogin(String value) {
            this.delegatingLogin = value;
            return this;
        }

        public Builder mailFrom(EmailAddress value) {
            this.mailFrom = value;
            this.nullSender = false;
            return this;
        }

        public Builder mailFrom(String value) {
            return mailFrom(EmailAddress.parse(value));
        }

        public Builder nullSender() {
            this.mailFrom = null;
            this.nullSender = true;
            return this;
        }

        public Builder recipients(List<EmailAddress> value) {
            this.recipients = value;
            return this;
        }

        public SessionSnapshot build() {
            return new SessionSnapshot(this);
        }
    }
}
