package org.jamesguard.core.rdns;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.dns.IprevResult;

/**
 * SPEC B3: a PTR name of the client IP must resolve back to it (forward-confirmed reverse DNS, RFC 8601
 * iprev). Anyone can publish any PTR name for their own addresses; only the forward zone's owner can
 * confirm it. A client without a PTR record has no confirmed name either.
 */
public final class ForwardConfirmedPtrCheck {
    public static final CheckId ID = CheckId.of("forward-confirmed-ptr");

    private ForwardConfirmedPtrCheck() {
    }

    public static Verdict check(IprevResult iprev, LookupVerdicts verdicts) {
        switch (iprev.status()) {
            case FAIL:
            case PERMERROR:
                return verdicts.failed(ID, Replies.PTR_NOT_CONFIRMED, iprev.ip(), iprev.detail()).andClose();
            case TEMPERROR:
                return verdicts.temporary(ID, iprev.ip(), iprev.detail());
            default:
                return Verdict.pass(ID);
        }
    }
}
