package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §4 on one node with the default file store: frozen accounts and screened IPs survive a restart of
 * James, and the health route says where they are kept.
 */
class FileStoreRestartIT {
    static final String PASSWORD = "secret-pw";
    static final String BOB = "bob@example.test";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .user(BOB, PASSWORD)
        .build();

    @Test
    void aFrozenAccountAndAScreenedIpStaySoAcrossARestart() {
        james.webAdmin().put("/guard/frozen/" + BOB, "{\"reason\":\"before the restart\"}").expect(201);
        james.webAdmin().put("/guard/screen/127.0.0.40", "{\"duration\":\"2h\",\"reason\":\"before the restart\"}").expect(200);

        james.restart();

        assertThat(james.webAdmin().get("/guard/frozen/" + BOB).expect(200).json().get("reason").asText())
            .isEqualTo("before the restart");
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.8")) {
            assertThat(client.login(BOB, PASSWORD)).hasToString("535 5.7.8 Account frozen: contact your postmaster");
        }
        try (SmtpClient client = james.smtp(MX, "127.0.0.40")) {
            assertThat(client.greeting()).hasToString("554 5.7.1 Client host blocked by the dynamic screen");
        }
        assertThat(james.webAdmin().get("/guard/screen").expect(200).json().findValuesAsText("reason"))
            .containsExactly("before the restart");
    }
}
