package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.core.auth.CheckTables.answer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC A14: AUTH PLAIN may act as another account only when that account delegated to the login. */
class AuthorizationIdentityCheckTest {
    private static final String PASS = "authorization-identity: pass";
    private static final String REFUSED = "authorization-identity: reject 535 5.7.8 Authorization identity refused";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "never asked", value = {
        "no authorization identity           | john@example.com | ''                | never asked | " + PASS,
        "the login itself                    | john@example.com | john@example.com  | never asked | " + PASS,
        "the login in another case           | john@example.com | JOHN@Example.COM  | never asked | " + PASS,
        "an account that delegated to it     | john@example.com | boss@example.com  | true        | " + PASS,
        "an account that did not delegate    | john@example.com | ceo@example.com   | false       | " + REFUSED,
        "a name that is no account           | john@example.com | nobody            | false       | " + REFUSED,
    })
    void decides(String name, String account, String authorizationId, Boolean delegated, String expected) {
        assertThat(AuthorizationIdentityCheck.check(account, authorizationId, answer(delegated))).hasToString(expected);
    }

    @Test
    void theRefusalNamesBothAccountsForTheAuditLog() {
        assertThat(AuthorizationIdentityCheck.check("john@example.com", "ceo@example.com", answer(false)).detail())
            .contains("john@example.com asked to act as ceo@example.com");
    }
}
