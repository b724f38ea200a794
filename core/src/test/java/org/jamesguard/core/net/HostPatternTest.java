package org.jamesguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import nl.jqno.equalsverifier.EqualsVerifier;

class HostPatternTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "mail.example.com, mail.example.com",
        "MAIL.Example.COM., mail.example.com",
        "' *.example.com ', *.example.com",
        "*.b\u00fccher.example, *.xn--bcher-kva.example",
        "localhost, localhost",
    })
    void parsesAndPrintsBack(String text, String expected) {
        HostPattern pattern = HostPattern.parse(text);

        assertThat(pattern).hasToString(expected);
        assertThat(HostPattern.parse(pattern.toString())).isEqualTo(pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "*", "*.", "**.example.com", "*.*.example.com", "mail.*.com", "mail*.example.com",
        "user@example.com", "*@example.com"})
    void refusesOtherShapes(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> HostPattern.parse(text))
            .withMessage("expected a host name or *.domain, got '" + text + "'");
    }

    @Test
    void refusesAnInvalidName() {
        assertThatIllegalArgumentException().isThrownBy(() -> HostPattern.parse("bad_host.example"))
            .withMessage("invalid domain 'bad_host.example': Contains non-LDH ASCII characters");
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "mail.example.com, mail.example.com, true",
        "mail.example.com, MAIL.EXAMPLE.COM, true",
        "mail.example.com, mail.example.com., true",
        "mail.example.com, mx.example.com, false",
        "mail.example.com, a.mail.example.com, false",
        "*.example.com, mail.example.com, true",
        "*.example.com, a.b.example.com, true",
        "*.example.com, Mail.Example.Com., true",
        "*.example.com, example.com, false",
        "*.example.com, notexample.com, false",
        "*.example.com, mail.example.com.evil, false",
        "*.xn--bcher-kva.example, mx.b\u00fccher.example, true",
        "*.example.com, mx.ex\u0430mple.com, false",
        "mail.example.com, [192.0.2.1], false",
        "mail.example.com, mail example.com, false",
        "mail.example.com, '', false",
    })
    void matchesHostsAsReceived(String pattern, String host, boolean expected) {
        assertThat(HostPattern.parse(pattern).matches(host)).isEqualTo(expected);
    }

    @Test
    void wildcardAndExactPatternsDiffer() {
        assertThat(HostPattern.parse("*.example.com")).isNotEqualTo(HostPattern.parse("example.com"));
    }

    @Test
    void honoursEqualsContract() {
        EqualsVerifier.forClass(HostPattern.class).withNonnullFields("domain").verify();
    }
}
