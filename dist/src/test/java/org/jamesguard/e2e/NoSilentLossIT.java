package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.DOMAIN;
import static org.jamesguard.harness.JamesExtension.MX;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.jamesguard.harness.ConfDir;
import org.jamesguard.harness.FreePorts;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue 12, hole 9: nothing James accepted is lost silently, on the sample configuration. A JMAP submission
 * over a sending limit is bounced to its sender (and kept for the postmaster); mail held because its client
 * was screened after it was accepted survives a restart, and the postmaster can release it over WebAdmin; a
 * reply to a freeze notice that unfreezes nothing is bounced to its authenticated sender with the reason.
 */
class NoSilentLossIT {
    static final String PASSWORD = "secret-pw";
    static final String SUBMITTER = "submitter@" + DOMAIN;
    static final String RECIPIENT = "recipient@" + DOMAIN;
    static final String POSTMASTER = "postmaster@" + DOMAIN;
    static final String SCREENED_IP = "127.0.0.13";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CORE = "urn:ietf:params:jmap:core";
    static final String MAIL = "urn:ietf:params:jmap:mail";
    static final String SUBMISSION = "urn:ietf:params:jmap:submission";

    static volatile int jmapPort;

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .conf(conf -> {
            jmapPort = FreePorts.next();
            conf.jmap(jmapPort);
        })
        // one message per hour, whatever address James gives JMAP mail; no freeze, so the sender can read the bounce
        .xml("jamesguard.xml", document -> {
            ConfDir.setText(document.getDocumentElement(), "hijack/limits/reserved/max", "1");
            ConfDir.setText(document.getDocumentElement(), "hijack/limits/local/max", "1");
            ConfDir.setText(document.getDocumentElement(), "hijack/limits/other/max", "1");
            ConfDir.setText(document.getDocumentElement(), "hijack/freezeOnLimit", "false");
        })
        // mail from a screened IP reaches the mailet container, where ClientIsScreened holds it
        .removeHandler(MX, "org.jamesguard.hooks.smtp.ScreenGate")
        .user(SUBMITTER, PASSWORD)
        .user(RECIPIENT, PASSWORD)
        .user(POSTMASTER, PASSWORD)
        .build();

    @Test
    void aJmapSubmissionOverTheSendingLimitIsBouncedToItsSenderAndKeptForThePostmaster() {
        String account = jmapAccount(SUBMITTER);
        String drafts = createMailbox(account, "nosilentloss");
        submit(account, drafts, "within the limit");
        assertThat(james.imap(RECIPIENT, PASSWORD).awaitSubject("within the limit")).isNotNull();

        submit(account, drafts, "over the limit");

        MimeMessage bounce = james.imap(SUBMITTER, PASSWORD).awaitSubject("Re: over the limit");
        assertThat(text(bounce)).contains("Your message to " + RECIPIENT + " was not sent: 550 5.7.1 Sending limit reached");
        Awaitility.await("the submission over the limit is kept for the postmaster").atMost(TIMEOUT)
            .until(() -> james.webAdmin().mailRepositorySize("var/mail/hijack-limit") == 1);
        assertThat(james.log()).contains("check=send-limit verdict=reject");
    }

    @Test
    void mailHeldBecauseItsClientWasScreenedSurvivesARestartAndCanBeReleased() throws Exception {
        james.webAdmin().put("/guard/screen/" + SCREENED_IP, "{\"duration\":\"10m\",\"reason\":\"e2e\"}").expect(200);
        try (SmtpClient client = james.smtp(MX, SCREENED_IP)) {
            client.ehlo("sender.test");
            assertThat(client.send("someone@remote.test", RECIPIENT, Messages.simple("someone@remote.test", RECIPIENT, "held")).code())
                .as("answered 250 before the screen is checked again").isEqualTo(250);
        }
        Awaitility.await("the mail is held").atMost(TIMEOUT).until(() -> james.webAdmin().mailRepositorySize("var/mail/screened") == 1);

        james.restart();

        assertThat(james.webAdmin().mailRepositorySize("var/mail/screened")).as("held mail after a restart").isEqualTo(1);
        String task = james.webAdmin().send("PATCH", "/mailRepositories/var%2Fmail%2Fscreened/mails?action=reprocess&processor=transport",
            null, "").expect(201).json().get("taskId").asText();
        james.webAdmin().get("/tasks/" + task + "/await").expect(200);
        assertThat(james.imap(RECIPIENT, PASSWORD).awaitSubject("held")).isNotNull();
        assertThat(james.webAdmin().mailRepositorySize("var/mail/screened")).isZero();
    }

