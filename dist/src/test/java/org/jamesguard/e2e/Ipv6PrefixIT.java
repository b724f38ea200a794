package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * SPEC H4 (issue 12, hole 5): failed AUTH is counted and screened per IPv6 /64, so rotating addresses within
 * one /64 gives no more guesses, while another /64 is untouched. James listens on ::1 as well; the test adds
 * client addresses of two /64s to {@code lo} (as root) and removes them after.
 */
class Ipv6PrefixIT {
    static final String ALICE = "alice@example.test";
    static final String PASSWORD = "secret-pw";
    static final String NET_A = "fd00:6a67:5ca1:a::";
    static final String NET_B = "fd00:6a67:5ca1:b::";
    static final List<String> ADDED = List.of(NET_A + "1", NET_A + "2", NET_A + "3", NET_A + "4", NET_B + "1");

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .ipv6Loopback(SUBMISSION)
        .handler(SUBMISSION, "org.jamesguard.hooks.smtp.AuthGate",
            "<failedAuth><limit>3</limit><window>10m</window><screenFor>10m</screenFor></failedAuth>")
        .user(ALICE, PASSWORD)
        .build();

    @BeforeAll
    static void addClientAddresses() throws Exception {
        for (String address : ADDED) {
            ip("addr", "replace", address + "/128", "dev", "lo");
        }
    }

    @AfterAll
    static void removeClientAddresses() throws Exception {
        for (String address : ADDED) {
            ip("addr", "del", address + "/128", "dev", "lo");
        }
    }

    @Test
    void h4_addressesOfOneSlash64FailingAuthAreScreenedTogetherAndAnotherSlash64IsNot() {
        for (int host = 1; host <= 2; host++) {
            try (SmtpClient client = james.smtpIpv6(SUBMISSION, NET_A + host)) {
                assertThat(client.login(ALICE, "wrong")).hasToString("535 5.7.8 Authentication credentials invalid");
            }
        }
        try (SmtpClient client = james.smtpIpv6(SUBMISSION, NET_A + "3")) {
            assertThat(client.login(ALICE, "wrong")).as("the third failure of the /64, from a third address")
                .hasToString("421 4.7.0 Too many authentication attempts, try again later");
        }
        try (SmtpClient client = james.smtpIpv6(SUBMISSION, NET_A + "4")) {
            assertThat(client.greeting()).as("an address of the /64 that never tried")
                .hasToString("554 5.7.1 Client host blocked by the dynamic screen");
        }
        try (SmtpClient client = james.smtpIpv6(SUBMISSION, NET_B + "1")) {
            assertThat(client.login(ALICE, PASSWORD)).as("another /64").hasToString("235 2.7.0 Authentication successful");
        }

        JsonNode screen = james.webAdmin().get("/guard/screen").expect(200).json();
        assertThat(screen.findValuesAsText("ip")).containsExactly("fd00:6a67:5ca1:a::/64");
        assertThat(james.webAdmin().get("/guard/screen/" + NET_A + "4").expect(200).json().get("ip").asText())
            .as("an address finds the entry of its /64").isEqualTo("fd00:6a67:5ca1:a::/64");
    }

    private static void ip(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip", "-6"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                + new String(process.getInputStream().readAllBytes()));
        }
    }
}
