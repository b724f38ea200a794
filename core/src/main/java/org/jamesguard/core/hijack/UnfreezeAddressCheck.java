package org.jamesguard.core.hijack;

import java.util.Optional;
import java.util.function.Supplier;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.auth.LocalAccounts;

/**
 * A reply to a freeze notice goes to a token address of a local domain, which no account has: it is accepted at
 * RCPT (past the protocol's unknown-user check) for the unfreeze mailet to judge, but only from an authenticated
 * session. Any other session is refused whatever the modes say, as a wrong password is: a forged reply must not
 * reach the mailet. One audit line per refusal; the token is logged only as {@link UnfreezeTokens#forLog}.
 */
public final class UnfreezeAddressCheck {
    public static final CheckId ID = CheckId.of("unfreeze-address");

    private final LocalAccounts accounts;
    private final DecisionRecorder recorder;

    public UnfreezeAddressCheck(LocalAccounts accounts, DecisionRecorder recorder) {
        this.accounts = accounts;
        this.recorder = recorder;
    }

    /**
     * @return empty when the recipient is no unfreeze address (the protocol decides as usual); otherwise
     *     {@link Decision#PROCEED} to accept it, or the refusal
     * @param sessions the session, built only for an unfreeze address
     */
    public Optional<Decision> atRcpt(Supplier<SessionSnapshot> sessions, String localPart, String domain) {
        if (!UnfreezeTokens.looksLikeToken(localPart) || !accounts.isLocalDomain(domain)) {
            return Optional.empty();
        }
        SessionSnapshot session = sessions.get();
        Verdict verdict = check(session, localPart, domain);
        return Optional.of(verdict.refuses() ? recorder.refuse(verdict, session.auditContext()) : Decision.PROCEED);
    }

    static Verdict check(SessionSnapshot session, String localPart, String domain) {
        if (session.authenticated()) {
            return Verdict.pass(ID);
        }
        return Verdict.reject(ID, Replies.UNFREEZE_REFUSED)
            .withDetail("unauthenticated RCPT to " + UnfreezeTokens.forLog(localPart) + "@" + domain);
    }
}
