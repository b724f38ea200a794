package org.jamesguard.core.hijack;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.config.Durations;

/**
 * SPEC C8: an account whose sessions collect too many 5xx RCPT replies (unknown users, relay denied) is
 * guessing addresses: it is frozen, and only an administrator lifts that freeze.
 */
public final class RcptFailureLimitCheck {
    public static final CheckId ID = CheckId.of("rcpt-failures");
    /** The reason a freeze record and notice give. */
    public static final String FROZEN_REASON = "too many refused recipients";

    private RcptFailureLimitCheck() {
    }

    public static Verdict check(long failures, HijackConfig.Limit limit) {
        if (failures < limit.max()) {
            return Verdict.pass(ID);
        }
        return Verdict.reject(ID, Replies.ACCOUNT_FROZEN_REFUSED_RECIPIENTS).andClose()
            .withDetail(failures + " refused recipients within " + Durations.format(limit.window()) + ", limit " + limit.max())
            .withCount("refused recipients within " + Durations.format(limit.window()), failures);
    }
}
