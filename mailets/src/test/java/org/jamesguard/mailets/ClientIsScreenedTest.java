package org.jamesguard.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jamesguard.mailets.TestMails.CLIENT_IP;
import static org.jamesguard.mailets.TestMails.mail;

import java.time.Duration;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.store.ScreenStore;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.memory.MemoryScreenStore;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.jamesguard.core.testing.UnavailableStores;
import org.junit.jupiter.api.Test;

/** Mail that reached the pipeline from a screened client (a listener without the gate, or screened since) is matched. */
class ClientIsScreenedTest {
    private static final String TRUSTED_IP = "192.0.2.25";

    private final MutableClock clock = new MutableClock();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MemoryScreenStore store = new MemoryScreenStore();

    private ClientIsScreened matcher(ScreenStore screenStore, StoreFailurePolicy policy) throws Exception {
        ClientIsScreened matcher = new ClientIsScreened(new DynamicScreen(screenStore, clock),
            new DecisionRecorder(metrics, policy, false, clock), new TrustedNetworks(IpMatcher.parse(TRUSTED_IP)));
        matcher.init(FakeMatcherConfig.builder().matcherName("ClientIsScreened")
            .mailetContext(FakeMailContext.defaultContext()).build());
        return matcher;
    }

    private ClientIsScreened matcher() throws Exception {
        return matcher(store, StoreFailurePolicy.FAIL_OPEN);
    }

    private void screen(String ip) {
        new DynamicScreen(store, clock).screen(ip, false, Duration.ofHours(1), "test", AuditContext.forIp(ip));
    }

    @Test
    void mailFromAScreenedClientIsMatchedForEveryRecipientAndCounted() throws Exception {
        screen(CLIENT_IP);

        assertThat(matcher().match(mail("a@example.org", "b@example.org").build()))
            .containsExactly(new MailAddress("a@example.org"), new MailAddress("b@example.org"));
        assertThat(metrics.increments()).contains("jamesguard_screened_ip_reject");
    }

    @Test
    void mailFromAnotherClientIsNotMatched() throws Exception {
        screen("198.51.100.99");

        assertThat(matcher().match(mail().build())).isEmpty();
    }

    @Test
    void anExpiredEntryNoLongerMatches() throws Exception {
        screen(CLIENT_IP);
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(matcher().match(mail().build())).isEmpty();
    }

    @Test
    void mailWithoutAClientAddressIsNotMatched() throws Exception {
        screen(CLIENT_IP);

        assertThat(matcher().match(mail().remoteAddr("localhost").build())).isEmpty();
    }

    @Test
    void aStoreOutageMatchesNothingWhenFailingOpen() throws Exception {
        assertThat(matcher(UnavailableStores.screen(), StoreFailurePolicy.FAIL_OPEN).match(mail().build())).isEmpty();
    }

    @Test
    void aStoreOutageSendsTheMailToTheErrorProcessorWhenFailingClosed() throws Exception {
        ClientIsScreened matcher = matcher(UnavailableStores.screen(), StoreFailurePolicy.FAIL_CLOSED);

        assertThatThrownBy(() -> matcher.match(mail().build())).isInstanceOf(MessagingException.class)
            .hasMessage("could not tell whether " + CLIENT_IP + ", which sent mail-1, is screened: "
                + "451 4.3.0 Temporary local problem, try again later");
    }
}
