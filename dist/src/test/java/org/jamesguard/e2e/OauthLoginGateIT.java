package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.IMAP;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;
import static org.jamesguard.testing.oidc.TestOidcProvider.oauthBearer;
import static org.jamesguard.testing.oidc.TestOidcProvider.xoauth2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.regex.Pattern;

import org.apache.commons.net.imap.IMAPClient;
import org.apache.commons.net.imap.IMAPReply;
import org.jamesguard.harness.ConfDir;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.SmtpClient;
import org.jamesguard.testing.oidc.TestOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;

/**
 * Issue 12, hole 10: logins with an OAuth 2.0 token (SMTP {@code AUTH OAUTHBEARER} and {@code XOAUTH2},
 * IMAP {@code AUTHENTICATE}) go through the same gate as password logins: a frozen account is refused,
 * also when its token acts for an account that delegated to it, and also after an empty {@code AUTH}
 * and a continuation line; failed token logins count toward screening the IP (A13); successful ones
 * record the client address (C5). James is configured for OIDC against a JWKS endpoint of the test, which
 * signs the tokens with a key of its own.
 */
class OauthLoginGateIT {
    static final String PASSWORD = "secret-pw";
    static final String FROZEN_REPLY = "535 5.7.8 Account frozen: contact your postmaster";
    static final String INVALID_REPLY = "535 5.7.8 Authentication credentials invalid";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String AUTH_GATE = "org.jamesguard.hooks.smtp.AuthGate";

    static final TestOidcProvider OIDC = TestOidcProvider.start();

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .confFile("jamesguard.xml", "<jamesguard><hijack>"
            + "<distinctIps><mode>enforce</mode><max>1</max><window>60m</window></distinctIps>"
            + "</hijack></jamesguard>")
        // plain-text AUTH keeps the test short; the mechanism is what matters here
        .listenerElement(SUBMISSION, "auth/requireSSL", "false")
        .conf(conf -> conf.listener(SUBMISSION, OauthLoginGateIT::oidc))
        .conf(conf -> conf.listener(IMAP, OauthLoginGateIT::oidc))
        .handler(SUBMISSION, AUTH_GATE, "<failedAuth><limit>3</limit><window>10m</window><screenFor>60m</screenFor></failedAuth>")
        .user("ok@example.test", PASSWORD)
        .user("bearer@example.test", PASSWORD)
        .user("xoauth@example.test", PASSWORD)
        .user("stepwise@example.test", PASSWORD)
        .user("boss@example.test", PASSWORD)
        .user("assistant@example.test", PASSWORD)
        .user("roaming@example.test", PASSWORD)
        .user("imap@example.test", PASSWORD)
        .user("imap-boss@example.test", PASSWORD)
        .user("imap-assistant@example.test", PASSWORD)
        .delegation("boss@example.test", "assistant@example.test")
        .delegation("imap-boss@example.test", "imap-assistant@example.test")
        .build();

    private static void oidc(Element listener) {
        Element auth = ConfDir.child(listener, "auth").orElseThrow();
        Element oidc = auth.getOwnerDocument().createElement("oidc");
        ConfDir.fragment(auth.getOwnerDocument(), OIDC.oidcConfiguration()).forEach(oidc::appendChild);
        auth.appendChild(oidc);
    }

    @AfterAll
    static void stopProvider() {
        OIDC.close();
    }

