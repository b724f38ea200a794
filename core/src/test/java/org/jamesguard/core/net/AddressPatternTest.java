package org.jamesguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import nl.jqno.equalsverifier.EqualsVerifier;

class AddressPatternTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "alice@example.com, alice@example.com",
        "Alice@EXAMPLE.com., Alice@example.com",
        "' *@example.com ', *@example.com",
        "*@*.example.com, *@*.example.com",
        "*@*.B\u00fccher.example, *@*.xn--bcher-kva.example",
        "alice@*.example.com, alice@*.example.com",
        "\"a@b\"@example.com, \"a@b\"@example.com",
    })
    void parsesAndPrintsBack(String text, String expected) {
        AddressPattern pattern = AddressPattern.parse(text);

        assertThat(pattern).hasToString(expected);
        assertThat(AddressPattern.parse(pattern.toString())).isEqualTo(pattern);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com", "@example.com", "alice@", "*@", "a*@example.com", "*a@example.com",
        "**@example.com", "*@ex*ample.com", "*@*", "*@**.example.com", "*@example.*", "*@*.*.example.com", "*"})
    void refusesOtherShapesListingTheAllowedOnes(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressPattern.parse(text))
            .withMessage("expected user@domain, *@domain or *@*.domain, got '" + text + "'");
    }

    @Test
    void refusesAnInvalidDomain() {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressPattern.parse("*@bad_domain.example"))
            .withMessage("invalid domain 'bad_domain.example': Contains non-LDH ASCII characters");
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "alice@example.com, alice@example.com, true",
        "alice@example.com, ALICE@Example.COM, true",
        "Alice@example.com, alice@example.com, true",
        "alice@example.com, bob@example.com, false",
        "alice@example.com, alice@mail.example.com, false",
        "alice@example.com, alice@example.org, false",
        "*@example.com, anyone@example.com, true",
        "*@example.com, Anyone@EXAMPLE.com, true",
        "*@example.com, anyone@mail.example.com, false",
        "*@example.com, anyone@notexample.com, false",
        "*@*.example.com, a@mail.example.com, true",
        "*@*.example.com, a@deep.mail.example.com, true",
        "*@*.example.com, a@example.com, false",
        "*@*.example.com, a@notexample.com, false",
        "*@*.example.com, a@mail.example.com.evil, false",
        "alice@*.example.com, alice@mail.example.com, true",
        "alice@*.example.com, bob@mail.example.com, false",
        "alice@*.example.com, alice@example.com, false",
        "*@b\u00fccher.example, a@xn--bcher-kva.example, true",
        "*@xn--bcher-kva.example, a@b\u00fccher.example, true",
        "*@example.com, a@ex\u0430mple.com, false",
    })
    void matchesIgnoringCaseByDefault(String pattern, String address, boolean expected) {
        assertThat(AddressPattern.parse(pattern).matches(EmailAddress.parse(address), false)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "alice@example.com, alice@EXAMPLE.COM, true",
        "alice@example.com, Alice@example.com, false",
        "Alice@example.com, alice@example.com, false",
        "Alice@example.com, Alice@example.com, true",
        "*@example.com, ALICE@example.com, true",
        "*@*.example.com, ALICE@mail.EXAMPLE.com, true",
    })
    void comparesLocalPartsExactlyWhenCaseSensitive(String pattern, String address, boolean expected) {
        assertThat(AddressPattern.parse(pattern).matches(EmailAddress.parse(address), true)).isEqualTo(expected);
    }

    @Test
    void patternsOfDifferentShapesDiffer() {
        assertThat(AddressPattern.parse("*@example.com")).isNotEqualTo(AddressPattern.parse("*@*.example.com"))
            .isNotEqualTo(AddressPattern.parse("alice@example.com"))
            .isEqualTo(AddressPattern.parse("*@EXAMPLE.COM"));
    }

    @Test
    void honoursEqualsContract() {
        EqualsVerifier.forClass(AddressPattern.class).withNonnullFields("domain").verify();
    }
}
