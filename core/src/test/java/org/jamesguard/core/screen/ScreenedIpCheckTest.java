package org.jamesguard.core.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.store.ScreenEntry;
import org.junit.jupiter.api.Test;

class ScreenedIpCheckTest {
    private static final SessionSnapshot CLIENT = SessionSnapshot.builder("192.0.2.1").build();
    private static final Optional<ScreenEntry> SCREENED = Optional.of(new ScreenEntry("192.0.2.1",
        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T01:00:00Z"), "10 failed AUTH in 10m"));

    @Test
    void isNamedScreenedIp() {
        assertThat(ScreenedIpCheck.ID).isEqualTo(CheckId.of("screened-ip"));
    }

    @Test
    void passesAnIpThatIsNotScreened() {
        assertThat(ScreenedIpCheck.check(CLIENT, Optional.empty())).isEqualTo(Verdict.pass(ScreenedIpCheck.ID));
    }

    @Test
    void refusesAScreenedIpAndClosesTheSession() {
        Verdict verdict = ScreenedIpCheck.check(CLIENT, SCREENED);

        assertThat(verdict).hasToString("screened-ip: reject 554 5.7.1 Client host blocked by the dynamic screen (close)");
        assertThat(verdict).isEqualTo(Verdict.reject(ScreenedIpCheck.ID, Replies.SCREENED).andClose()
            .withDetail("10 failed AUTH in 10m until 2026-01-01T01:00:00Z"));
    }

    @Test
    void neverRefusesATrustedIp() {
        SessionSnapshot trusted = CLIENT.toBuilder().trusted(true).build();

        assertThat(ScreenedIpCheck.check(trusted, SCREENED)).isEqualTo(Verdict.pass(ScreenedIpCheck.ID));
    }
}
