package org.jamesguard.core.hijack;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.config.Durations;
import org.jamesguard.core.store.CounterStore.Acquisition;

/**
 * SPEC C5: an account logging in from more distinct client addresses (or /24 and /64 networks) than the
 * limit within the window: the login from one address too many is refused (and not counted), or freezes
 * the account; addresses already seen keep working.
 */
public final class DistinctIpLimitCheck {
    public static final CheckId ID = CheckId.of("distinct-ips");
    /** The reason a freeze record and notice give. */
    public static final String FROZEN_REASON = "logins from too many client addresses";

    private DistinctIpLimitCheck() {
    }

    public static Verdict check(Acquisition admission, HijackConfig.Limit limit, HijackConfig.LimitReply reply, boolean freeze) {
        if (admission.acquired()) {
            return Verdict.pass(ID);
        }
        return SendLimitCheck.LimitReplies.refusal(ID, reply, freeze, Replies.TOO_MANY_CLIENT_ADDRESSES,
                Replies.TOO_MANY_CLIENT_ADDRESSES_TEMPORARY, Replies.ACCOUNT_FROZEN_CLIENT_ADDRESSES)
            .withDetail(admission.count() + " client addresses already within " + Durations.format(limit.window()) + ", limit " + limit.max())
            // the address refused is one more
            .withCount("client addresses within " + Durations.format(limit.window()), admission.count() + 1);
    }
}
