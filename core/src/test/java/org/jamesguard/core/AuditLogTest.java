package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;

import org.jamesguard.core.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;

class AuditLogTest {
    private static final CheckId CHECK = CheckId.of("screened-ip");
    private static final AuditContext CONTEXT = AuditContext.of("s-9", "2001:db8::1", null, "smtp");

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);

    @Test
    void usesItsOwnLoggerSoAdministratorsCanRouteIt() {
        assertThat(AuditLog.LOGGER_NAME).isEqualTo("org.jamesguard.audit");
    }

    @Test
    void decisionWritesOneInfoLineWithReplyContextAndDetail() {
        AuditLog.decision(CHECK, "reject", Optional.of(Replies.SCREENED), CONTEXT, Optional.of("10 failed AUTH"));

        assertThat(audit.messages()).containsExactly("check=screened-ip verdict=reject"
            + " reply=\"554 5.7.1 Client host blocked by the dynamic screen\""
            + " session=s-9 ip=2001:db8::1 account=- listener=smtp detail=\"10 failed AUTH\"");
        assertThat(audit.events()).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO);
    }

    @Test
    void decisionLeavesOutAbsentReplyAndDetail() {
        AuditLog.decision(CHECK, "warn", Optional.empty(), AuditContext.NONE, Optional.empty());

        assertThat(audit.messages()).containsExactly("check=screened-ip verdict=warn session=- ip=- account=- listener=-");
    }

    @Test
    void decisionQuotesTheDetail() {
        AuditLog.decision(CHECK, "warn", Optional.empty(), AuditContext.NONE, Optional.of("HELO \"x\"\r\nforged"));

        assertThat(audit.messages()).containsExactly(
            "check=screened-ip verdict=warn session=- ip=- account=- listener=- detail=\"HELO \\\"x\\\"\\r\\nforged\"");
    }

    /** Issue 12, hole 7: an AUTH name that would start a forged line stays inside its own field. */
    @Test
    void aClientsTextCannotForgeALineOrAField() {
        AuditContext forged = AuditContext.of("s-1", "192.0.2.1", "x\nevent=unfreeze account=victim", "smtp");

        AuditLog.decision(CHECK, "reject", Optional.empty(), forged, Optional.empty());

        assertThat(audit.messages()).containsExactly("check=screened-ip verdict=reject session=s-1 ip=192.0.2.1"
            + " account=\"x\\nevent=unfreeze account=victim\" listener=smtp");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "alice@example.com   | alice@example.com",
        "2001:db8::1         | 2001:db8::1",
        "smtp:587            | smtp:587",
        "'two words'         | '\"two words\"'",
        "a=b                 | '\"a=b\"'",
        "'say \"hi\"'          | '\"say \\\"hi\\\"\"'",
        "'back\\slash'       | '\"back\\\\slash\"'",
        "'j\u00fcrgen'        | '\"j\u00fcrgen\"'",
    })
    void aValueIsBareOnlyWhenItCannotBeMisread(String value, String written) {
        assertThat(AuditLog.value(value)).isEqualTo(written);
    }

    @Test
    void anAbsentOrEmptyValueIsADash() {
        assertThat(AuditLog.value(null)).isEqualTo("-");
        assertThat(AuditLog.value("")).isEqualTo("-");
    }

    @Test
    void controlAndLineSeparatingCharactersAreEscaped() {
        assertThat(AuditLog.quoted("a\r\n\tb\u0000c\u001bd\u007fe\u0085f\u2028g"))
            .isEqualTo("\"a\\r\\n\\tb\\u0000c\\u001bd\\u007fe\\u0085f\\u2028g\"");
    }

    /** Any text, as a client could send it: one line, and its quoted form reads back as the text (a JSON string). */
    @Test
    void everyTextStaysOnItsLineAndReadsBackAsAJsonString() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(12);
        char[] alphabet = " \"=\\-@.:aZ9\r\n\t\u0000\u001b\u007f\u0085\u00e9\u2028\u2029\ud83d\ude00".toCharArray();
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String value = AuditLog.value(text.toString());

            assertThat(value).doesNotContain("\r", "\n", "\u0085", "\u2028", "\u2029").doesNotContainPattern("\\p{Cntrl}");
            if (value.startsWith("\"")) {
                assertThat(json.readValue(value, String.class)).isEqualTo(text.toString());
            } else {
                assertThat(value).isEqualTo(text.length() == 0 ? "-" : text.toString()).doesNotContain(" ", "=", "\"");
            }
        }
    }

    @Test
    void decisionWritesNothingWhenInfoIsOff() {
        ((Logger) LoggerFactory.getLogger(AuditLog.LOGGER_NAME)).setLevel(Level.WARN);

        AuditLog.decision(CHECK, "reject", Optional.of(Replies.SCREENED), CONTEXT, Optional.empty());

        assertThat(audit.messages()).isEmpty();
    }

    @Test
    void eventWritesOneLineWithContextAndQuotedDetail() {
        AuditLog.event("screen", AuditContext.forIp("192.0.2.1"), "3 AUTH attempts on port 25 until 2026-01-01T01:00:00Z");

        assertThat(audit.messages()).containsExactly("event=screen session=- ip=192.0.2.1 account=- listener=-"
            + " detail=\"3 AUTH attempts on port 25 until 2026-01-01T01:00:00Z\"");
        assertThat(audit.events()).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO);
    }
}
