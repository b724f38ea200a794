package org.jamesguard.core.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;

/**
 * SPEC A10: where POP-before-SMTP is enforced, a local sender must have logged in over POP3 from the same
 * IP within the window. Authenticated sessions are exempt unless configured otherwise; trusted IPs always.
 */
public final class PopBeforeSmtpCheck {
    public static final CheckId ID = CheckId.of("pop-before-smtp");

    private PopBeforeSmtpCheck() {
    }

    /** The look-ups are suppliers: asked only when the session is not exempt anyway. */
    public static Verdict check(SessionSnapshot session, BooleanSupplier senderInLocalDomain, boolean exemptAuthenticated,
                                Supplier<Optional<Instant>> lastPopLogin, Duration window, Instant now) {
        if (session.trusted() || session.nullSender() || (exemptAuthenticated && session.authenticated())
            || !senderInLocalDomain.getAsBoolean()) {
            return Verdict.pass(ID);
        }
        Optional<Instant> lastLogin = lastPopLogin.get();
        if (lastLogin.isPresent() && !lastLogin.get().isBefore(now.minus(window))) {
            return Verdict.pass(ID);
        }
        return Verdict.reject(ID, Replies.POP_BEFORE_SMTP_REQUIRED)
            .withDetail("no POP3 login from this IP since " + now.minus(window));
    }
}
