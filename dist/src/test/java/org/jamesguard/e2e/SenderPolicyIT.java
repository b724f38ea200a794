package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.harness.JamesExtension.MX;
import static org.jamesguard.harness.JamesExtension.SUBMISSION;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import javax.mail.internet.MimeMessage;

import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.Messages;
import org.jamesguard.harness.SmtpClient;
import org.jamesguard.harness.SmtpReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC A1, A3–A9 and A14's AUTH= parameter with the sample configuration's recommended settings (the
 * defaults): who must authenticate, and which return-path and From: an account may use.
 */
class SenderPolicyIT {
    static final String ALICE = "alice@example.test";
    static final String BOB = "bob@example.test";
    static final String CAROL = "carol@example.test";
    static final String POSTMASTER = "postmaster@example.test";
    static final String PASSWORD = "secret-pw";
    /** A submission listener with a gateway domain: there A5 is decided per recipient. */
    static final String GATEWAY_SUBMISSION = "smtp-gateway";

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .confFile("jamesguard.xml", "<jamesguard><network><lanIps>127.0.0.60/32</lanIps></network></jamesguard>")
        .handler(SUBMISSION, "org.jamesguard.hooks.smtp.SenderGate", "<ownershipExemptions>news@example.test</ownershipExemptions>")
        .cloneListener(SUBMISSION, GATEWAY_SUBMISSION)
        .handler(GATEWAY_SUBMISSION, "org.jamesguard.hooks.smtp.SenderGate", "<gateways><domains>gw.test</domains></gateways>")
        .user(ALICE, PASSWORD)
        .user(BOB, PASSWORD)
        .user(CAROL, PASSWORD)
        .user(POSTMASTER, PASSWORD)
        .alias("ali@example.test", ALICE)
        .alias("hostmaster@example.test", POSTMASTER)
        .delegation(CAROL, ALICE)
        .build();

    @Test
    void a1_unauthenticatedSenderOfALocalAccountMustAuthenticate() {
        try (SmtpClient client = james.smtp(MX, "127.0.0.7")) {
            client.ehlo("outside.test");
            assertThat(client.mailFrom(ALICE)).hasToString("530 5.7.0 Authentication required");
            assertThat(client.mailFrom("ali@example.test")).hasToString("530 5.7.0 Authentication required");
        }
    }

    @Test
    void a3_localDomainSenderThatIsNoAccountHereIsNotForcedToAuthenticate() {
        String message = Messages.simple("elsewhere@example.test", BOB, "a3 shared domain");
        try (SmtpClient client = james.smtp(MX, "127.0.0.7")) {
            client.ehlo("outside.test");
            assertThat(client.send("elsewhere@example.test", BOB, message)).hasToString("250 2.6.0 Message received");
        }
        assertThat(james.imap(BOB, PASSWORD).awaitSubject("a3 shared domain")).isNotNull();
    }

    @Test
    void a4_sessionFromALocalIpMustAuthenticate() {
        try (SmtpClient client = james.smtp(MX, "127.0.0.60")) {
            client.ehlo("lan-host.test");
            assertThat(client.mailFrom("someone@remote.test")).hasToString("530 5.7.0 Authentication required");
        }
    }

    @Test
    void a4_trustedIpIsExcepted() {
        try (SmtpClient client = james.smtp(MX, "127.0.0.1")) {
            client.ehlo("trusted.test");
            assertThat(client.mailFrom("someone@remote.test").code()).isEqualTo(250);
        }
    }

    @Test
    void a9_postmasterAbuseAndWebmasterMustAuthenticateEvenFromATrustedIp() {
        try (SmtpClient client = james.smtp(MX, "127.0.0.1")) {
            client.ehlo("trusted.test");
            assertThat(client.mailFrom(POSTMASTER)).hasToString("530 5.7.0 Authentication required");
            assertThat(client.mailFrom("Abuse@example.test")).hasToString("530 5.7.0 Authentication required");
            assertThat(client.mailFrom("webmaster@example.test")).hasToString("530 5.7.0 Authentication required");
            assertThat(client.mailFrom("hostmaster@example.test")).as("an alias of postmaster")
                .hasToString("530 5.7.0 Authentication required");
        }
    }

