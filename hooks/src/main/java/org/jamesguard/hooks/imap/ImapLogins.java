package org.jamesguard.hooks.imap;

import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imapserver.netty.ImapChannelUpstreamHandler;
import org.apache.james.util.MDCBuilder;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.Reply;
import org.jamesguard.core.hijack.FrozenLogins;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.screen.ScreenedLogins;
import org.slf4j.MDC;

/**
 * What {@link GuardLoginProcessor} and {@link GuardAuthenticateProcessor} share: asking
 * {@link FrozenLogins} about an IMAP login and turning its refusal into the text of a tagged
 * {@code NO}, worded as James words its own: {@code a1 NO LOGIN failed. Account frozen: contact your
 * postmaster}.
 */
final class ImapLogins {
    static final String LISTENER = "imap";
    private static final String TEXT_KEY = "org.jamesguard.imap.LOGIN_REFUSED";

    private ImapLogins() {
    }

    /**
     * A login with a password from a client IP on the dynamic screen: refused before the password is checked,
     * so a screened IP cannot go on guessing here what it guessed over SMTP.
     */
    static Optional<HumanReadableText> screened(ScreenedLogins screen, Username user, ImapSession session) {
        return clientIp(session)
            .flatMap(ip -> screen.atLogin(IpAddresses.parse(ip), context(session, user)))
            .map(ImapLogins::text);
    }

    /** LOGIN or AUTHENTICATE PLAIN, acting for {@code actingAs} when not null: the screen first, then the freeze. */
    static Optional<HumanReadableText> passwordLogin(ScreenedLogins screen, FrozenLogins logins, Username user,
                                                     String password, Username actingAs, ImapSession session) {
        return screened(screen, user, session).or(() -> withPasswordActingAs(logins, user, password, actingAs, session));
    }

    /** A login with a password, before James checks it: refused only when the password is right. */
    private static Optional<HumanReadableText> withPassword(FrozenLogins logins, Username user, String password, ImapSession session) {
        if (user == null || password == null) {
            return Optional.empty();
        }
        return logins.withPassword(user.asString(), password, context(session, user)).map(ImapLogins::text);
    }

    /** A login with a password acting for {@code actingAs} (a delegation), before James checks it. */
    private static Optional<HumanReadableText> withPasswordActingAs(FrozenLogins logins, Username user, String password,
                                                                    Username actingAs, ImapSession session) {
        if (actingAs == null) {
            return withPassword(logins, user, password, session);
        }
        if (user == null || password == null) {
            return Optional.empty();
        }
        return logins.withPasswordActingAs(user.asString(), password, actingAs.asString(),
            account -> context(session, Username.of(account))).map(ImapLogins::text);
    }

    /** A login whose credentials James has already verified (an OAuth token). */
    static Optional<HumanReadableText> authenticated(FrozenLogins logins, Username user, ImapSession session) {
        return logins.authenticated(user.asString(), context(session, user)).map(ImapLogins::text);
    }

    private static HumanReadableText text(Reply refusal) {
        return new HumanReadableText(TEXT_KEY, "failed. " + refusal.text());
    }

    private static AuditContext context(ImapSession session, Username user) {
        return AuditContext.of(session.sessionId().asString(), clientIp(session).orElse(null),
            user == null ? null : user.asString(), LISTENER);
    }

    /**
     * The client's address. An ImapSession does not expose it; James keeps it in the MDC it binds to the
     * session at connection time (the PROXY protocol's source address when there is one).
     */
    static Optional<String> clientIp(ImapSession session) {
        Object bound = session.getAttribute(ImapChannelUpstreamHandler.MDC_KEY);
        if (!(bound instanceof MDCBuilder)) {
            return Optional.empty();
        }
        Map<String, String> saved = MDC.getCopyOfContextMap();
        try {
            return Optional.ofNullable(((MDCBuilder) bound).execute(() -> MDC.get(MDCBuilder.IP)));
        } finally {
            if (saved == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(saved);
            }
        }
    }
}
