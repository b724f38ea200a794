package org.jamesguard.hooks.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.jamesguard.core.auth.from.ClientHeaderSection;
import org.jamesguard.hooks.testing.FakeSmtpSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ClientHeaderCapture}: the header section as the client sent it in DATA, for the From: checks. */
class ClientHeaderCaptureTest {
    private static final int LIMIT = 8192;

    private final FakeSmtpSession session = new FakeSmtpSession();

    /** Feeds the DATA lines (each with its line end, dot-stuffed) and the final dot, as James hands them over. */
    private ClientHeaderSection capture(String data) {
        int start = 0;
        while (start < data.length()) {
            int end = data.indexOf('\n', start);
            end = end < 0 ? data.length() : end + 1;
            ClientHeaderCapture.onLine(session, data.substring(start, end).getBytes(StandardCharsets.UTF_8), LIMIT);
            start = end;
        }
        ClientHeaderCapture.onLine(session, ".\r\n".getBytes(StandardCharsets.US_ASCII), LIMIT);
        return ClientHeaderCapture.of(session);
    }

    /** Rows use {@code \r} and {@code \n} for CR and LF. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CRLF                        | From: a@example.com\\r\\nSubject: x\\r\\n\\r\\nbody\\r\\n | From: a@example.com\\r\\nSubject: x\\r\\n\\r\\n",
        "first empty line only       | From: a@example.com\\r\\n\\r\\nFrom: b@example.com\\r\\n\\r\\n | From: a@example.com\\r\\n\\r\\n",
        "folded field                | Subject: a\\r\\n b\\r\\nFrom: a@example.com\\r\\n\\r\\nbody\\r\\n | Subject: a\\r\\n b\\r\\nFrom: a@example.com\\r\\n\\r\\n",
        "opening continuation line   | \\tFrom: b@example.com\\r\\nFrom: a@example.com\\r\\n\\r\\n | \\tFrom: b@example.com\\r\\nFrom: a@example.com\\r\\n\\r\\n",
        "whitespace line is no end   | From: a@example.com\\r\\n \\r\\nSubject: x\\r\\n\\r\\nbody\\r\\n | From: a@example.com\\r\\n \\r\\nSubject: x\\r\\n\\r\\n",
        "bare CR is no line end      | From: a@example.com\\rX: y\\r\\n\\r\\n                  | From: a@example.com\\rX: y\\r\\n\\r\\n",
        "lone LF line ends it        | From: a@example.com\\n\\nFrom: b@example.com\\r\\n       | From: a@example.com\\n\\n",
        "no empty line: all of it    | From: a@example.com\\r\\nSubject: x\\r\\n                | From: a@example.com\\r\\nSubject: x\\r\\n",
        "empty header section        | \\r\\nFrom: a@example.com\\r\\n\\r\\n                    | \\r\\n",
        "dot-stuffed lines unstuffed | ..X: y\\r\\nFrom: a@example.com\\r\\n\\r\\n               | .X: y\\r\\nFrom: a@example.com\\r\\n\\r\\n",
        "a dot line is no end of data | From: b@example.com\\r\\n.x\\nFrom: a@example.com\\r\\n\\r\\n | From: b@example.com\\r\\n.x\\nFrom: a@example.com\\r\\n\\r\\n",
    })
    void keepsTheClientsHeaderSection(String name, String data, String expected) {
        ClientHeaderSection section = capture(unescape(data));

        assertThat(section.endedWithinLimit()).isTrue();
        assertThat(section.text()).isEqualTo(unescape(expected));
    }

    @Test
    void anEmptyMessageHasAnEmptyHeaderSection() {
        assertThat(capture("").text()).isEmpty();
    }

    @Test
    void decodesUtf8() {
        assertThat(capture("From: J\u00f6rg <j@example.com>\r\n\r\nbody\r\n").text()).isEqualTo("From: J\u00f6rg <j@example.com>\r\n\r\n");
    }

    @Test
    void aHeaderSectionOfExactlyTheLimitEndsWithinIt() {
        String section = "X: " + "a".repeat(LIMIT - 7) + "\r\n\r\n";

        ClientHeaderSection captured = capture(section + "body\r\n");

        assertThat(captured.endedWithinLimit()).isTrue();
        assertThat(captured.text()).isEqualTo(section);
    }

    @Test
    void oneOctetMoreIsOverTheLimitAndNothingPastItIsKept() {
        ClientHeaderSection captured = capture("From: a@example.com\r\nX: " + "a".repeat(LIMIT) + "\r\nFrom: b@example.com\r\n\r\n");

        assertThat(captured.endedWithinLimit()).isFalse();
        assertThat(captured.limit()).isEqualTo(LIMIT);
        assertThat(captured.text()).isEqualTo("From: a@example.com\r\n");
    }

    @Test
    void aMessageWithoutEmptyLineLongerThanTheLimitIsOverIt() {
        assertThat(capture(("X: " + "a".repeat(90) + "\r\n").repeat(LIMIT / 90)).endedWithinLimit()).isFalse();
    }

    @Test
    void eachMessageOfASessionIsCapturedAfresh() {
        capture("From: a@example.com\r\n\r\n");
        session.resetState();

        assertThat(capture("From: b@example.com\r\n\r\n").text()).isEqualTo("From: b@example.com\r\n\r\n");
    }

    @Test
    void aMessageNotCapturedIsAnError() {
        assertThatThrownBy(() -> ClientHeaderCapture.of(session)).isInstanceOf(IllegalStateException.class);
    }

    private static String unescape(String row) {
        return row.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
    }
}
