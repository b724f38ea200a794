package org.jamesguard.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.mail.MessagingException;

import org.jamesguard.core.Decision;
import org.jamesguard.core.Replies;
import org.junit.jupiter.api.Test;

/** The error processor gets what nothing decided on, told apart by the decision's cause, not by its reply's text. */
class StoreOutagesTest {
    @Test
    void aRefusalByPolicyIsKeptEvenWithTheReplyOfAnOutage() throws Exception {
        Decision refusal = Decision.refuse(Replies.STORE_UNAVAILABLE, false);

        assertThat(StoreOutages.decided(refusal, "mail-1")).isSameAs(refusal);
        assertThat(StoreOutages.decided(Decision.PROCEED, "mail-1")).isSameAs(Decision.PROCEED);
    }

    @Test
    void aStoreFailureGoesToTheErrorProcessor() {
        assertThatThrownBy(() -> StoreOutages.decided(Decision.storeFailure(), "could not count mail-1"))
            .isInstanceOf(MessagingException.class)
            .hasMessage("could not count mail-1: 451 4.3.0 Temporary local problem, try again later");
    }

    @Test
    void anInternalErrorGoesToTheErrorProcessor() {
        assertThatThrownBy(() -> StoreOutages.decided(Decision.internalError(), "could not count mail-1"))
            .isInstanceOf(MessagingException.class)
            .hasMessage("could not count mail-1: 451 4.3.0 Temporary local problem, try again later");
    }
}