    @Test
    void aValidTokenOfAnAccountThatIsNotFrozenLogsIn() {
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.80")) {
            assertThat(client.ehlo("client.test").lines()).anyMatch(line -> line.contains("OAUTHBEARER"));
            assertThat(client.command("AUTH OAUTHBEARER " + oauthBearer("ok@example.test", OIDC.token("ok@example.test"))).code())
                .isEqualTo(235);
            assertThat(client.mailFrom("ok@example.test").code()).isEqualTo(250);
        }
    }

    @Test
    void c7_aFrozenAccountIsRefusedOverOauthbearer() {
        freeze("bearer@example.test");
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.81")) {
            client.ehlo("client.test");
            assertThat(client.command("AUTH OAUTHBEARER " + oauthBearer("bearer@example.test", OIDC.token("bearer@example.test"))))
                .hasToString(FROZEN_REPLY);
            assertThat(client.mailFrom("bearer@example.test")).as("the session is not authenticated").hasToString(
                "530 5.7.0 Authentication required");
        }
        assertThat(james.log()).containsPattern(refusal("bearer@example.test", "smtp:" + james.port(SUBMISSION)));
    }

    @Test
    void c7_aFrozenAccountIsRefusedOverXoauth2() {
        freeze("xoauth@example.test");
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.81")) {
            client.ehlo("client.test");
            assertThat(client.command("AUTH XOAUTH2 " + xoauth2("xoauth@example.test", OIDC.token("xoauth@example.test"))))
                .hasToString(FROZEN_REPLY);
        }
    }

    @Test
    void c7_aFrozenAccountIsRefusedWhenTheTokenComesAfterAnEmptyAuth() {
        freeze("stepwise@example.test");
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.81")) {
            client.ehlo("client.test");
            assertThat(client.command("AUTH OAUTHBEARER").code()).isEqualTo(334);
            assertThat(client.command(oauthBearer("stepwise@example.test", OIDC.token("stepwise@example.test"))))
                .hasToString(FROZEN_REPLY);
            assertThat(client.command("AUTH XOAUTH2").code()).isEqualTo(334);
            assertThat(client.command(xoauth2("stepwise@example.test", OIDC.token("stepwise@example.test"))))
                .hasToString(FROZEN_REPLY);
        }
    }

    @Test
    void c7_aFrozenAccountsTokenCannotActForAnAccountThatDelegatedToIt() {
        freeze("assistant@example.test");
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.81")) {
            client.ehlo("client.test");
            assertThat(client.command("AUTH OAUTHBEARER " + oauthBearer("boss@example.test", OIDC.token("assistant@example.test"))))
                .hasToString(FROZEN_REPLY);
        }
    }

    @Test
    void a13_failedTokenLoginsScreenTheIp() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.82")) {
                client.ehlo("client.test");
                assertThat(client.command("AUTH OAUTHBEARER " + oauthBearer("ok@example.test", OIDC.forgedToken("ok@example.test"))))
                    .as("attempt %d", attempt).hasToString(INVALID_REPLY);
            }
        }
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.82")) {
            client.ehlo("client.test");
            assertThat(client.command("AUTH XOAUTH2 " + xoauth2("ok@example.test", OIDC.forgedToken("ok@example.test"))))
                .hasToString("421 4.7.0 Too many authentication attempts, try again later");
            assertThat(client.awaitClosed()).isTrue();
        }
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.82")) {
            assertThat(client.greeting()).hasToString("554 5.7.1 Client host blocked by the dynamic screen");
        }
    }

    @Test
    void c5_aTokenLoginRecordsTheClientAddress() {
        String token = OIDC.token("roaming@example.test");
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.83")) {
            client.ehlo("client.test");
            assertThat(client.command("AUTH OAUTHBEARER " + oauthBearer("roaming@example.test", token)).code()).isEqualTo(235);
        }
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.84")) {
            client.ehlo("client.test");
            assertThat(client.command("AUTH OAUTHBEARER " + oauthBearer("roaming@example.test", token)))
                .hasToString("550 5.7.1 Account used from too many client addresses");
        }
    }

    @Test
    void c7_imapRefusesAFrozenAccountOverEveryOauthPath() {
        freeze("imap@example.test");
        String response = oauthBearer("imap@example.test", OIDC.token("imap@example.test"));
        assertThat(imapAuthenticate("OAUTHBEARER " + response, null)).isEqualTo("NO AUTHENTICATE failed. Account frozen: contact your postmaster");
        assertThat(imapAuthenticate("XOAUTH2", xoauth2("imap@example.test", OIDC.token("imap@example.test"))))
            .isEqualTo("NO AUTHENTICATE failed. Account frozen: contact your postmaster");
    }

    @Test
    void c7_imapRefusesAFrozenAccountsTokenActingForAnAccountThatDelegatedToIt() {
        assertThat(imapAuthenticate("OAUTHBEARER " + oauthBearer("imap-boss@example.test", OIDC.token("imap-assistant@example.test")), null))
            .as("the delegation works before the freeze").isEqualTo("OK AUTHENTICATE completed.");
        freeze("imap-assistant@example.test");

        assertThat(imapAuthenticate("OAUTHBEARER " + oauthBearer("imap-boss@example.test", OIDC.token("imap-assistant@example.test")), null))
            .isEqualTo("NO AUTHENTICATE failed. Account frozen: contact your postmaster");
    }

    private static void freeze(String account) {
        james.webAdmin().put("/guard/frozen/" + account, "{\"reason\":\"end-to-end test\"}").expect(201);
    }

    private static String refusal(String account, String listener) {
        return "check=frozen-account verdict=reject reply=\"" + Pattern.quote(FROZEN_REPLY) + "\" session=\\S+ ip=127\\.0\\.0\\.81 "
            + "account=" + Pattern.quote(account) + " listener=" + Pattern.quote(listener);
    }

    /**
     * The tagged reply to {@code AUTHENTICATE <arguments>}, without its tag; {@code continuation} is sent
     * after the server's {@code +} when not null.
     */
    private static String imapAuthenticate(String arguments, String continuation) {
        return james.imapReply(new IMAPClient(), client -> {
            int code = client.sendCommand("AUTHENTICATE", arguments);
            if (continuation != null) {
                assertThat(code).as("continuation request").isEqualTo(IMAPReply.CONT);
                client.sendData(continuation);
            }
        });
    }
}
