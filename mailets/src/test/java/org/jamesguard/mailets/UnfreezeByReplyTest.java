package org.jamesguard.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.mailets.TestMails.mail;
import static org.jamesguard.mailets.TestMails.overJmap;
import static org.jamesguard.mailets.TestMails.overSmtp;

import java.util.Map;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.hijack.UnfreezeTokens;
import org.jamesguard.core.testing.HijackFixture;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.UnavailableStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC C7: a reply to a freeze notice unfreezes only when an authenticated postmaster (or administrator)
 * submitted it with a valid token; the token addresses are consumed either way, other recipients kept.
 */
class UnfreezeByReplyTest {
    private static final String JOHN = "john@example.com";
    private static final String POSTMASTER = "postmaster@example.com";

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);

    private final HijackFixture hijack = HijackFixture.of("");
    private final UnfreezeByReply mailet = new UnfreezeByReply(hijack.freezes());
    private final FakeMailContext context = FakeMailContext.defaultContext();
    private String token;

    @BeforeEach
    void freezeJohn() throws Exception {
        mailet.init(FakeMailetConfig.builder().mailetName("UnfreezeByReply").mailetContext(context).build());
        hijack.freezes().freeze(JOHN, "sending limit reached (other IPs)", false, Map.of(), AuditContext.forAccount(JOHN));
        token = hijack.lastToken() + "@example.com";
        hijack.notifier().clear();
        audit.clear();
    }

    private Mail service(FakeMail.Builder mail) throws Exception {
        Mail built = mail.state(Mail.DEFAULT).build();
        mailet.service(built);
        return built;
    }

    private boolean johnIsFrozen() {
        return hijack.freezes().find(JOHN).isPresent();
    }

    @Test
    void aReplySubmittedByThePostmasterUnfreezesAndIsConsumed() throws Exception {
        Mail reply = service(overSmtp(POSTMASTER, token));

        assertThat(johnIsFrozen()).isFalse();
        assertThat(reply.getState()).isEqualTo(Mail.GHOST);
        assertThat(context.getBouncedMails()).isEmpty();
        assertThat(hijack.notifier().subjects()).containsExactly("[James Guard] Account john@example.com unfrozen");
        assertThat(audit.messages()).containsExactly("event=unfreeze session=mail-1 ip=198.51.100.7 account=postmaster@example.com "
            + "listener=mailet detail=\"john@example.com frozen at 2026-01-01T00:00:00Z (sending limit reached (other IPs)), "
            + "unfrozen by postmaster@example.com (reply to the notice)\"");
    }

    @Test
    void aReplySubmittedOverJmapByThePostmasterUnfreezes() throws Exception {
        service(overJmap(POSTMASTER, token));

        assertThat(johnIsFrozen()).isFalse();
    }

    @Test
    void theOtherRecipientsOfTheReplyAreKept() throws Exception {
        Mail reply = service(overSmtp(POSTMASTER, "jane@example.com", token, "friend@example.org"));

        assertThat(johnIsFrozen()).isFalse();
        assertThat(reply.getState()).isEqualTo(Mail.DEFAULT);
        assertThat(reply.getRecipients()).containsExactly(new MailAddress("jane@example.com"), new MailAddress("friend@example.org"));
    }

    @Test
    void anUnauthenticatedReplyIsRefusedLoggedAndConsumed() throws Exception {
        Mail forged = service(mail(token).sender(POSTMASTER));

        assertThat(johnIsFrozen()).isTrue();
        assertThat(forged.getState()).isEqualTo(Mail.GHOST);
        assertThat(context.getBouncedMails()).as("no backscatter to a sender that may be forged").isEmpty();
        assertThat(hijack.notifier().sent()).isEmpty();
        assertThat(audit.messages()).containsExactly("event=unfreeze-refused session=mail-1 ip=198.51.100.7 account=- listener=mailet "
            + "detail=\"unauthenticated reply to " + UnfreezeTokens.forLog(token.substring(0, token.indexOf('@'))) + "\"");
    }

    @Test
    void aReplyFromAnotherAccountIsRefused() throws Exception {
        Mail reply = service(overSmtp("jane@example.com", token));

        assertThat(johnIsFrozen()).isTrue();
        assertThat(reply.getState()).isEqualTo(Mail.GHOST);
        assertThat(context.getBouncedMails()).singleElement().extracting(FakeMailContext.BouncedMail::getMessage)
            .isEqualTo("Your reply to a James Guard freeze notice unfroze nothing: jane@example.com is neither postmaster@example.com"
                + " nor an administrator.");
        assertThat(audit.messages()).containsExactly("event=unfreeze-refused session=mail-1 ip=198.51.100.7 account=jane@example.com "
            + "listener=mailet detail=\"jane@example.com is neither postmaster@example.com nor an administrator\"");
    }

    @Test
    void mailJamesSentItselfNeverUnfreezes() throws Exception {
        service(overSmtp(POSTMASTER, token).attribute(Mail.SENT_BY_MAILET_ATTRIBUTE));

        assertThat(johnIsFrozen()).isTrue();
    }

    @Test
    void aRefusedTokenIsConsumedAndTheOtherRecipientsKept() throws Exception {
        Mail reply = service(overSmtp("jane@example.com", token, "friend@example.org"));

        assertThat(johnIsFrozen()).isTrue();
        assertThat(reply.getState()).isEqualTo(Mail.DEFAULT);
        assertThat(reply.getRecipients()).containsExactly(new MailAddress("friend@example.org"));
    }

    @Test
    void everyTokenOfTheReplyIsHandled() throws Exception {
        hijack.freezes().freeze("jane@example.com", "too many refused recipients", true, Map.of(), AuditContext.forAccount("jane@example.com"));
        String janes = hijack.lastToken() + "@example.com";

        service(overSmtp(POSTMASTER, token, janes));

        assertThat(hijack.freezes().list()).isEmpty();
    }

    @Test
    void aReplayedReplyFindsNothingToUnfreeze() throws Exception {
        service(overSmtp(POSTMASTER, token));
        audit.clear();

        Mail replay = service(overSmtp(POSTMASTER, token));

        assertThat(replay.getState()).isEqualTo(Mail.GHOST);
        assertThat(context.getBouncedMails()).singleElement().extracting(FakeMailContext.BouncedMail::getMessage).asString()
            .endsWith(" (already lifted, or forged).");
        assertThat(audit.messages()).hasSize(1).allMatch(line -> line.startsWith("event=unfreeze-refused ")
            && line.endsWith(" (already lifted, or forged)\""));
    }

    @Test
    void aReplyTheStoreCouldNotTakeIsBouncedToBeSentAgain() throws Exception {
        UnfreezeByReply outage = new UnfreezeByReply(HijackFixture.builder().freezeStore(UnavailableStores.freezes()).build().freezes());
        outage.init(FakeMailetConfig.builder().mailetName("UnfreezeByReply").mailetContext(context).build());

        outage.service(overSmtp(POSTMASTER, token).state(Mail.DEFAULT).build());

        assertThat(context.getBouncedMails()).singleElement().extracting(FakeMailContext.BouncedMail::getMessage).asString()
            .startsWith("Your reply to a James Guard freeze notice unfroze nothing: the state store is unavailable (")
            .endsWith("): send the reply again later.");
    }
}
