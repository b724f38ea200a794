package org.jamesguard.core.auth;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Header;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.auth.from.FromHeaderAnalysis;
import org.jamesguard.core.net.EmailAddress;

/**
 * SPEC A6: every address of every From: header of an authenticated submission must belong to the
 * account, as a strict parser and as a mail client would read it; an ambiguous header is refused. In
 * {@code stamp-sender} mode the message is accepted with {@code Sender:} set to the account instead
 * (RFC 6409 §8.1).
 */
public final class FromHeaderOwnedByAuthUserCheck {
    public static final CheckId ID = CheckId.of("from-owned-by-auth-user");

    private FromHeaderOwnedByAuthUserCheck() {
    }

    /**
     * @param header the parsed header, asked for only when the session is authenticated
     * @param owns whether the account owns an address (own address, alias, delegation)
     * @param exempt addresses exempt from the check (A7)
     * @param gatewayMail every recipient is in a gateway domain (A8)
     */
    public static Verdict check(SessionSnapshot session, Supplier<FromHeaderAnalysis> header, Predicate<EmailAddress> owns,
                                Predicate<EmailAddress> exempt, boolean gatewayMail, FromOwnershipMode mode) {
        if (!session.authenticated() || gatewayMail) {
            return Verdict.pass(ID);
        }
        FromHeaderAnalysis from = header.get();
        Optional<String> refusal = from.refusalFor(address -> exempt.test(address) || owns.test(address));
        if (refusal.isEmpty()) {
            return Verdict.pass(ID);
        }
        String account = session.authUser().orElseThrow();
        if (mode == FromOwnershipMode.STAMP_SENDER) {
            return Verdict.warn(ID, Header.replacing("Sender", account), refusal.get() + "; Sender set to " + account);
        }
        return Verdict.reject(ID, from.rejection().isPresent()
                ? Replies.FROM_REFUSED.withText("From: header refused: " + from.rejection().get())
                : Replies.FROM_NOT_OWNED)
            .withDetail(account + ": " + refusal.get());
    }
}
