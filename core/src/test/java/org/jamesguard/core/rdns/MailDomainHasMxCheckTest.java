package org.jamesguard.core.rdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.jamesguard.core.dns.DomainLookup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MailDomainHasMxCheckTest {
    private static final String NO_MX = "mail-domain-has-mx: reject 550 5.1.8 Sender domain has no MX record "
        + "[X-Guard-Reverse-Lookup: mail-domain-has-mx=fail; ip=192.0.2.7; detail=\"example.test has no MX record\"]";

    static Stream<Arguments> rows() {
        return Stream.of(
            Arguments.of("MX records", Facts.found("example.test", true, "192.0.2.1"), "mail-domain-has-mx: pass"),
            Arguments.of("an A record only", Facts.found("example.test", false, "192.0.2.1"), NO_MX),
            Arguments.of("no records", Facts.nodata("example.test"), NO_MX),
            Arguments.of("null MX", Facts.nullMx("example.test"),
                "mail-domain-has-mx: reject 550 5.7.27 Sender domain does not accept mail (null MX) "
                    + "[X-Guard-Reverse-Lookup: mail-domain-has-mx=fail; ip=192.0.2.7; "
                    + "detail=\"example.test: null MX, the domain accepts no mail\"]"),
            Arguments.of("no such domain: the existence check's concern", Facts.nxdomain("nowhere.test"), "mail-domain-has-mx: pass"),
            Arguments.of("timed out before any MX came", Facts.temperror("example.test", false, "192.0.2.1"),
                "mail-domain-has-mx: tempfail 451 4.4.3 Temporary DNS failure, try again later "
                    + "[X-Guard-Reverse-Lookup: mail-domain-has-mx=temperror; ip=192.0.2.7; "
                    + "detail=\"example.test: example.test/MX: timeout\"]"),
            Arguments.of("timed out after the MX came", Facts.temperror("example.test", true), "mail-domain-has-mx: pass"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(String name, DomainLookup sender, String verdict) {
        assertThat(MailDomainHasMxCheck.check(Facts.CLIENT, sender, Facts.VERDICTS)).hasToString(verdict);
    }
}