    @Test
    void a14_authParameterOfMailFromDoesNotAuthenticate() {
        try (SmtpClient client = james.smtp(MX, "127.0.0.7")) {
            client.ehlo("outside.test");
            assertThat(client.command("MAIL FROM:<" + ALICE + "> AUTH=<" + ALICE + ">"))
                .hasToString("530 5.7.0 Authentication required");
        }
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.command("MAIL FROM:<" + BOB + "> AUTH=<" + BOB + ">"))
                .as("the session stays alice's").hasToString("550 5.7.1 Sender address not owned by authenticated user");
        }
    }

    @Test
    void a5_authenticatedAccountMustOwnTheReturnPath() {
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.mailFrom(BOB)).hasToString("550 5.7.1 Sender address not owned by authenticated user");
        }
    }

    @Test
    void a5_ownAddressAliasDelegationAndNullSenderAreOwned() {
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.mailFrom("ALICE@Example.Test").code()).isEqualTo(250);
            client.command("RSET");
            assertThat(client.mailFrom("ali@example.test").code()).as("alias").isEqualTo(250);
            client.command("RSET");
            assertThat(client.mailFrom(CAROL).code()).as("carol delegated to alice").isEqualTo(250);
            client.command("RSET");
            assertThat(client.command("MAIL FROM:<>").code()).as("null sender").isEqualTo(250);
        }
    }

    @Test
    void a6_everyFromAddressMustBeOwnedAndARefusedMessageIsNotQueued() throws Exception {
        String forged = Messages.withFrom("From: Bob <" + BOB + ">", BOB, "a6 forged");
        String owned = Messages.withFrom("From: \"Smith, Alice\" <" + ALICE + ">", BOB, "a6 owned");
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send(ALICE, BOB, forged)).hasToString("550 5.7.1 From: header address not owned by authenticated user");
            assertThat(client.send(ALICE, BOB, owned)).hasToString("250 2.6.0 Message received");
        }
        MimeMessage delivered = james.imap(BOB, PASSWORD).awaitSubject("a6 owned");
        assertThat(delivered.getHeader("From")[0]).isEqualTo("\"Smith, Alice\" <" + ALICE + ">");
        assertThat(james.spooled(Messages.messageId(forged))).isFalse();
        assertThat(james.imap(BOB, PASSWORD).subjects()).doesNotContain("a6 forged");
    }

    @Test
    void a6_aDisplayNameHidingAnotherAddressIsRefused() {
        String hidden = Messages.withFrom("From: \"" + BOB + "\" <" + ALICE + ">", BOB, "a6 display name");
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send(ALICE, BOB, hidden)).hasToString("550 5.7.1 From: header address not owned by authenticated user");
        }
        assertThat(james.spooled(Messages.messageId(hidden))).isFalse();
    }

    @Test
    void a6_ambiguousFromHeadersAreRefused() {
        String twoFroms = "From: <" + ALICE + ">\r\n" + Messages.withFrom("From: <" + ALICE + ">", BOB, "a6 two froms");
        String group = Messages.withFrom("From: friends: <" + ALICE + ">;", BOB, "a6 group");
        String encoded = Messages.withFrom("From: =?UTF-8?B?Ym9iQGV4YW1wbGUudGVzdA==?= <" + ALICE + ">", BOB, "a6 encoded");
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send(ALICE, BOB, twoFroms)).hasToString("550 5.7.1 From: header refused: several From fields");
            assertThat(client.send(ALICE, BOB, group)).hasToString("550 5.7.1 From: header refused: group syntax in From");
            assertThat(client.send(ALICE, BOB, encoded)).as("encoded-word display name hiding bob's address")
                .hasToString("550 5.7.1 From: header address not owned by authenticated user");
        }
        assertThat(james.spooled(Messages.messageId(twoFroms))).isFalse();
        assertThat(james.spooled(Messages.messageId(group))).isFalse();
        assertThat(james.spooled(Messages.messageId(encoded))).isFalse();
    }

    /** One case per attack class of the From: parser's table (core), here through a real James. */
    static Stream<Arguments> fromAttacks() {
        return Stream.of(
            Arguments.of("several From fields", "From: <" + ALICE + ">\r\nFROM: <" + ALICE + ">",
                "550 5.7.1 From: header refused: several From fields"),
            Arguments.of("several addresses", "From: <" + ALICE + ">, <" + BOB + ">",
                "550 5.7.1 From: header address not owned by authenticated user"),
            Arguments.of("address in a comment", "From: <" + ALICE + "> (" + BOB + ")",
                "550 5.7.1 From: header address not owned by authenticated user"),
            Arguments.of("encoded-word in the address", "From: <=?UTF-8?Q?bob?=@example.test>",
                "550 5.7.1 From: header refused: encoded-word in the address part of From"),
            Arguments.of("CR LF inside an encoded-word", "From: =?UTF-8?B?eA0KRnJvbTogYm9iQGV4YW1wbGUudGVzdA==?= <" + ALICE + ">",
                "550 5.7.1 From: header refused: control or invisible character in an encoded-word in From"),
            Arguments.of("quoted local part", "From: <\"bob@example.test\"@example.test>",
                "550 5.7.1 From: header refused: quoted local part in From"),
            Arguments.of("group syntax", "From: staff: <" + ALICE + ">;",
                "550 5.7.1 From: header refused: group syntax in From"),
            Arguments.of("source route", "From: <@example.test:" + BOB + ">",
                "550 5.7.1 From: header refused: source route in From"),
            Arguments.of("obsolete folding inside an address", "From: <alice\r\n @example.test>",
                "550 5.7.1 From: header refused: obsolete syntax in From: whitespace or comment inside an address"),
            Arguments.of("whitespace before the colon", "From : <" + BOB + ">\r\nFrom: <" + ALICE + ">",
                "550 5.7.1 From: header refused: whitespace before the colon of a From field"),
            Arguments.of("IDN look-alike domain", "From: <alice@ex\u0430mple.test>",
                "550 5.7.1 From: header address not owned by authenticated user"),
            Arguments.of("overlong header line", "From: \"" + "x".repeat(1000) + "\" <" + ALICE + ">",
                "550 5.7.1 From: header refused: header line longer than 998 octets"),
            Arguments.of("missing From", "Reply-To: <" + ALICE + ">",
                "550 5.7.1 From: header refused: missing From field"),
            Arguments.of("empty From", "From: ",
                "550 5.7.1 From: header refused: empty From field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fromAttacks")
    void a6_everyFromAttackClassIsRefusedAndNothingIsQueued(String name, String fromLines, String reply) {
        String message = Messages.withFrom(fromLines, BOB, "a6 attack " + name);
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send(ALICE, BOB, message)).hasToString(reply);
        }
        assertThat(james.spooled(Messages.messageId(message))).isFalse();
    }

    @Test
    void a6_bareLineFeedsNeverReachTheQueue() {
        byte[] message = Messages.withFrom("From: <" + ALICE + ">\nFrom: <" + BOB + ">", BOB, "a6 bare LF")
            .getBytes(StandardCharsets.UTF_8);
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            client.mailFrom(ALICE);
            client.rcptTo(BOB);
            SmtpReply reply = client.dataRaw(message);
            assertThat(reply.isPositive()).as(reply.toString()).isFalse();
        }
        assertThat(james.log()).doesNotContain("a6 bare LF");
    }

    @Test
    void a7_anExemptAddressMayBeUsedAsReturnPathAndFrom() {
        String message = Messages.simple("news@example.test", BOB, "a7 exempt");
        try (SmtpClient client = james.loggedIn(SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send("news@example.test", BOB, message)).hasToString("250 2.6.0 Message received");
        }
        assertThat(james.imap(BOB, PASSWORD).awaitSubject("a7 exempt")).isNotNull();
    }

    @Test
    void a8_mailForAGatewayDomainIsExemptFromOwnership() {
        String message = Messages.simple(BOB, "someone@gw.test", "a8 gateway");
        try (SmtpClient client = james.loggedIn(GATEWAY_SUBMISSION, "127.0.0.8", ALICE, PASSWORD)) {
            assertThat(client.send(BOB, "someone@gw.test", message)).hasToString("250 2.6.0 Message received");
            assertThat(client.mailFrom(BOB).code()).isEqualTo(250);
            assertThat(client.rcptTo("someone@remote.test")).as("not a gateway domain")
                .hasToString("550 5.7.1 Sender address not owned by authenticated user");
        }
        assertThat(james.spooled(Messages.messageId(message))).isTrue();
    }
}
