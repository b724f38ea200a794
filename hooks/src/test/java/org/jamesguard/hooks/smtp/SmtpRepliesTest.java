package org.jamesguard.hooks.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.jamesguard.core.Decision;
import org.jamesguard.core.Header;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Reply;
import org.jamesguard.hooks.testing.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmtpRepliesTest {
    private static HookResult hookResult(HookReturnCode code, String retCode, String description) {
        return HookResult.builder().hookReturnCode(code).smtpReturnCode(retCode).smtpDescription(description).build();
    }

    @Test
    void proceedingIsDeclinedNeverOk() {
        assertThat(SmtpReplies.hookResult(Decision.PROCEED)).isSameAs(HookResult.DECLINED);
    }

    @Test
    void proceedingWithAHeaderIsDeclinedToo() {
        assertThat(SmtpReplies.hookResult(Decision.proceedWith(Header.of("X-Guard-Report-Only", "x")))).isSameAs(HookResult.DECLINED);
    }

    @Test
    void aPermanentRefusalDenies() {
        assertThat(SmtpReplies.hookResult(Decision.refuse(Replies.SENDER_NOT_OWNED, false))).isEqualTo(
            hookResult(HookReturnCode.connected(HookReturnCode.Action.DENY), "550", "5.7.1 Sender address not owned by authenticated user"));
    }

    @Test
    void aTemporaryRefusalDeniesSoftly() {
        assertThat(SmtpReplies.hookResult(Decision.storeFailure())).isEqualTo(
            hookResult(HookReturnCode.connected(HookReturnCode.Action.DENYSOFT), "451", "4.3.0 Temporary local problem, try again later"));
    }

    @Test
    void aClosingRefusalDisconnects() {
        assertThat(SmtpReplies.hookResult(Decision.refuse(Replies.AUTH_ATTEMPTS_SCREENED, true))).isEqualTo(
            hookResult(HookReturnCode.disconnected(HookReturnCode.Action.DENYSOFT), "421", "4.7.0 Too many authentication attempts, try again later"));
        assertThat(SmtpReplies.hookResult(Decision.refuse(Replies.SCREENED, true))).isEqualTo(
            hookResult(HookReturnCode.disconnected(HookReturnCode.Action.DENY), "554", "5.7.1 Client host blocked by the dynamic screen"));
    }

    @ParameterizedTest(name = "{0} {1} close={3}")
    @CsvSource(delimiter = '|', value = {
        "530 | 5.7.0 | Authentication required                         | false | 530 5.7.0 Authentication required",
        "421 | 4.7.0 | Too many authentication attempts, try again later | true  | 421 4.7.0 Too many authentication attempts, try again later (close)",
        "538 | 5.7.11 | Encryption required for requested authentication mechanism | false"
            + " | 538 5.7.11 Encryption required for requested authentication mechanism",
    })
    void aReplyBecomesOneResponseLine(int code, String status, String text, boolean close, String expected) {
        Response response = SmtpReplies.response(Reply.of(code, status, text), close);

        assertThat(Wire.of(response)).isEqualTo(expected);
        assertThat(response.getRetCode()).isEqualTo(String.valueOf(code));
    }

    @Test
    void aRefusingDecisionBecomesItsResponse() {
        assertThat(Wire.of(SmtpReplies.response(Decision.refuse(Replies.SCREENED, true))))
            .isEqualTo("554 5.7.1 Client host blocked by the dynamic screen (close)");
    }

    @Test
    void proceedingAnswersNothingRatherThanNull() {
        Response response = SmtpReplies.response(Decision.PROCEED);

        assertThat(response).isSameAs(SmtpReplies.NO_RESPONSE);
        assertThat(response.getRetCode()).isEmpty();
        assertThat(response.getLines()).isEmpty();
        assertThat(response.isEndSession()).isFalse();
    }

    @Test
    void proceedingWithAHeaderAnswersNothingToo() {
        assertThat(SmtpReplies.response(Decision.proceedWith(Header.of("X-Guard-Report-Only", "x")))).isSameAs(SmtpReplies.NO_RESPONSE);
    }
}
