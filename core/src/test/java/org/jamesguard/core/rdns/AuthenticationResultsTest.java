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
        "mx.example.test.evil; iprev=pass| false",
        "relay.example.net; iprev=pass policy.iprev=192.0.2.7| false",
        "; iprev=pass| false",
    })
    void tellsWhetherAFieldClaimsOurHost(String value, boolean claims) {
        assertThat(AuthenticationResults.claims(value, "mx.example.test")).isEqualTo(claims);
    }
}
