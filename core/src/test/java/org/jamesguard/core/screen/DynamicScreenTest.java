package org.jamesguard.core.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Mode;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.TrustedNetworks;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.net.ClientNetworks;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.net.IpMatcher;
import org.jamesguard.core.store.ScreenEntry;
import org.jamesguard.core.store.ScreenStore;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.StoreUnavailableException;
import org.jamesguard.core.store.memory.MemoryScreenStore;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamicScreenTest {
    private static final String IP = "192.0.2.1";
    private static final AuditContext CONTEXT = AuditContext.of("s-1", IP, null, "smtp");
    private static final Duration ONE_HOUR = Duration.ofHours(1);
    private static final Verdict PASS = Verdict.pass(ScreenedIpCheck.ID);

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);
    @RegisterExtension
    final LogCapture recorderLog = LogCapture.of(DecisionRecorder.class);

    private final MutableClock clock = new MutableClock();
    private final MemoryScreenStore store = new MemoryScreenStore();
    private final DynamicScreen screen = new DynamicScreen(store, clock);
    private final SessionSnapshot client = SessionSnapshot.builder(IP).build();

    @Test
    void screenStoresAnEntryFromNowForTheDuration() {
        Optional<ScreenEntry> entry = screen.screen(IP, false, ONE_HOUR, "10 failed AUTH in 10m", CONTEXT);

        ScreenEntry expected = new ScreenEntry(IP, MutableClock.DEFAULT_START, MutableClock.DEFAULT_START.plus(ONE_HOUR),
            "10 failed AUTH in 10m");
        assertThat(entry).contains(expected);
        assertThat(screen.find(IP)).contains(expected);
        assertThat(screen.list()).containsExactly(expected);
    }

    @Test
    void screenWritesAnAuditEvent() {
        screen.screen(IP, false, ONE_HOUR, "10 failed AUTH in 10m", CONTEXT);

        assertThat(audit.messages()).containsExactly("event=screen session=s-1 ip=192.0.2.1 account=- listener=smtp"
            + " detail=\"10 failed AUTH in 10m until 2026-01-01T01:00:00Z\"");
    }

    @Test
    void aScreenedIpIsRefusedAtConnectUntilTheScreenExpires() {
        screen.screen(IP, false, ONE_HOUR, "10 failed AUTH in 10m", CONTEXT);

        assertThat(screen.atConnect(client)).hasToString("screened-ip: reject 554 5.7.1 Client host blocked by the dynamic screen (close)");
        clock.advance(ONE_HOUR.minusNanos(1));
        assertThat(screen.atConnect(client).refuses()).isTrue();
        clock.advance(Duration.ofNanos(1));
        assertThat(screen.atConnect(client)).isEqualTo(PASS);
        assertThat(screen.find(IP)).isEmpty();
        assertThat(screen.list()).isEmpty();
    }

    @Test
    void theRefusalSaysWhyAndUntilWhen() {
        screen.screen(IP, false, ONE_HOUR, "3 AUTH attempts on port 25", CONTEXT);

        assertThat(screen.atConnect(client).detail()).contains("3 AUTH attempts on port 25 until 2026-01-01T01:00:00Z");
    }

    @Test
    void otherIpsAreNotRefused() {
        screen.screen(IP, false, ONE_HOUR, "r", CONTEXT);

        assertThat(screen.atConnect(SessionSnapshot.builder("192.0.2.2").build())).isEqualTo(PASS);
    }

    @Test
    void anIpv4MappedClientIsRefusedUnderItsIpv4Form() {
        screen.screen(IP, false, ONE_HOUR, "r", CONTEXT);

        assertThat(screen.atConnect(SessionSnapshot.builder("::ffff:192.0.2.1").build()).refuses()).isTrue();
    }

    @Test
    void anIpv6ClientIsScreenedWithItsWholeSlash64AndAnotherSlash64IsNot() {
        screen.screen("2001:db8:1:2::7", false, ONE_HOUR, "r", CONTEXT);

        assertThat(screen.atConnect(SessionSnapshot.builder("2001:db8:1:2:ffff::9").build()).refuses()).isTrue();
        assertThat(screen.atConnect(SessionSnapshot.builder("2001:db8:1:3::7").build())).isEqualTo(PASS);
        assertThat(screen.find("2001:db8:1:2::1").orElseThrow().ip()).isEqualTo("2001:db8:1:2::/64");
        assertThat(screen.list()).extracting(ScreenEntry::ip).containsExactly("2001:db8:1:2::/64");
        assertThat(audit.messages().get(audit.messages().size() - 1)).endsWith("until 2026-01-01T01:00:00Z (network 2001:db8:1:2::/64)\"");
        assertThat(screen.unscreen("2001:db8:1:2::abcd", CONTEXT)).as("any address of the /64 lifts it").isTrue();
        assertThat(screen.list()).isEmpty();
    }

    @Test
    void theNetworksFollowTheConfiguredPrefixes() {
        DynamicScreen per24 = new DynamicScreen(store, ClientNetworks.of(24, 48), clock);
        per24.screen("192.0.2.1", false, ONE_HOUR, "r", CONTEXT);

        assertThat(per24.atConnect(SessionSnapshot.builder("192.0.2.200").build()).refuses()).isTrue();
        assertThat(per24.clientKey(IpAddresses.parse("2001:db8:1:2::1"))).isEqualTo("2001:db8:1::/48");
    }

    @Test
    void screeningAgainReplacesTheEntry() {
        screen.screen(IP, false, ONE_HOUR, "first", CONTEXT);
        clock.advance(Duration.ofMinutes(1));
        screen.screen(IP, false, Duration.ofMinutes(10), "second", CONTEXT);

        assertThat(screen.find(IP).orElseThrow().reason()).isEqualTo("second");
        clock.advance(Duration.ofMinutes(10));
        assertThat(screen.atConnect(client)).isEqualTo(PASS);
    }

    @Test
    void aTrustedIpIsNeverScreened() {
        Optional<ScreenEntry> entry = screen.screen(IP, true, ONE_HOUR, "10 failed AUTH in 10m", CONTEXT);

        assertThat(entry).isEmpty();
        assertThat(store.list(clock.instant())).isEmpty();
        assertThat(screen.atConnect(client)).isEqualTo(PASS);
        assertThat(audit.messages()).containsExactly("event=screen-refused-trusted session=s-1 ip=192.0.2.1 account=-"
            + " listener=smtp detail=\"10 failed AUTH in 10m\"");
    }

    @Test
    void nobodyScreensAConfiguredTrustedIpNorLoopback() {
        DynamicScreen trusting = new DynamicScreen(store, ClientNetworks.DEFAULT, new TrustedNetworks(IpMatcher.parse(IP)), clock);

        assertThat(trusting.screen(IP, ONE_HOUR, "added by an administrator", AuditContext.forIp(IP))).isEmpty();
        assertThat(trusting.screen(IP, false, ONE_HOUR, "10 failed AUTH in 10m", CONTEXT)).isEmpty();
        assertThat(screen.screen("127.0.0.1", ONE_HOUR, "added by an administrator", AuditContext.forIp("127.0.0.1"))).isEmpty();
        assertThat(store.list(clock.instant())).isEmpty();
        assertThat(audit.messages()).containsExactly(
            "event=screen-refused-trusted session=- ip=192.0.2.1 account=- listener=- detail=\"added by an administrator\"",
            "event=screen-refused-trusted session=s-1 ip=192.0.2.1 account=- listener=smtp detail=\"10 failed AUTH in 10m\"",
            "event=screen-refused-trusted session=- ip=127.0.0.1 account=- listener=- detail=\"added by an administrator\"");
    }

    @Test
    void aTrustedSessionPassesEvenIfItsIpIsOnTheScreen() {
        screen.screen(IP, false, ONE_HOUR, "screened before it was trusted", CONTEXT);

        assertThat(screen.atConnect(client.toBuilder().trusted(true).build())).isEqualTo(PASS);
    }

    @Test
    void aTrustedSessionNeverTouchesTheStore() {
        DynamicScreen unavailable = new DynamicScreen(new UnavailableScreenStore(), clock);

        assertThat(unavailable.atConnect(client.toBuilder().trusted(true).build())).isEqualTo(PASS);
        assertThat(unavailable.screen(IP, true, ONE_HOUR, "r", CONTEXT)).isEmpty();
    }

    @Test
    void aStoreFailureReachesTheRecorderWhichAppliesThePolicy() {
        DynamicScreen unavailable = new DynamicScreen(new UnavailableScreenStore(), clock);
        DecisionRecorder failClosed = new DecisionRecorder(new RecordingMetrics(), StoreFailurePolicy.FAIL_CLOSED, false, clock);

        assertThatThrownBy(() -> unavailable.atConnect(client)).isInstanceOf(StoreUnavailableException.class);
        assertThat(failClosed.decide(ScreenedIpCheck.ID, Mode.ENFORCE, CONTEXT, () -> unavailable.atConnect(client)))
            .isEqualTo(Decision.storeFailure());
        assertThat(recorderLog.messages()).containsExactly("state store unavailable during check screened-ip"
            + " (session=s-1 ip=192.0.2.1 account=- listener=smtp), policy fail-closed: redis down");
    }

    @Test
    void unscreenRemovesTheEntryAndWritesAnAuditEvent() {
        screen.screen(IP, false, ONE_HOUR, "r", CONTEXT);
        audit.clear();

        assertThat(screen.unscreen(IP, AuditContext.forAccount("admin"))).isTrue();
        assertThat(screen.atConnect(client)).isEqualTo(PASS);
        assertThat(audit.messages()).containsExactly("event=unscreen session=- ip=- account=admin listener=-"
            + " detail=\"removed 192.0.2.1\"");
    }

    @Test
    void unscreenOfAnIpThatIsNotScreenedChangesAndLogsNothing() {
        assertThat(screen.unscreen(IP, CONTEXT)).isFalse();
        assertThat(audit.messages()).isEmpty();
    }

    @Test
    void findAndListAnswerAtTheClocksTime() {
        screen.screen("192.0.2.9", false, Duration.ofMinutes(10), "short", CONTEXT);
        ScreenEntry longer = screen.screen("192.0.2.10", false, ONE_HOUR, "long", CONTEXT).orElseThrow();
        clock.advance(Duration.ofMinutes(10));

        assertThat(screen.find("192.0.2.9")).isEmpty();
        assertThat(screen.find("192.0.2.10")).contains(longer);
        assertThat(screen.list()).containsExactly(longer);
    }

    @Test
    void refusesADurationThatIsNotPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> screen.screen(IP, false, Duration.ZERO, "r", CONTEXT))
            .withMessage("a screen entry must expire after it starts");
        assertThat(screen.list()).isEmpty();
    }

    /** A store whose backend is down. */
    private static final class UnavailableScreenStore implements ScreenStore {
        @Override
        public void put(ScreenEntry entry) {
            throw new StoreUnavailableException("redis down");
        }

        @Override
        public Optional<ScreenEntry> find(String ip, Instant now) {
            throw new StoreUnavailableException("redis down");
        }

        @Override
        public boolean remove(String ip) {
            throw new StoreUnavailableException("redis down");
        }

        @Override
        public List<ScreenEntry> list(Instant now) {
            throw new StoreUnavailableException("redis down");
        }
    }
}
