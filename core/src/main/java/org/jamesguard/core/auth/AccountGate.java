package org.jamesguard.core.auth;

import org.jamesguard.core.Decision;
import org.jamesguard.core.SessionSnapshot;

/** What else may refuse an account whose password was right (a freeze, too many client addresses). */
public interface AccountGate {
    AccountGate NONE = (session, account) -> Decision.PROCEED;

    Decision atLogin(SessionSnapshot session, String account);
}
