package org.jamesguard.core.rdns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.jamesguard.core.dns.IprevResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForwardConfirmedPtrCheckTest {
    static Stream<Arguments> rows() {
        return Stream.of(
            Arguments.of("confirmed", Facts.pass(), "forward-confirmed-ptr: pass"),
            Arguments.of("not confirmed", Facts.fail(),
                "forward-confirmed-ptr: reject 501 5.7.25 Client host name does not resolve back to its address "
                    + "[X-Guard-Reverse-Lookup: forward-confirmed-ptr=fail; ip=192.0.2.7; "
                    + "detail=\"mail.example.test does not resolve to 192.0.2.7\"] (close)"),
            Arguments.of("no PTR, so no confirmed name", Facts.permerror(),
                "forward-confirmed-ptr: reject 501 5.7.25 Client host name does not resolve back to its address "
                    + "[X-Guard-Reverse-Lookup: forward-confirmed-ptr=fail; ip=192.0.2.7; detail=\"no PTR record\"] (close)"),
            Arguments.of("PTR query timed out", Facts.ptrTimeout(),
                "forward-confirmed-ptr: tempfail 451 4.4.3 Temporary DNS failure, try again later "
                    + "[X-Guard-Reverse-Lookup: forward-confirmed-ptr=temperror; ip=192.0.2.7; "
                    + "detail=\"7.2.0.192.in-addr.arpa/PTR: timeout\"]"),
            Arguments.of("forward query failed", Facts.forwardTimeout(),
                "forward-confirmed-ptr: tempfail 451 4.4.3 Temporary DNS failure, try again later "
                    + "[X-Guard-Reverse-Lookup: forward-confirmed-ptr=temperror; ip=192.0.2.7; "
                    + "detail=\"mail.example.test/A: SERVFAIL\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(String name, IprevResult iprev, String verdict) {
        assertThat(ForwardConfirmedPtrCheck.check(iprev, Facts.VERDICTS)).hasToString(verdict);
    }
}
