package org.jamesguard.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jamesguard.mailets.TestMails.mail;
import static org.jamesguard.mailets.TestMails.overJmap;
import static org.jamesguard.mailets.TestMails.overSmtp;
import static org.jamesguard.mailets.TestMails.refusingToBounce;

import java.time.Duration;
import java.time.Instant;

import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.hijack.IpClass;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.testing.HijackFixture;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.UnavailableStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC C1–C4, C7, C10 for mail submitted over JMAP; SMTP submissions are counted at the end of DATA instead. */
class CountSubmissionTest {
    private static final String JOHN = "john@example.com";
    private static final Instant T0 = MutableClock.DEFAULT_START;
    private static final String OTHER_LIMIT_2 = "<limits><other><max>2</max></other></limits>";

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);

    private HijackFixture hijack = HijackFixture.of(OTHER_LIMIT_2);
    private final FakeMailContext context = FakeMailContext.defaultContext();

    private CountSubmission mailet(FakeMailetConfig.Builder config) throws Exception {
        CountSubmission mailet = new CountSubmission(hijack.policy());
        mailet.init(config.mailetName("CountSubmission").mailetContext(context).build());
        return mailet;
    }

    private CountSubmission mailet(MailetContext mailetContext) throws Exception {
        CountSubmission mailet = new CountSubmission(hijack.policy());
        mailet.init(FakeMailetConfig.builder().mailetName("CountSubmission").mailetContext(mailetContext).build());
        return mailet;
    }

    private CountSubmission mailet() throws Exception {
        return mailet(FakeMailetConfig.builder());
    }

    /** Services {@code count} mails built by {@code mail} and answers the state the last one ends in. */
    private static String service(CountSubmission mailet, FakeMail.Builder mail, int count) throws Exception {
        String state = null;
        for (int i = 0; i < count; i++) {
            Mail built = mail.build();
            mailet.service(built);
            state = built.getState();
        }
        return state;
    }

    /** John's messages from {@code ipClass} within the hour, under the key HijackCountersTest pins down. */
    private long counted(IpClass ipClass) {
        return hijack.counterStore().count("hijack|messages|" + ipClass.key() + "|" + JOHN, Duration.ofHours(1), T0);
    }

    @Test
    void jmapSubmissionsBelowTheLimitAreUntouched() throws Exception {
        CountSubmission mailet = mailet();

        assertThat(service(mailet, overJmap(JOHN).state(Mail.DEFAULT), 2)).isEqualTo(Mail.DEFAULT);
        assertThat(counted(IpClass.OTHER)).isEqualTo(2);
    }

    @Test
    void theJmapSubmissionOverTheLimitIsBouncedToItsSenderByDefault() throws Exception {
        CountSubmission mailet = mailet();
        service(mailet, overJmap(JOHN).state(Mail.DEFAULT), 2);
        assertThat(context.getBouncedMails()).isEmpty();

        assertThat(service(mailet, overJmap(JOHN).state(Mail.DEFAULT), 1)).isEqualTo(Mail.GHOST);
        assertThat(context.getBouncedMails()).singleElement().satisfies(bounce -> {
            assertThat(bounce.getSentMail().getSender()).hasToString("john@example.com");
            assertThat(bounce.getMessage()).isEqualTo("Your message to friend@example.org was not sent: 550 5.7.1 Sending limit reached."
                + " Your account john@example.com reached a sending limit; send it again later, or ask your postmaster.");
        });
        assertThat(audit.messages()).containsExactly("check=send-limit verdict=reject reply=\"550 5.7.1 Sending limit reached\" "
            + "session=mail-1 ip=198.51.100.7 account=john@example.com listener=jmap detail=\"2 messages from other IPs within 1h, limit 2\"");
    }

    @Test
    void theStateOverTheLimitIsConfigurableAndTheSenderIsToldAllTheSame() throws Exception {
        CountSubmission mailet = mailet(FakeMailetConfig.builder().setProperty("onLimit", "hijack-limit"));
        service(mailet, overJmap(JOHN).state(Mail.DEFAULT), 2);

        assertThat(service(mailet, overJmap(JOHN).state(Mail.DEFAULT), 1)).isEqualTo("hijack-limit");
        assertThat(context.getBouncedMails()).hasSize(1);
    }

    @Test
    void aBounceJamesCannotSendLeavesTheMailToTheErrorProcessor() throws Exception {
        CountSubmission mailet = mailet(refusingToBounce(context));
        service(mailet, overJmap(JOHN).state(Mail.DEFAULT), 2);
        Mail mail = overJmap(JOHN).state(Mail.DEFAULT).build();

        assertThatThrownBy(() -> mailet.service(mail)).isInstanceOf(MessagingException.class).hasMessage("spool full (test)");
        assertThat(mail.getState()).isEqualTo(Mail.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghost", " ghost ", "", "root"})
    void droppingOrLoopingTheMailOverTheLimitIsRefusedAtStart(String onLimit) {
        assertThatThrownBy(() -> mailet(FakeMailetConfig.builder().setProperty("onLimit", onLimit)))
            .isInstanceOf(MessagingException.class)
            .hasMessageStartingWith("CountSubmission <onLimit>: expected the name of a processor that keeps or bounces the mail, got '"
                + onLimit.trim() + "'");
    }

    @Test
    void aStoreOutageUnderFailClosedSendsTheMailToTheErrorProcessorRatherThanDroppingIt() throws Exception {
        hijack = HijackFixture.builder().hijack(OTHER_LIMIT_2).counterStore(UnavailableStores.counters())
            .storeFailurePolicy(StoreFailurePolicy.FAIL_CLOSED).build();
        Mail mail = overJmap(JOHN).state(Mail.DEFAULT).build();

        assertThatThrownBy(() -> mailet().service(mail)).isInstanceOf(MessagingException.class)
            .hasMessage("could not count mail-1 against the limits of john@example.com: 451 4.3.0 Temporary local problem, try again later");
        assertThat(mail.getState()).isEqualTo(Mail.DEFAULT);
    }

    @Test
    void aStoreOutageUnderFailOpenLetsTheMailThrough() throws Exception {
        hijack = HijackFixture.builder().hijack(OTHER_LIMIT_2).counterStore(UnavailableStores.counters()).build();

        assertThat(service(mailet(), overJmap(JOHN).state(Mail.DEFAULT), 1)).isEqualTo(Mail.DEFAULT);
    }

    @Test
    void smtpSubmissionsAreNotCountedAgain() throws Exception {
        CountSubmission mailet = mailet();

        assertThat(service(mailet, overSmtp(JOHN).state(Mail.DEFAULT), 5)).isEqualTo(Mail.DEFAULT);
        assertThat(counted(IpClass.OTHER)).isZero();
    }

    @Test
    void mailWithoutSubmitterOrSentByJamesIsNotCounted() throws Exception {
        CountSubmission mailet = mailet();

        assertThat(service(mailet, mail().state(Mail.DEFAULT), 5)).isEqualTo(Mail.DEFAULT);
        assertThat(service(mailet, overJmap(JOHN).attribute(Mail.SENT_BY_MAILET_ATTRIBUTE).state(Mail.DEFAULT), 5)).isEqualTo(Mail.DEFAULT);
        assertThat(counted(IpClass.OTHER)).isZero();
    }

    @Test
    void theClientAddressOfTheMailPicksTheIpClass() throws Exception {
        CountSubmission mailet = mailet();

        service(mailet, overJmap(JOHN).remoteAddr("127.0.0.1"), 3);
        service(mailet, overJmap(JOHN).remoteAddr("192.168.1.5"), 4);

        assertThat(counted(IpClass.RESERVED)).isEqualTo(3);
        assertThat(counted(IpClass.LOCAL)).isEqualTo(4);
        assertThat(counted(IpClass.OTHER)).isZero();
    }

    @Test
    void aMailWithoutAnAddressCountsAsOther() throws Exception {
        CountSubmission mailet = mailet();

        service(mailet, overJmap(JOHN).remoteAddr("localhost").state(Mail.DEFAULT), 2);

        assertThat(counted(IpClass.OTHER)).isEqualTo(2);
        assertThat(service(mailet, overJmap(JOHN).remoteAddr("localhost").state(Mail.DEFAULT), 1)).isEqualTo(Mail.GHOST);
        assertThat(context.getBouncedMails()).hasSize(1);
    }

    @Test
    void c10CountingRecipientsAJmapMailCountsEachRecipient() throws Exception {
        hijack = HijackFixture.of("<limits><other><max>3</max></other></limits><count>recipients</count>");
        CountSubmission mailet = mailet();

        assertThat(service(mailet, overJmap(JOHN, "a@example.org", "b@example.org").state(Mail.DEFAULT), 1))
            .isEqualTo(Mail.DEFAULT);
        assertThat(service(mailet, overJmap(JOHN, "a@example.org", "b@example.org").state(Mail.DEFAULT), 1))
            .isEqualTo(Mail.GHOST);
        assertThat(counted(IpClass.OTHER)).isEqualTo(2);
    }

    @Test
    void withFreezingTheSubmissionOverTheLimitFreezesTheAccount() throws Exception {
        hijack = HijackFixture.of(OTHER_LIMIT_2 + "<freezeOnLimit>true</freezeOnLimit>");
        CountSubmission mailet = mailet();
        service(mailet, overJmap(JOHN).state(Mail.DEFAULT), 2);

        assertThat(service(mailet, overJmap(JOHN).state(Mail.DEFAULT), 1)).isEqualTo(Mail.GHOST);

        assertThat(context.getBouncedMails()).singleElement().extracting(FakeMailContext.BouncedMail::getMessage).asString()
            .contains("552 5.7.1 Account frozen: sending limit reached, contact your postmaster");
        assertThat(hijack.freezes().find(JOHN).orElseThrow().reason()).isEqualTo("sending limit reached (other IPs)");
        assertThat(hijack.notifier().subjects())
            .containsExactly("[James Guard] Account john@example.com frozen: sending limit reached (other IPs)");
    }
}
