package org.jamesguard.core.rdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.jamesguard.core.dns.IprevResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PtrExistsCheckTest {
    static Stream<Arguments> rows() {
        return Stream.of(
            Arguments.of("confirmed", Facts.pass(), "ptr-exists: pass"),
            Arguments.of("not confirmed, but a PTR exists", Facts.fail(), "ptr-exists: pass"),
            Arguments.of("no PTR", Facts.permerror(),
                "ptr-exists: reject 501 5.7.25 Client host has no PTR record "
                    + "[X-Guard-Reverse-Lookup: ptr-exists=fail; ip=192.0.2.7; detail=\"no PTR record\"] (close)"),
            Arguments.of("PTR query timed out", Facts.ptrTimeout(),
                "ptr-exists: tempfail 451 4.4.3 Temporary DNS failure, try again later "
                    + "[X-Guard-Reverse-Lookup: ptr-exists=temperror; ip=192.0.2.7; detail=\"7.2.0.192.in-addr.arpa/PTR: timeout\"]"),
            Arguments.of("PTR found, forward query failed", Facts.forwardTimeout(), "ptr-exists: pass"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(String name, IprevResult iprev, String verdict) {
        assertThat(PtrExistsCheck.check(iprev, Facts.VERDICTS)).hasToString(verdict);
    }
}
