package org.jamesguard.core.hijack;

import java.util.Optional;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Reply;
import org.jamesguard.core.Verdict;

/**
 * SPEC C7: a frozen account can no longer log in (SMTP, IMAP, POP3, JMAP), and a session that logged in
 * before the freeze is refused at its next MAIL. Mail to the account is still delivered: receiving never
 * asks this check.
 */
public final class FrozenAccountCheck {
    public static final CheckId ID = CheckId.of("frozen-account");

    private FrozenAccountCheck() {
    }

    /** @param refusal the reply of the protocol step asking (AUTH, MAIL, a login) */
    public static Verdict check(Optional<FreezeRecord> freeze, Reply refusal) {
        if (freeze.isEmpty()) {
            return Verdict.pass(ID);
        }
        return Verdict.reject(ID, refusal).withDetail(freeze.get().toString());
    }
}
