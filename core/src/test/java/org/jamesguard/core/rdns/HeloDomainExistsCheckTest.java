package org.jamesguard.core.rdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.jamesguard.core.Mode;
import org.jamesguard.core.Replies;
import org.jamesguard.core.dns.DomainLookup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HeloDomainExistsCheckTest {
    private static final NotFoundRule TEMPORARY = new NotFoundRule(Mode.ENFORCE, Replies.HELO_NOT_FOUND, false);
    private static final NotFoundRule PERMANENT = new NotFoundRule(Mode.ENFORCE, Replies.HELO_NOT_FOUND_PERMANENT, false);
    private static final NotFoundRule CLOSING = new NotFoundRule(Mode.ENFORCE, Replies.HELO_NOT_FOUND, true);
    private static final String HEADER = "[X-Guard-Reverse-Lookup: helo-domain-exists=fail; ip=192.0.2.7; "
        + "detail=\"nowhere.test: no such domain\"]";

    static Stream<Arguments> rows() {
        return Stream.of(
            Arguments.of("found", Facts.found("mail.example.test", false, "192.0.2.99"), TEMPORARY, "helo-domain-exists: pass"),
            Arguments.of("exists without records", Facts.nodata("example.test"), TEMPORARY, "helo-domain-exists: pass"),
            Arguments.of("an address literal", AddressLiteral.lookup("[192.0.2.99]"), TEMPORARY, "helo-domain-exists: pass"),
            Arguments.of("no such domain: 451 by default", Facts.nxdomain("nowhere.test"), TEMPORARY,
                "helo-domain-exists: reject 451 4.1.8 HELO domain not found " + HEADER),
            Arguments.of("no such domain: 501 as an option", Facts.nxdomain("nowhere.test"), PERMANENT,
                "helo-domain-exists: reject 501 5.1.8 HELO domain not found " + HEADER),
            Arguments.of("no such domain: closing as an option", Facts.nxdomain("nowhere.test"), CLOSING,
                "helo-domain-exists: reject 451 4.1.8 HELO domain not found " + HEADER + " (close)"),
            Arguments.of("not even a domain name", AddressLiteral.lookup("[not-an-address]"), TEMPORARY,
                "helo-domain-exists: reject 451 4.1.8 HELO domain not found [X-Guard-Reverse-Lookup: helo-domain-exists=fail; "
                    + "ip=192.0.2.7; detail=\"[not-an-address]: not an address literal\"]"),
            Arguments.of("timed out, nothing found", Facts.temperror("example.test", false), PERMANENT,
                "helo-domain-exists: tempfail 451 4.4.3 Temporary DNS failure, try again later "
                    + "[X-Guard-Reverse-Lookup: helo-domain-exists=temperror; ip=192.0.2.7; "
                    + "detail=\"example.test: example.test/MX: timeout\"]"),
            Arguments.of("timed out after an address came", Facts.temperror("example.test", false, "192.0.2.99"), PERMANENT,
                "helo-domain-exists: pass"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(String name, DomainLookup helo, NotFoundRule rule, String verdict) {
        assertThat(HeloDomainExistsCheck.check(Facts.CLIENT, helo, rule, Facts.VERDICTS)).hasToString(verdict);
    }
}
