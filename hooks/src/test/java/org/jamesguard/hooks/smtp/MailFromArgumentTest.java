package org.jamesguard.hooks.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailFromArgumentTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "FROM:<alice@example.test>| example.test",
        "from: <alice@Example.TEST> SIZE=1000 BODY=8BITMIME| Example.TEST",
        "FROM:<\"a@b\"@example.test>| example.test",
        "FROM:<@relay.test:alice@example.test>| example.test",
        "FROM:alice@example.test SIZE=10| example.test",
        "FROM:<user@[192.0.2.1]>| [192.0.2.1]",
        "FROM:<>| -",
        "FROM:<postmaster>| -",
        "FROM:<alice@>| -",
        "FROM:<alice@example.test| -",
        "TO:<alice@example.test>| -",
        "-| -",
    })
    void readsTheSenderDomainAsJamesWill(String argument, String domain) {
        assertThat(MailFromArgument.senderDomain(argument)).isEqualTo(Optional.ofNullable(domain));
    }
}
