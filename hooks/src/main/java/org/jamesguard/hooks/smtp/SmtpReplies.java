package org.jamesguard.hooks.smtp;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.jamesguard.core.Decision;
import org.jamesguard.core.Reply;

/**
 * The one translator from a core {@link Decision} to what James sends. Proceeding is
 * {@link HookResult#DECLINED}, never OK: OK would skip James's own relay and identity checks.
 */
public final class SmtpReplies {
    /** What a ConnectHandler returns to say nothing: null would break James's JMX connect statistics. */
    public static final Response NO_RESPONSE = silent("");
    /**
     * What a CommandHandler, or a handler that is also one, returns to say nothing for now: James's JMX
     * command statistics read the first digit of the code, and {@code 0} counts in no reply class.
     */
    public static final Response NO_COMMAND_RESPONSE = silent("000");

    private SmtpReplies() {
    }

    /** Nothing reaches the client: no line is written, the session stays open. */
    private static Response silent(String code) {
        return new Response() {
            @Override
            public String getRetCode() {
                return code;
            }

            @Override
            public java.util.List<CharSequence> getLines() {
                return java.util.List.of();
            }

            @Override
            public boolean isEndSession() {
                return false;
            }
        };
    }

    public static HookResult hookResult(Decision decision) {
        if (!decision.refuses()) {
            return HookResult.DECLINED;
        }
        Reply reply = decision.reply().orElseThrow();
        HookReturnCode.Action action = reply.isPermanent() ? HookReturnCode.Action.DENY : HookReturnCode.Action.DENYSOFT;
        return HookResult.builder()
            .hookReturnCode(decision.closes() ? HookReturnCode.disconnected(action) : HookReturnCode.connected(action))
            .smtpReturnCode(String.valueOf(reply.code()))
            .smtpDescription(reply.description())
            .build();
    }

    /** For connect and command handlers, which answer with a Response instead of a HookResult. */
    public static Response response(Reply reply, boolean close) {
        SMTPResponse response = new SMTPResponse(String.valueOf(reply.code()), reply.description());
        response.setEndSession(close);
        return response;
    }

    public static Response response(Decision decision) {
        return decision.reply().map(reply -> response(reply, decision.closes())).orElse(NO_RESPONSE);
    }
}
