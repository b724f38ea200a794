package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SaslResponsesTest {
    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainHasAnAuthorizationIdentityAUserAndAPassword() {
        SaslResponses.Plain plain = SaslResponses.plain(base64("ceo@example.com\0alice@example.com\0s3cr\u00e9t")).orElseThrow();

        assertThat(plain.authorizationId()).isEqualTo("ceo@example.com");
        assertThat(plain.user()).isEqualTo("alice@example.com");
        assertThat(plain.password()).isEqualTo("s3cr\u00e9t");
        assertThat(SaslResponses.plain(base64("\0alice\0")).orElseThrow().password()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-base64!", "=", "YWxpY2U=", "AGFsaWNl", "AABwYXNz", "YQBiAGMAZA=="})
    void aPlainResponseWithoutThreeFieldsOrWithoutUserIsMalformed(String encoded) {
        assertThat(SaslResponses.plain(encoded)).isEmpty();
    }

    @Test
    void anEqualsSignIsAnEmptyResponse() {
        assertThat(SaslResponses.decode("=")).contains("");
        assertThat(SaslResponses.loginUser("=")).isEmpty();
        assertThat(SaslResponses.loginUser(base64("alice"))).contains("alice");
        assertThat(SaslResponses.decode("***")).isEmpty();
    }
}
