package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.jqno.equalsverifier.EqualsVerifier;

class HeaderTest {
    @Test
    void rendersAsAHeaderField() {
        Header header = Header.of("X-Guard-Reverse-Lookup", "ptr=fail; ip=192.0.2.1");

        assertThat(header).hasToString("X-Guard-Reverse-Lookup: ptr=fail; ip=192.0.2.1");
        assertThat(header.name()).isEqualTo("X-Guard-Reverse-Lookup");
        assertThat(header.value()).isEqualTo("ptr=fail; ip=192.0.2.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Guard", "Authentication-Results", "x", "!#$%&'*+-.^_`|~0123456789", "A;B"})
    void acceptsEveryPrintableNameWithoutColon(String name) {
        assertThat(Header.of(name, "v").name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X Guard", "X-Guard:", "X:Guard", "X-Guard\r\nBcc", "X-Gu\u00e4rd", "X-Guard\t", "X\u007f"})
    void rejectsNamesThatAreNotFieldNames(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> Header.of(name, "v"))
            .withMessage("invalid header name '" + name + "'");
    }

    @Test
    void rejectsNulls() {
        assertThatNullPointerException().isThrownBy(() -> Header.of(null, "v")).withMessage("name");
        assertThatNullPointerException().isThrownBy(() -> Header.of("X", null)).withMessage("value");
    }

    @Test
    void replacesControlCharactersSoClientTextCannotAddAField() {
        Header header = Header.of("X-Guard-Reverse-Lookup", "helo=evil\r\nBcc: victim@example.com\t\u0000\u007f");

        assertThat(header).hasToString("X-Guard-Reverse-Lookup: helo=evil??Bcc: victim@example.com???");
    }

    @Test
    void keepsPrintableAndNonAsciiText() {
        assertThat(Header.of("X", "b\u00fccher.example \"q\" ~").value()).isEqualTo("b\u00fccher.example \"q\" ~");
    }

    @Test
    void acceptsAnEmptyValue() {
        assertThat(Header.of("X-Guard", "")).hasToString("X-Guard: ");
    }

    @Test
    void quoteWrapsAndEscapesQuotesAndBackslashes() {
        assertThat(Header.quote("plain")).isEqualTo("\"plain\"");
        assertThat(Header.quote("")).isEqualTo("\"\"");
        assertThat(Header.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(Header.quote("C:\\dir")).isEqualTo("\"C:\\\\dir\"");
        assertThat(Header.quote("\\\"")).isEqualTo("\"\\\\\\\"\"");
    }

    @Test
    void quoteKeepsClientTextOnOneLine() {
        assertThat(Header.quote("evil\r\ncheck=forged verdict=pass\u001b[2J"))
            .isEqualTo("\"evil??check=forged verdict=pass?[2J\"");
    }

    @Test
    void honoursEqualsContract() {
        EqualsVerifier.forClass(Header.class).withNonnullFields("name", "value").verify();
    }
}
