package org.jamesguard.core.hijack;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.config.Durations;

/**
 * SPEC C5: an account logging in from more distinct client addresses (or /24 and /64 networks) than the
 * limit within the window: the login that goes past it is refused, or freezes the account.
 */
public final class DistinctIpLimitCheck {
    public static final CheckId ID = CheckId.of("distinct-ips");

    private DistinctIpLimitCheck() {
    }

    public static Verdict check(int distinct, HijackConfig.Limit limit, HijackConfig.Reply reply, boolean freeze) {
        if (distinct <= limit.max()) {
            return Verdict.pass(ID);
        }
        return SendLimitCheck.LimitReplies.refusal(ID, reply, freeze, Replies.TOO_MANY_CLIENT_ADDRESSES,
                Replies.TOO_MANY_CLIENT_ADDRESSES_TEMPORARY)
            .withDetail(distinct + " client addresses within " + Durations.format(limit.window()) + ", limit " + limit.max());
    }
}
