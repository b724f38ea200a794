package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SPEC A11: on a listener without AUTH the command is answered as unknown. */
class AuthNotOfferedCheckTest {
    @Test
    void answersAuthAsAnUnknownCommand() {
        assertThat(AuthNotOfferedCheck.check()).hasToString("auth-not-offered: reject 500 5.5.1 Command unrecognized");
    }

    @Test
    void doesNotCloseTheSession() {
        assertThat(AuthNotOfferedCheck.check().closes()).isFalse();
    }

    @Test
    void saysWhyForTheAuditLog() {
        assertThat(AuthNotOfferedCheck.check().detail()).contains("AUTH on a listener without AUTH");
    }
}
