package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

import nl.jqno.equalsverifier.EqualsVerifier;

class DecisionTest {
    private static final Reply SCREENED = Reply.of(554, "5.7.1", "Client host blocked by the dynamic screen");
    private static final Header REPORT = Header.of("X-Guard-Report-Only", "screened-ip; would-reply=\"554 5.7.1 x\"");

    @Test
    void proceedNeitherRefusesNorAddsAHeader() {
        assertThat(Decision.PROCEED.refuses()).isFalse();
        assertThat(Decision.PROCEED.reply()).isEmpty();
        assertThat(Decision.PROCEED.header()).isEmpty();
        assertThat(Decision.PROCEED.closes()).isFalse();
        assertThat(Decision.PROCEED).hasToString("proceed");
        assertThat(Decision.PROCEED.cause()).isEmpty();
    }

    @Test
    void proceedWithAddsAHeaderWithoutRefusing() {
        Decision decision = Decision.proceedWith(REPORT);

        assertThat(decision.refuses()).isFalse();
        assertThat(decision.reply()).isEmpty();
        assertThat(decision.header()).contains(REPORT);
        assertThat(decision.closes()).isFalse();
        assertThat(decision).hasToString("proceed [X-Guard-Report-Only: screened-ip; would-reply=\"554 5.7.1 x\"]");
    }

    @Test
    void refuseSendsTheReplyAndKeepsTheSessionOpen() {
        Decision decision = Decision.refuse(SCREENED, false);

        assertThat(decision.refuses()).isTrue();
        assertThat(decision.reply()).contains(SCREENED);
        assertThat(decision.header()).isEmpty();
        assertThat(decision.closes()).isFalse();
        assertThat(decision.cause()).contains(Decision.Cause.POLICY);
        assertThat(decision).hasToString("554 5.7.1 Client host blocked by the dynamic screen");
    }

    @Test
    void aStoreFailureAndAnInternalErrorSendTheSameReplyForDifferentCauses() {
        assertThat(Decision.storeFailure().cause()).contains(Decision.Cause.STORE_FAILURE);
        assertThat(Decision.internalError().cause()).contains(Decision.Cause.INTERNAL_ERROR);
        assertThat(Decision.storeFailure().reply()).isEqualTo(Decision.internalError().reply());
        assertThat(Decision.storeFailure()).isNotEqualTo(Decision.internalError())
            .isNotEqualTo(Decision.refuse(Replies.STORE_UNAVAILABLE, false));
        assertThat(Decision.storeFailure().closes()).isFalse();
        assertThat(Decision.storeFailure()).hasToString("451 4.3.0 Temporary local problem, try again later");
    }

    @Test
    void refuseAndCloseEndsTheSession() {
        Decision decision = Decision.refuse(SCREENED, true);

        assertThat(decision.closes()).isTrue();
        assertThat(decision).hasToString("554 5.7.1 Client host blocked by the dynamic screen (close)");
        assertThat(decision).isNotEqualTo(Decision.refuse(SCREENED, false));
    }

    @Test
    void rejectsNulls() {
        assertThatNullPointerException().isThrownBy(() -> Decision.proceedWith(null)).withMessage("header");
        assertThatNullPointerException().isThrownBy(() -> Decision.refuse(null, true)).withMessage("reply");
    }

    @Test
    void honoursEqualsContract() {
        EqualsVerifier.forClass(Decision.class).verify();
    }
}