    @Test
    void aReplyToAFreezeNoticeThatUnfreezesNothingIsBouncedToItsAuthenticatedSender() {
        String token = "unfreeze-" + "b".repeat(16) + "-t9h2kg-" + "a".repeat(26);
        try (SmtpClient client = james.loggedIn(JamesExtension.SUBMISSION, "127.0.0.14", POSTMASTER, PASSWORD)) {
            assertThat(client.send(POSTMASTER, token + "@" + DOMAIN, Messages.simple(POSTMASTER, token + "@" + DOMAIN, "unfreeze please")))
                .hasToString("250 2.6.0 Message received");
        }

        MimeMessage bounce = james.imap(POSTMASTER, PASSWORD).awaitSubject("Re: unfreeze please");
        assertThat(james.log()).contains("event=unfreeze-refused");
        assertThat(text(bounce)).startsWith("Your reply to a James Guard freeze notice unfroze nothing: no freeze for token ");
    }

    private static String text(MimeMessage message) {
        try {
            return ((String) message.getContent()).trim();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JMAP account id of {@code user}, from the session resource. */
    private static String jmapAccount(String user) {
        JsonNode session = jmap(user, HttpRequest.newBuilder(jmapUri("/jmap/session")).GET());
        return session.get("primaryAccounts").get(MAIL).asText();
    }

    private static String createMailbox(String account, String name) {
        ObjectNode create = JSON.createObjectNode();
        create.putObject("m").put("name", name);
        JsonNode response = call(SUBMITTER, new String[] {CORE, MAIL}, method("Mailbox/set", account, "create", create));
        return response.get("methodResponses").get(0).get(1).get("created").get("m").get("id").asText();
    }

    /** Email/set then EmailSubmission/set, in one request, from the submitter to the recipient. */
    private static void submit(String account, String mailbox, String subject) {
        ObjectNode email = JSON.createObjectNode();
        ObjectNode draft = email.putObject("e");
        draft.putObject("mailboxIds").put(mailbox, true);
        draft.putArray("from").addObject().put("email", SUBMITTER);
        draft.putArray("to").addObject().put("email", RECIPIENT);
        draft.put("subject", subject);
        draft.putObject("bodyValues").putObject("b").put("value", "text of " + subject);
        draft.putArray("textBody").addObject().put("partId", "b").put("type", "text/plain");
        ObjectNode submission = JSON.createObjectNode();
        ObjectNode created = submission.putObject("s");
        created.put("emailId", "#e");
        ObjectNode envelope = created.putObject("envelope");
        envelope.putObject("mailFrom").put("email", SUBMITTER);
        envelope.putArray("rcptTo").addObject().put("email", RECIPIENT);

        JsonNode response = call(SUBMITTER, new String[] {CORE, MAIL, SUBMISSION},
            method("Email/set", account, "create", email), method("EmailSubmission/set", account, "create", submission));
        assertThat(response.get("methodResponses").get(1).get(1).get("created").has("s")).as("submitted: %s", response).isTrue();
    }

    private static JsonNode method(String name, String account, String field, ObjectNode value) {
        ObjectNode arguments = JSON.createObjectNode().put("accountId", account);
        arguments.set(field, value);
        return JSON.createArrayNode().add(name).add(arguments).add(name);
    }

    private static JsonNode call(String user, String[] capabilities, JsonNode... methodCalls) {
        ObjectNode request = JSON.createObjectNode();
        for (String capability : capabilities) {
            request.withArray("using").add(capability);
        }
        for (JsonNode methodCall : methodCalls) {
            request.withArray("methodCalls").add(methodCall);
        }
        return jmap(user, HttpRequest.newBuilder(jmapUri("/jmap")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(request.toString())));
    }

    private static URI jmapUri(String path) {
        return URI.create("http://127.0.0.1:" + jmapPort + path);
    }

    private static JsonNode jmap(String user, HttpRequest.Builder request) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.timeout(TIMEOUT)
                .header("Accept", "application/json; jmapVersion=rfc-8621")
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("JMAP %s: %s", response.uri(), response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
