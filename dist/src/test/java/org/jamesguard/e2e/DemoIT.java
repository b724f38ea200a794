package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.jamesguard.harness.BuildLayout;
import org.jamesguard.harness.FreePorts;
import org.jamesguard.harness.Mailbox;
import org.junit.jupiter.api.Test;

/**
 * The README's demo command, as a user runs it: ./demo.sh starts James, the swaks line it prints
 * delivers a message that IMAP then reads, and Ctrl-C (SIGINT) stops James and everything it started.
 * Ports are moved to free ones so the test never collides with a demo someone is running.
 */
class DemoIT {
    @Test
    void demoStartsJamesAndItsSwaksSuggestionDeliversMailReadOverImap() throws Exception {
        int imapPort = FreePorts.next();
        ProcessBuilder builder = new ProcessBuilder("bash", "demo.sh")
            .directory(BuildLayout.projectRoot().toFile())
            .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("SMTP_PORT", String.valueOf(FreePorts.next()));
        env.put("SUBMISSION_PORT", String.valueOf(FreePorts.next()));
        env.put("IMAP_PORT", String.valueOf(imapPort));
        env.put("POP3_PORT", String.valueOf(FreePorts.next()));
        env.put("WEBADMIN_PORT", String.valueOf(FreePorts.next()));
        env.put("DEMO_HOME", BuildLayout.fromSystemProperties().workDir().resolve("demo-home").toString());
        Process demo = builder.start();
        try {
            List<String> output = readUntilReady(demo);
            String swaks = output.stream().map(String::trim).filter(line -> line.startsWith("swaks ") && line.contains("--tls"))
                .findFirst().orElseThrow(() -> new AssertionError("no swaks line in:\n" + String.join("\n", output)));

            Process client = new ProcessBuilder("bash", "-c", swaks + " --header 'Subject: from the demo test'")
                .redirectErrorStream(true).start();
            String transcript = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(client.exitValue()).as(transcript).isZero();
            assertThat(transcript).contains("<~  250 2.6.0 Message received");

            MimeMessage received = Mailbox.imap(imapPort, "bob@example.test", "bob-demo-pw")
                .awaitSubject("from the demo test");
            assertThat(received.getHeader("From")[0]).isEqualTo("alice@example.test");
        } finally {
            List<ProcessHandle> started = demo.descendants().collect(Collectors.toList());
            interrupt(demo.toHandle());
            started.forEach(DemoIT::interrupt);
            Awaitility.await("Ctrl-C stops the demo and James").atMost(Duration.ofSeconds(60))
                .until(() -> !demo.isAlive() && started.stream().noneMatch(ProcessHandle::isAlive));
        }
    }

    private static List<String> readUntilReady(Process demo) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.contains("Ctrl-C stops James.")) {
                return lines;
            }
        }
        throw new AssertionError("the demo ended before it was ready:\n" + String.join("\n", lines));
    }

    /** What a terminal's Ctrl-C does: SIGINT to each process of the foreground group. */
    private static void interrupt(ProcessHandle process) {
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
