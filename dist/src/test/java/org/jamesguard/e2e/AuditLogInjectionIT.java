package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12, hole 7: what a client sends cannot forge or split an audit line (every value it controls is
 * quoted and escaped), and an unfreeze token is never written to the log whole.
 */
class AuditLogInjectionIT {
    static final String ALICE = "alice@example.test";
    static final String PASSWORD = "secret-pw";
    static final String AUDIT = "org.jamesguard.audit - ";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .user(ALICE, PASSWORD)
        .build();

    @Test
    void anAuthUserNameCannotForgeAnAuditLine() throws IOException {
        String forged = "x\nevent=unfreeze session=- ip=- account=victim@example.test listener=- detail=\"forged\"";
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.61")) {
            assertThat(client.login(forged, "wrong")).hasToString("535 5.7.8 Authentication credentials invalid");
        }

        List<String> lines = Files.readAllLines(james.logFile(), StandardCharsets.UTF_8);
        assertThat(lines).noneMatch(line -> line.startsWith("event="));
        List<String> refusals = lines.stream().filter(line -> line.contains(AUDIT + "check=auth-credentials") && line.contains("127.0.0.61"))
            .collect(Collectors.toList());
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0)).contains("account=\"x\\nevent=unfreeze session=- ip=- account=victim@example.test listener=- "
            + "detail=\\\"forged\\\"\"");
    }

    @Test
    void anUnfreezeTokenIsNeverLoggedWhole() throws IOException {
        String token = "unfreeze-abcdefghijklmnop-t0k3n-abcdefghijklmnopqrstuvwxyz";
        try (SmtpClient client = james.smtp(MX, "127.0.0.62")) {
            client.ehlo("remote.test");
            client.mailFrom("someone@remote.test");
            assertThat(client.rcptTo(token + "@example.test"))
                .hasToString("550 5.7.1 Unfreeze requests must come from an authenticated administrator");
        }

        String log = Files.readString(james.logFile(), StandardCharsets.UTF_8);
        assertThat(log).contains(AUDIT + "check=unfreeze-address verdict=reject").doesNotContain("event=unfreeze-refused");
        assertThat(log).doesNotContain("abcdefghijklmnopqrstuvwxyz");
    }
}
