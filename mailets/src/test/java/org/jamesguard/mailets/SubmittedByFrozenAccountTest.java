package org.jamesguard.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jamesguard.mailets.TestMails.mail;
import static org.jamesguard.mailets.TestMails.overJmap;
import static org.jamesguard.mailets.TestMails.overSmtp;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.testing.FreezeRecords;
import org.jamesguard.core.testing.HijackFixture;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.UnavailableStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC C7: mail submitted by a frozen account, over SMTP or JMAP, is matched; mail James sent itself never. */
class SubmittedByFrozenAccountTest {
    private static final String JOHN = "john@example.com";

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);

    private final HijackFixture hijack = HijackFixture.of("");

    private SubmittedByFrozenAccount matcher(HijackFixture fixture) throws Exception {
        SubmittedByFrozenAccount matcher = new SubmittedByFrozenAccount(fixture.frozen());
        matcher.init(FakeMatcherConfig.builder().matcherName("SubmittedByFrozenAccount")
            .mailetContext(FakeMailContext.defaultContext()).build());
        return matcher;
    }

    private SubmittedByFrozenAccount matcher() throws Exception {
        return matcher(hijack);
    }

    private void freezeJohn() {
        hijack.freezeStore().freeze(FreezeRecords.of(JOHN).build());
    }

    @Test
    void mailSubmittedOverSmtpByAFrozenAccountIsMatchedForEveryRecipient() throws Exception {
        freezeJohn();
        Mail mail = overSmtp(JOHN, "friend@example.org", "jane@example.com").build();

        assertThat(matcher().match(mail)).containsExactly(new MailAddress("friend@example.org"), new MailAddress("jane@example.com"));
    }

    @Test
    void mailSubmittedOverJmapByAFrozenAccountIsMatched() throws Exception {
        freezeJohn();

        assertThat(matcher().match(overJmap(JOHN).build())).containsExactly(new MailAddress("friend@example.org"));
    }

    @Test
    void theMatchIsAuditLogged() throws Exception {
        freezeJohn();

        matcher().match(overSmtp(JOHN).build());

        assertThat(audit.messages()).containsExactly("check=frozen-account verdict=reject "
            + "reply=\"550 5.7.1 Account frozen: contact your postmaster\" session=mail-1 ip=198.51.100.7 account=john@example.com "
            + "listener=mailet detail=\"john@example.com frozen at 2026-01-01T00:00:00Z (sending limit reached (other IPs))\"");
    }

    @Test
    void mailOfAnAccountThatIsNotFrozenIsNotMatched() throws Exception {
        freezeJohn();

        assertThat(matcher().match(overSmtp("jane@example.com").build())).isEmpty();
        assertThat(matcher().match(overJmap("jane@example.com").build())).isEmpty();
    }

    @Test
    void mailToAFrozenAccountIsStillDelivered() throws Exception {
        freezeJohn();

        assertThat(matcher().match(overSmtp("jane@example.com", JOHN).build())).isEmpty();
        assertThat(matcher().match(mail(JOHN).sender("someone@example.org").build())).isEmpty();
    }

    @Test
    void mailWithoutSubmitterIsNotMatchedWhateverItsSender() throws Exception {
        freezeJohn();

        assertThat(matcher().match(mail().sender(JOHN).build())).isEmpty();
    }

    @Test
    void mailJamesSentItselfIsNeverMatched() throws Exception {
        freezeJohn();

        assertThat(matcher().match(overSmtp(JOHN).attribute(Mail.SENT_BY_MAILET_ATTRIBUTE).build())).isEmpty();
        assertThat(matcher().match(overSmtp(JOHN).sender(MaybeSender.nullSender()).build())).isEmpty();
    }

    @Test
    void aStoreOutageMatchesNothingWhenFailingOpen() throws Exception {
        HijackFixture down = HijackFixture.builder().freezeStore(UnavailableStores.freezes()).build();

        assertThat(matcher(down).match(overSmtp(JOHN).build())).isEmpty();
    }

    @Test
    void aStoreOutageSendsEverySubmissionToTheErrorProcessorWhenFailingClosed() throws Exception {
        HijackFixture down = HijackFixture.builder().freezeStore(UnavailableStores.freezes())
            .storeFailurePolicy(StoreFailurePolicy.FAIL_CLOSED).build();
        SubmittedByFrozenAccount matcher = matcher(down);

        // not to the frozen accounts' quarantine: the account may well not be frozen
        assertThatThrownBy(() -> matcher.match(overSmtp(JOHN).build())).isInstanceOf(MessagingException.class)
            .hasMessage("could not tell whether john@example.com, who submitted mail-1, is frozen: "
                + "451 4.3.0 Temporary local problem, try again later");
        assertThat(matcher.match(mail().build())).as("no submitter: not asked").isEmpty();
    }
}
