package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code <reportOnly>true</reportOnly>} in jamesguard.xml: every refusal becomes "log, metric, header,
 * accept", and nothing is screened or frozen; a wrong password still fails.
 */
class GlobalReportOnlyIT {
    static final String PASSWORD = "secret-pw";
    static final String BOB = "bob@example.test";
    static final String IVY = "ivy@example.test";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .confFile("jamesguard.xml", "<jamesguard><reportOnly>true</reportOnly><hijack>"
            + "<limits><reserved><max>1</max><window>60m</window></reserved></limits><freezeOnLimit>true</freezeOnLimit>"
            + "</hijack></jamesguard>")
        .user(BOB, PASSWORD)
        .user(IVY, PASSWORD)
        .build();

    @Test
    void aScreenedIpIsOnlyReported() throws Exception {
        james.webAdmin().put("/guard/screen/127.0.0.44", "{}").expect(200);
        try (SmtpClient client = james.smtp(MX, "127.0.0.44")) {
            assertThat(client.greeting().code()).isEqualTo(220);
            client.ehlo("outside.test");
            assertThat(client.send("someone@remote.test", BOB, Messages.simple("someone@remote.test", BOB, "global screen")).code())
                .isEqualTo(250);
        }
        assertThat(james.imap(BOB, PASSWORD).awaitSubject("global screen").getHeader("X-Guard-Report-Only"))
            .containsExactly("screened-ip; would-reply=\"554 5.7.1 Client host blocked by the dynamic screen\"");
    }

    @Test
    void aLocalSenderWithoutAuthIsOnlyReported() throws Exception {
        try (SmtpClient client = james.smtp(MX, "127.0.0.45")) {
            client.ehlo("outside.test");
            assertThat(client.send(IVY, BOB, Messages.simple(IVY, BOB, "global a1")).code()).isEqualTo(250);
        }
        assertThat(james.imap(BOB, PASSWORD).awaitSubject("global a1").getHeader("X-Guard-Report-Only"))
            .containsExactly("local-sender-requires-auth; would-reply=\"530 5.7.0 Authentication required\"");
    }

    @Test
    void aLimitIsOnlyReportedAndNeverFreezes() throws Exception {
        for (int message = 1; message <= 2; message++) {
            try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.46", IVY, PASSWORD)) {
                assertThat(client.send(IVY, BOB, Messages.simple(IVY, BOB, "global limit " + message)).code()).isEqualTo(250);
            }
        }
        assertThat(james.imap(BOB, PASSWORD).awaitSubject("global limit 2").getHeader("X-Guard-Report-Only")).containsExactly(
            "send-limit; would-reply=\"552 5.7.1 Account frozen: sending limit reached, contact your postmaster\"");
        assertThat(james.webAdmin().get("/guard/frozen/" + IVY).status()).isEqualTo(404);
    }

    @Test
    void aWrongPasswordStillFails() {
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.47")) {
            assertThat(client.login(IVY, "wrong")).hasToString("535 5.7.8 Authentication credentials invalid");
        }
    }
}
