package org.jamesguard.core.rdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.jamesguard.core.dns.DomainLookup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MailDomainResolvesToClientCheckTest {
    private static final String FORGED = "mail-domain-resolves-to-client: reject 501 5.7.1 Sender domain does not resolve to "
        + "the client address [X-Guard-Reverse-Lookup: mail-domain-resolves-to-client=fail; ip=192.0.2.7; detail=";

    static Stream<Arguments> rows() {
        return Stream.of(
            Arguments.of("an MX host of the domain", Facts.found("example.test", true, "192.0.2.7"), "mail-domain-resolves-to-client: pass"),
            Arguments.of("other hosts only", Facts.found("example.test", true, "192.0.2.1", "2001:db8::1"),
                FORGED + "\"example.test does not resolve to 192.0.2.7\"] (close)"),
            Arguments.of("no such domain", Facts.nxdomain("nowhere.test"),
                FORGED + "\"nowhere.test does not resolve to 192.0.2.7 (no such domain)\"] (close)"),
            Arguments.of("null MX", Facts.nullMx("example.test"),
                FORGED + "\"example.test does not resolve to 192.0.2.7 (null MX, the domain accepts no mail)\"] (close)"),
            Arguments.of("timed out", Facts.temperror("example.test", false),
                "mail-domain-resolves-to-client: tempfail 451 4.4.3 Temporary DNS failure, try again later "
                    + "[X-Guard-Reverse-Lookup: mail-domain-resolves-to-client=temperror; ip=192.0.2.7; "
                    + "detail=\"example.test: example.test/MX: timeout\"]"),
            Arguments.of("query cap reached", Facts.limited("example.test", "192.0.2.1"), "mail-domain-resolves-to-client: pass"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(String name, DomainLookup sender, String verdict) {
        assertThat(MailDomainResolvesToClientCheck.check(Facts.CLIENT, sender, Facts.VERDICTS)).hasToString(verdict);
    }
}
