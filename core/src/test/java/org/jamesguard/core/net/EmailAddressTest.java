package org.jamesguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.jqno.equalsverifier.EqualsVerifier;

class EmailAddressTest {
    @ParameterizedTest(name = "{0} -> {1} @ {2}")
    @CsvSource({
        "alice@example.com, alice, example.com",
        "<alice@example.com>, alice, example.com",
        "'  Alice@Example.COM.  ', Alice, example.com",
        "first.last+tag@mail.example.com, first.last+tag, mail.example.com",
        "user@b\u00fccher.example, user, xn--bcher-kva.example",
        "\"a@b\"@example.com, \"a@b\", example.com",
        "\"alice\"@example.com, alice, example.com",
        "\"al\\ice\"@example.com, alice, example.com",
        "\"first.last\"@example.com, first.last, example.com",
        "\"a b\"@example.com, \"a b\", example.com",
        "\".alice\"@example.com, \".alice\", example.com",
        "\"al..ice\"@example.com, \"al..ice\", example.com",
        "\"\"@example.com, \"\", example.com",
        "postmaster@localhost, postmaster, localhost",
        "j\u00f6rg@example.com, j\u00f6rg, example.com",
    })
    void parsesLocalPartAsWrittenWithoutNeedlessQuotesAndNormalizesTheDomain(String text, String localPart, String domain) {
        EmailAddress address = EmailAddress.parse(text);

        assertThat(address.localPart()).isEqualTo(localPart);
        assertThat(address.domain()).isEqualTo(domain);
        assertThat(address).hasToString(localPart + "@" + domain);
        assertThat(address.asString()).isEqualTo(localPart + "@" + domain);
    }

    @ParameterizedTest
    @CsvSource(value = {
        "''|not an address of the form local@domain: ''",
        "<>|not an address of the form local@domain: '<>'",
        "alice|not an address of the form local@domain: 'alice'",
        "@example.com|not an address of the form local@domain: '@example.com'",
        "alice@|not an address of the form local@domain: 'alice@'",
        "<alice@>|not an address of the form local@domain: '<alice@>'",
        "al ice@example.com|control character or space in local part of 'al ice@example.com'",
        "alice\t@example.com|control character or space in local part of 'alice\t@example.com'",
        "alice\u007f@example.com|control character or space in local part of 'alice\u007f@example.com'",
        "\"al\u0000ice\"@example.com|control character or space in local part of '\"al\u0000ice\"@example.com'",
        "alice@exa mple.com|invalid domain 'exa mple.com': Contains non-LDH ASCII characters",
        "alice@example..com|invalid domain 'example..com': Empty label is not a legal name",
        "alice@[192.0.2.1]|invalid domain '[192.0.2.1]': Contains non-LDH ASCII characters",
    }, delimiter = '|')
    void refusesWhatIsNotAMailbox(String text, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse(text)).withMessage(message);
    }

    @Test
    void tryParseIsEmptyInsteadOfThrowing() {
        assertThat(EmailAddress.tryParse("alice@example.com")).contains(EmailAddress.parse("alice@example.com"));
        assertThat(EmailAddress.tryParse("not an address")).isEmpty();
        assertThat(EmailAddress.tryParse("<>")).isEmpty();
    }

    @Test
    void ofJoinsLocalPartAndDomain() {
        assertThat(EmailAddress.of("Alice", "EXAMPLE.com")).isEqualTo(EmailAddress.parse("Alice@example.com"));
    }

    @Test
    void sameMailboxIgnoresLocalPartCaseUnlessAsked() {
        EmailAddress alice = EmailAddress.parse("alice@example.com");
        EmailAddress upper = EmailAddress.parse("ALICE@EXAMPLE.COM");

        assertThat(alice.sameMailbox(upper, false)).isTrue();
        assertThat(alice.sameMailbox(upper, true)).isFalse();
        assertThat(alice.sameMailbox(EmailAddress.parse("alice@Example.com"), true)).isTrue();
        assertThat(alice.sameMailbox(EmailAddress.parse("alice@example.org"), false)).isFalse();
        assertThat(alice.sameMailbox(EmailAddress.parse("bob@example.com"), false)).isFalse();
    }

    @Test
    void canonicalLowerCasesTheLocalPart() {
        assertThat(EmailAddress.parse("Alice.Smith@Example.COM").canonical()).isEqualTo("alice.smith@example.com");
    }

    @Test
    void equalityKeepsTheLocalPartCase() {
        assertThat(EmailAddress.parse("alice@EXAMPLE.com")).isEqualTo(EmailAddress.parse("<alice@example.com.>"))
            .isNotEqualTo(EmailAddress.parse("Alice@example.com"));
    }

    @Test
    void honoursEqualsContract() {
        EqualsVerifier.forClass(EmailAddress.class).withNonnullFields("localPart", "domain").verify();
    }
}
