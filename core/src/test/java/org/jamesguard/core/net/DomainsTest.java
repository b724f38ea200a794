package org.jamesguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "example.com, example.com",
        "Example.COM, example.com",
        "example.com., example.com",
        "'  example.com  ', example.com",
        "mx1.mail.example.com, mx1.mail.example.com",
        "localhost, localhost",
        "xn--bcher-kva.example, xn--bcher-kva.example",
        "XN--BCHER-KVA.EXAMPLE, xn--bcher-kva.example",
        "b\u00fccher.example, xn--bcher-kva.example",
        "B\u00dcCHER.example., xn--bcher-kva.example",
        "ex\u0430mple.com, xn--exmple-4nf.com",
        "example.com\u3002, example.com",
        "a-b.example, a-b.example",
        "123.example, 123.example",
        "a.b, a.b",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com, "
            + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
    })
    void normalizesToLowerCaseALabelsWithoutTrailingDot(String domain, String expected) {
        String normalized = Domains.normalize(domain);

        assertThat(normalized).isEqualTo(expected);
        assertThat(Domains.normalize(normalized)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @CsvSource(value = {
        "''|empty domain",
        "'   '|empty domain",
        "-|invalid domain '-': Has leading or trailing hyphen",
        ".|empty domain",
        "example.com..|invalid domain 'example.com..': Empty label is not a legal name",
        "a..b|invalid domain 'a..b': Empty label is not a legal name",
        "..|invalid domain '..': Empty label is not a legal name",
        ".example.com|invalid domain '.example.com': Empty label is not a legal name",
        "under_score.example|invalid domain 'under_score.example': Contains non-LDH ASCII characters",
        "exa mple.com|invalid domain 'exa mple.com': Contains non-LDH ASCII characters",
        "[192.0.2.1]|invalid domain '[192.0.2.1]': Contains non-LDH ASCII characters",
        "-mx.example|invalid domain '-mx.example': Has leading or trailing hyphen",
        "mx-.example|invalid domain 'mx-.example': Has leading or trailing hyphen",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com|invalid domain "
            + "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com': The label in the input is too long",
    }, delimiter = '|')
    void refusesWhatIsNotADomainName(String domain, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Domains.normalize(domain)).withMessage(message);
    }

    @ParameterizedTest(name = "{0} under {1}: {2}")
    @CsvSource({
        "example.com, example.com, true",
        "mail.example.com, example.com, true",
        "a.b.example.com, example.com, true",
        "notexample.com, example.com, false",
        "example.com, mail.example.com, false",
        "example.com.evil, example.com, false",
        "com, example.com, false",
    })
    void isSameOrSubdomainComparesWholeLabels(String name, String parent, boolean expected) {
        assertThat(Domains.isSameOrSubdomain(name, parent)).isEqualTo(expected);
    }
}
