package org.jamesguard.core.hijack;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Reply;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.config.Durations;
import org.jamesguard.core.store.CounterStore.Acquisition;

/**
 * SPEC C1–C4, C6, C7: the message that would take an account past the limit of its client's IP class
 * is refused ({@code 550 5.7.1} or {@code 450 4.7.1}); with freezing, {@code 552 5.7.1} and the session
 * ends. Messages below the limit are untouched.
 */
public final class SendLimitCheck {
    public static final CheckId ID = CheckId.of("send-limit");

    private SendLimitCheck() {
    }

    public static Verdict check(Acquisition acquisition, IpClass ipClass, HijackConfig.Limit limit,
                                HijackConfig.LimitReply reply, boolean freeze) {
        if (acquisition.acquired()) {
            return Verdict.pass(ID);
        }
        return LimitReplies.refusal(ID, reply, freeze, Replies.SENDING_LIMIT, Replies.SENDING_LIMIT_TEMPORARY,
                Replies.ACCOUNT_FROZEN_NOW)
            .withDetail(acquisition.count() + " messages from " + ipClass.key() + " IPs within " + Durations.format(limit.window())
                + ", limit " + limit.max())
            .withCount("messages from " + ipClass.key() + " IPs within " + Durations.format(limit.window()), acquisition.count());
    }

    /** How limit checks answer: the configured class of reply, or a freeze that ends the session. */
    static final class LimitReplies {
        private LimitReplies() {
        }

        static Verdict refusal(CheckId id, HijackConfig.LimitReply reply, boolean freeze, Reply permanent, Reply temporary,
                               Reply frozen) {
            if (freeze) {
                return Verdict.reject(id, frozen).andClose();
            }
            return Verdict.reject(id, reply == HijackConfig.LimitReply.TEMPORARY ? temporary : permanent);
        }
    }
}
