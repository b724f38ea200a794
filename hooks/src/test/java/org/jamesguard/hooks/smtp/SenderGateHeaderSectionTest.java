package org.jamesguard.hooks.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.james.protocols.smtp.MailEnvelopeImpl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@link SenderGate#readHeaderSection}: the header section as received, for the From: parser. */
class SenderGateHeaderSectionTest {
    private static final int CAP = SenderGate.MAX_HEADER_SECTION;

    private static String read(String message) throws IOException {
        MailEnvelopeImpl envelope = new MailEnvelopeImpl();
        try (OutputStream out = envelope.getMessageOutputStream()) {
            out.write(message.getBytes(StandardCharsets.UTF_8));
        }
        return SenderGate.readHeaderSection(envelope);
    }

    /** Rows use {@code \r} and {@code \n} for CR and LF. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CRLF                        | From: a@example.com\\r\\nSubject: x\\r\\n\\r\\nbody\\r\\n | From: a@example.com\\r\\nSubject: x\\r\\n\\r\\n",
        "LF                          | From: a@example.com\\nSubject: x\\n\\nbody\\n             | From: a@example.com\\nSubject: x\\n\\n",
        "LF line, then CRLF          | From: a@example.com\\nSubject: x\\n\\r\\nbody            | From: a@example.com\\nSubject: x\\n\\r\\n",
        "CRLF line, then LF          | From: a@example.com\\r\\nSubject: x\\r\\n\\nbody         | From: a@example.com\\r\\nSubject: x\\r\\n\\n",
        "first empty line only       | From: a@example.com\\r\\n\\r\\nFrom: b@example.com\\r\\n\\r\\n | From: a@example.com\\r\\n\\r\\n",
        "folded field                | Subject: a\\r\\n b\\r\\nFrom: a@example.com\\r\\n\\r\\nbody | Subject: a\\r\\n b\\r\\nFrom: a@example.com\\r\\n\\r\\n",
        "whitespace line is no end   | From: a@example.com\\r\\n \\r\\nSubject: x\\r\\n\\r\\nbody | From: a@example.com\\r\\n \\r\\nSubject: x\\r\\n\\r\\n",
        "bare CR is no line end      | From: a@example.com\\r\\rbody                            | From: a@example.com\\r\\rbody",
        "no empty line: all of it    | From: a@example.com\\r\\nSubject: x                      | From: a@example.com\\r\\nSubject: x",
        "empty header section, CRLF  | \\r\\nFrom: a@example.com\\r\\n\\r\\n                    | \\r\\n",
        "empty header section, LF    | \\nFrom: a@example.com\\n\\n                              | \\n",
    })
    void stopsAfterTheFirstEmptyLine(String name, String message, String expected) throws IOException {
        assertThat(read(unescape(message))).isEqualTo(unescape(expected));
    }

    @Test
    void anEmptyMessageHasAnEmptyHeaderSection() throws IOException {
        assertThat(read("")).isEmpty();
    }

    @Test
    void decodesUtf8() throws IOException {
        assertThat(read("From: J\u00f6rg <j@example.com>\r\n\r\nbody")).isEqualTo("From: J\u00f6rg <j@example.com>\r\n\r\n");
    }

    @Test
    void readsAHeaderSectionOfExactlyTheCap() throws IOException {
        String section = "X: " + "a".repeat(CAP - 7) + "\r\n\r\n";

        assertThat(read(section + "body")).isEqualTo(section);
    }

    @Test
    void cutsALongerHeaderSectionAtTheCap() throws IOException {
        String read = read("X: " + "a".repeat(2 * CAP) + "\r\n\r\nbody");

        assertThat(read).hasSize(CAP).isEqualTo("X: " + "a".repeat(CAP - 3));
    }

    private static String unescape(String row) {
        return row.replace("\\r", "\r").replace("\\n", "\n");
    }
}
