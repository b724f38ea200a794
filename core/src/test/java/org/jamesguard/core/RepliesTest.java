package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepliesTest {
    @Test
    void screenedIsAPermanentRefusalAtConnect() {
        assertThat(Replies.SCREENED).hasToString("554 5.7.1 Client host blocked by the dynamic screen");
    }

    @Test
    void storeUnavailableIsTransient() {
        assertThat(Replies.STORE_UNAVAILABLE).hasToString("451 4.3.0 Temporary local problem, try again later");
    }

    @Test
    void internalErrorIsTransient() {
        assertThat(Replies.INTERNAL_ERROR).hasToString("451 4.3.0 Temporary local problem, try again later");
    }
}
