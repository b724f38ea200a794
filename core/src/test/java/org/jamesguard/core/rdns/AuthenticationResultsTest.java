package org.jamesguard.core.rdns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthenticationResultsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mx.example.test; iprev=pass policy.iprev=192.0.2.7| true",
        "MX.Example.Test.; spf=pass smtp.mailfrom=example.test| true",
        "mx.example.test 1; none| true",
        "(planted by a client) mx.example.test; iprev=pass| true",
        "mx.example.test(comment);iprev=pass| true",
        "'  mx.example.test\r\n ; iprev=pass'| true",
        "((x)) mx.example.test; iprev=pass| true",
        "'\"mx.example.test\"; iprev=pass'| true",
        "'\"MX.EX\\ample.test.\" 1; iprev=pass'| true",
        "'(a \\) b) (c (d) e)\r\n\tmx.example.test\r\n ; iprev=pass'| true",
        "mx.example.test.evil; iprev=pass| false",
        "relay.example.net; iprev=pass policy.iprev=192.0.2.7| false",
        "'\"relay.example.net\" (mx.example.test); iprev=pass'| false",
        "mx.xn--exmple-cua.test; iprev=pass| false",
    })
    void tellsWhetherAFieldClaimsOurHost(String value, boolean claims) {
        assertThat(AuthenticationResults.claims(value, "mx.example.test")).isEqualTo(claims);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "; iprev=pass",
        "(unclosed mx.example.test; iprev=pass",
        "'\"mx.example.test; iprev=pass'",
        "mx.example.test@relay.example.net; iprev=pass",
        "relay.example.net iprev=pass",
    })
    void aFieldWithoutReadableAuthservIdCountsAsClaimingOurHost(String value) {
        assertThat(AuthenticationResults.claims(value, "mx.example.test")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bücher.example; iprev=pass| xn--bcher-kva.example",
        "xn--bcher-kva.example; iprev=pass| bücher.example",
        "'\"BÜCHER.example.\"; iprev=pass'| bücher.example",
    })
    void unicodeAndALabelFormsOfOurHostAreTheSameName(String value, String host) {
        assertThat(AuthenticationResults.claims(value, host)).isTrue();
    }
}
