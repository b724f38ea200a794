package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthRequiresTlsCheckTest {
    @Test
    void authBeforeStartTlsWhereTlsWouldOfferItAsksForEncryption() {
        assertThat(AuthRequiresTlsCheck.check(true))
            .hasToString("auth-requires-tls: reject 538 5.7.11 Encryption required for requested authentication mechanism");
        assertThat(AuthRequiresTlsCheck.check(true).detail()).contains("AUTH before STARTTLS");
    }

    @Test
    void authNeverOfferedToThisClientDoesNotExist() {
        assertThat(AuthRequiresTlsCheck.check(false)).hasToString("auth-not-offered: reject 500 5.5.1 Command unrecognized");
        assertThat(AuthRequiresTlsCheck.check(false).detail()).contains("AUTH not offered to this client");
    }
}
