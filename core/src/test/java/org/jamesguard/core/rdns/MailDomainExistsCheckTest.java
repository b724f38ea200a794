package org.jamesguard.core.rdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.jamesguard.core.Mode;
import org.jamesguard.core.Replies;
import org.jamesguard.core.dns.DomainLookup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MailDomainExistsCheckTest {
    private static final NotFoundRule TEMPORARY = new NotFoundRule(Mode.ENFORCE, Replies.SENDER_DOMAIN_NOT_FOUND, false);
    private static final NotFoundRule PERMANENT_CLOSING =
        new NotFoundRule(Mode.ENFORCE, Replies.SENDER_DOMAIN_NOT_FOUND_PERMANENT, true);
    private static final String HEADER = "[X-Guard-Reverse-Lookup: mail-domain-exists=fail; ip=192.0.2.7; "
        + "detail=\"nowhere.test: no such domain\"]";

    static Stream<Arguments> rows() {
        return Stream.of(
            Arguments.of("found", Facts.found("example.test", true, "192.0.2.1"), TEMPORARY, "mail-domain-exists: pass"),
            Arguments.of("null MX: it exists", Facts.nullMx("example.test"), TEMPORARY, "mail-domain-exists: pass"),
            Arguments.of("no such domain: 451 by default", Facts.nxdomain("nowhere.test"), TEMPORARY,
                "mail-domain-exists: reject 451 4.1.8 Sender domain not found " + HEADER),
            Arguments.of("no such domain: 501 and close as options", Facts.nxdomain("nowhere.test"), PERMANENT_CLOSING,
                "mail-domain-exists: reject 501 5.1.8 Sender domain not found " + HEADER + " (close)"),
            Arguments.of("timed out", Facts.temperror("example.test", false), PERMANENT_CLOSING,
                "mail-domain-exists: tempfail 451 4.4.3 Temporary DNS failure, try again later "
                    + "[X-Guard-Reverse-Lookup: mail-domain-exists=temperror; ip=192.0.2.7; "
                    + "detail=\"example.test: example.test/MX: timeout\"]"),
            Arguments.of("timed out after an MX came", Facts.temperror("example.test", true), TEMPORARY, "mail-domain-exists: pass"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(String name, DomainLookup sender, NotFoundRule rule, String verdict) {
        assertThat(MailDomainExistsCheck.check(Facts.CLIENT, sender, rule, Facts.VERDICTS)).hasToString(verdict);
    }
}
