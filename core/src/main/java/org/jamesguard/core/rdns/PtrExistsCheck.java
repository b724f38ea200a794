package org.jamesguard.core.rdns;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.dns.IprevResult;

/**
 * SPEC B2: the client IP must have a PTR record. Mail servers are named; a client without a name is
 * most often a dynamic address. Refusing closes the session: the client will not get a name by retrying.
 */
public final class PtrExistsCheck {
    public static final CheckId ID = CheckId.of("ptr-exists");

    private PtrExistsCheck() {
    }

    public static Verdict check(IprevResult iprev, LookupVerdicts verdicts) {
        switch (iprev.status()) {
            case PERMERROR:
                return verdicts.failed(ID, Replies.NO_PTR, iprev.ip(), iprev.detail()).andClose();
            case TEMPERROR:
                return iprev.ptrNames().isEmpty() ? verdicts.temporary(ID, iprev.ip(), iprev.detail()) : Verdict.pass(ID);
            default:
                return Verdict.pass(ID);
        }
    }
}
