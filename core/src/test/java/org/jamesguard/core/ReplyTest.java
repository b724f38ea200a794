package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.jqno.equalsverifier.EqualsVerifier;

class ReplyTest {
    private static final Reply NOT_OWNED = Reply.of(550, "5.7.1", "Sender address not owned by authenticated user");

    @Test
    void rendersTheWireLine() {
        assertThat(NOT_OWNED).hasToString("550 5.7.1 Sender address not owned by authenticated user");
    }

    @Test
    void exposesItsParts() {
        assertThat(NOT_OWNED.code()).isEqualTo(550);
        assertThat(NOT_OWNED.enhancedStatus()).isEqualTo("5.7.1");
        assertThat(NOT_OWNED.text()).isEqualTo("Sender address not owned by authenticated user");
        assertThat(NOT_OWNED.description()).isEqualTo("5.7.1 Sender address not owned by authenticated user");
    }

    @ParameterizedTest
    @CsvSource({
        "400, 4.0.0",
        "421, 4.7.0",
        "451, 4.3.0",
        "499, 4.999.999",
        "500, 5.5.1",
        "554, 5.7.1",
        "599, 5.1.10",
    })
    void acceptsTransientAndPermanentCodesWithTheirClass(int code, String status) {
        assertThat(Reply.of(code, status, "text")).hasToString(code + " " + status + " text");
    }

    @ParameterizedTest
    @CsvSource({"400, false", "451, false", "499, false", "500, true", "554, true", "599, true"})
    void isPermanentForFiveHundreds(int code, boolean permanent) {
        assertThat(Reply.of(code, code / 100 + ".0.0", "text").isPermanent()).isEqualTo(permanent);
    }

    @ParameterizedTest
    @CsvSource(value = {
        "250|reply code must be 4xx or 5xx, got 250",
        "354|reply code must be 4xx or 5xx, got 354",
        "399|reply code must be 4xx or 5xx, got 399",
        "600|reply code must be 4xx or 5xx, got 600",
        "0|reply code must be 4xx or 5xx, got 0",
        "-550|reply code must be 4xx or 5xx, got -550",
    }, delimiter = '|')
    void rejectsCodesThatAreNotRefusals(int code, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Reply.of(code, "5.7.1", "text"))
            .withMessage(message);
    }

    @ParameterizedTest
    @CsvSource({
        "550, 4.7.1, enhanced status 4.7.1 does not match the class of 550",
        "451, 5.3.0, enhanced status 5.3.0 does not match the class of 451",
        "421, 5.7.0, enhanced status 5.7.0 does not match the class of 421",
    })
    void rejectsEnhancedStatusOfAnotherClass(int code, String status, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Reply.of(code, status, "text"))
            .withMessage(message);
    }

    @ParameterizedTest
    @CsvSource(value = {
        "2.0.0|enhanced status must look like 5.7.1, got '2.0.0'",
        "5.7|enhanced status must look like 5.7.1, got '5.7'",
        "5.7.1.2|enhanced status must look like 5.7.1, got '5.7.1.2'",
        "5.1000.1|enhanced status must look like 5.7.1, got '5.1000.1'",
        "5.7.1000|enhanced status must look like 5.7.1, got '5.7.1000'",
        "5..1|enhanced status must look like 5.7.1, got '5..1'",
        "5.7.1 |enhanced status must look like 5.7.1, got '5.7.1 '",
        "x.7.1|enhanced status must look like 5.7.1, got 'x.7.1'",
        "''|enhanced status must look like 5.7.1, got ''",
    }, delimiter = '|', ignoreLeadingAndTrailingWhitespace = false)
    void rejectsMalformedEnhancedStatus(String status, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> Reply.of(550, status, "text"))
            .withMessage(message);
    }

    @Test
    void rejectsEmptyText() {
        assertThatIllegalArgumentException().isThrownBy(() -> Reply.of(550, "5.7.1", ""))
            .withMessage("reply text must be one non-empty line, got ''");
    }

    @Test
    void rejectsTextThatWouldEndTheReplyLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> Reply.of(550, "5.7.1", "one\r\n250 OK"))
            .withMessage("reply text must be one non-empty line, got 'one\r\n250 OK'");
        assertThatIllegalArgumentException().isThrownBy(() -> Reply.of(550, "5.7.1", "one\ntwo"))
            .withMessage("reply text must be one non-empty line, got 'one\ntwo'");
        assertThatIllegalArgumentException().isThrownBy(() -> Reply.of(550, "5.7.1", "one\rtwo"))
            .withMessage("reply text must be one non-empty line, got 'one\rtwo'");
    }

    @Test
    void rejectsNulls() {
        assertThatNullPointerException().isThrownBy(() -> Reply.of(550, null, "text")).withMessage("enhancedStatus");
        assertThatNullPointerException().isThrownBy(() -> Reply.of(550, "5.7.1", null)).withMessage("text");
    }

    @Test
    void withTextKeepsCodeAndStatus() {
        assertThat(NOT_OWNED.withText("Sender address <bob@example.com> not owned by alice"))
            .hasToString("550 5.7.1 Sender address <bob@example.com> not owned by alice");
    }

    @Test
    void withTextValidatesTheNewText() {
        assertThatIllegalArgumentException().isThrownBy(() -> NOT_OWNED.withText("a\r\nb"))
            .withMessage("reply text must be one non-empty line, got 'a\r\nb'");
    }

    @Test
    void equalRepliesAreInterchangeable() {
        assertThat(Reply.of(550, "5.7.1", "x")).isEqualTo(Reply.of(550, "5.7.1", "x"))
            .isNotEqualTo(Reply.of(550, "5.7.1", "y"))
            .isNotEqualTo(Reply.of(554, "5.7.1", "x"))
            .isNotEqualTo(Reply.of(550, "5.7.2", "x"));
    }

    @Test
    void honoursEqualsContract() {
        EqualsVerifier.forClass(Reply.class).withNonnullFields("status", "text").verify();
    }
}
