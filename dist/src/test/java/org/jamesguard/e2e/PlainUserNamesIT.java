package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import javax.mail.internet.MimeMessage;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC H5 (issue 12, hole 4): James's default users repository (no usersrepository.xml) has no virtual
 * hosting, so accounts are plain names. They are watched like addresses in James's default domain
 * (example.test here): a plain-name account reaches its limit and is frozen, the notice goes to the
 * postmaster of the default domain, and the plain-name postmaster is exempt.
 */
class PlainUserNamesIT {
    static final String PASSWORD = "secret-pw";
    static final String CAROL = "carol";
    static final String BOB = "bob";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .conf(conf -> {
            try {
                Files.delete(conf.file("usersrepository.xml"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })
        .confFile("jamesguard.xml", "<jamesguard><hijack>"
            + "<limits><reserved><max>2</max><window>60m</window></reserved></limits>"
            + "<freezeOnLimit>true</freezeOnLimit>"
            + "<exclusions>news@example.test</exclusions>"
            + "</hijack></jamesguard>")
        .user(CAROL, PASSWORD)
        .user(BOB, PASSWORD)
        .user("news", PASSWORD)
        .user("postmaster", PASSWORD)
        .build();

    @Test
    void h5_aPlainNameAccountReachesItsLimitAndIsFrozen() throws Exception {
        assertThat(send(CAROL, "carol 1")).hasToString("250 2.6.0 Message received");
        assertThat(send(CAROL, "carol 2")).hasToString("250 2.6.0 Message received");
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.7", CAROL, PASSWORD)) {
            assertThat(client.send(address(CAROL), address(BOB), Messages.simple(address(CAROL), address(BOB), "carol 3")))
                .hasToString("552 5.7.1 Account frozen: sending limit reached, contact your postmaster");
        }
        assertThat(james.webAdmin().get("/guard/frozen/" + CAROL).status()).isEqualTo(200);
        try (SmtpClient client = james.smtp(SUBMISSION, "127.0.0.7")) {
            assertThat(client.login(CAROL, PASSWORD)).hasToString("535 5.7.8 Account frozen: contact your postmaster");
        }
        MimeMessage notice = james.imap("postmaster", PASSWORD)
            .awaitSubject("[James Guard] Account carol frozen: sending limit reached (reserved IPs)");
        assertThat((String) notice.getContent()).contains("messages from reserved IPs within 1h: 2");
    }

    @Test
    void h5_thePlainNamePostmasterAndExcludedAccountsAreNotLimited() {
        for (String account : new String[] {"postmaster", "news"}) {
            for (int message = 1; message <= 3; message++) {
                assertThat(send(account, account + " " + message)).hasToString("250 2.6.0 Message received");
            }
        }
        assertThat(james.webAdmin().get("/guard/accounts/" + CAROL + "/counters").expect(200).json().get("watched").asBoolean())
            .isTrue();
    }

    private static org.jamesguard.harness.SmtpReply send(String account, String subject) {
        try (SmtpClient session = james.loggedIn(SUBMISSION, "127.0.0.7", account, PASSWORD)) {
            return session.send(address(account), address(BOB), Messages.simple(address(account), address(BOB), subject));
        }
    }

    private static String address(String account) {
        return account + "@" + JamesExtension.DOMAIN;
    }
}
