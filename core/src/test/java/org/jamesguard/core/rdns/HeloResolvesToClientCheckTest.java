package org.jamesguard.core.rdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.jamesguard.core.dns.DomainLookup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HeloResolvesToClientCheckTest {
    private static final String FORGED = "helo-resolves-to-client: reject 501 5.7.1 HELO name does not resolve to the client address "
        + "[X-Guard-Reverse-Lookup: helo-resolves-to-client=fail; ip=192.0.2.7; detail=";

    static Stream<Arguments> rows() {
        return Stream.of(
            Arguments.of("A record of the client", Facts.found("mail.example.test", false, "192.0.2.7"), "helo-resolves-to-client: pass"),
            Arguments.of("an MX host's address", Facts.found("example.test", true, "192.0.2.1", "192.0.2.7"), "helo-resolves-to-client: pass"),
            Arguments.of("the client's address literal", AddressLiteral.lookup("[192.0.2.7]"), "helo-resolves-to-client: pass"),
            Arguments.of("another host", Facts.found("mail.example.test", false, "192.0.2.99"),
                FORGED + "\"mail.example.test does not resolve to 192.0.2.7\"] (close)"),
            Arguments.of("another address literal", AddressLiteral.lookup("[192.0.2.99]"),
                FORGED + "\"[192.0.2.99] does not resolve to 192.0.2.7 (address literal)\"] (close)"),
            Arguments.of("no such domain", Facts.nxdomain("nowhere.test"),
                FORGED + "\"nowhere.test does not resolve to 192.0.2.7 (no such domain)\"] (close)"),
            Arguments.of("timed out, client not among the answers", Facts.temperror("example.test", false, "192.0.2.99"),
                "helo-resolves-to-client: tempfail 451 4.4.3 Temporary DNS failure, try again later "
                    + "[X-Guard-Reverse-Lookup: helo-resolves-to-client=temperror; ip=192.0.2.7; "
                    + "detail=\"example.test: example.test/MX: timeout\"]"),
            Arguments.of("timed out, but the client was found", Facts.temperror("example.test", false, "192.0.2.7"),
                "helo-resolves-to-client: pass"),
            Arguments.of("query cap reached before the client was found", Facts.limited("example.test", "192.0.2.99"),
                "helo-resolves-to-client: pass"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(String name, DomainLookup helo, String verdict) {
        assertThat(HeloResolvesToClientCheck.check(Facts.CLIENT, helo, Facts.VERDICTS)).hasToString(verdict);
    }
}
