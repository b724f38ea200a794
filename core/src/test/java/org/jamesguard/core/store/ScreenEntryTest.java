package org.jamesguard.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import nl.jqno.equalsverifier.EqualsVerifier;

class ScreenEntryTest {
    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-01-01T01:00:00Z");

    @Test
    void keepsItsParts() {
        ScreenEntry entry = new ScreenEntry("192.0.2.1", SINCE, EXPIRES, "10 failed AUTH in 10m");

        assertThat(entry.ip()).isEqualTo("192.0.2.1");
        assertThat(entry.since()).isEqualTo(SINCE);
        assertThat(entry.expires()).isEqualTo(EXPIRES);
        assertThat(entry.reason()).isEqualTo("10 failed AUTH in 10m");
        assertThat(entry).hasToString("192.0.2.1 until 2026-01-01T01:00:00Z (10 failed AUTH in 10m)");
    }

    @Test
    void isActiveFromItsStartUntilJustBeforeItsExpiry() {
        ScreenEntry entry = new ScreenEntry("192.0.2.1", SINCE, EXPIRES, "r");

        assertThat(entry.isActive(SINCE)).isTrue();
        assertThat(entry.isActive(EXPIRES.minusNanos(1))).isTrue();
        assertThat(entry.isActive(EXPIRES)).isFalse();
        assertThat(entry.isActive(EXPIRES.plusSeconds(1))).isFalse();
    }

    @Test
    void mustExpireAfterItStarts() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ScreenEntry("192.0.2.1", SINCE, SINCE, "r"))
            .withMessage("a screen entry must expire after it starts");
        assertThatIllegalArgumentException().isThrownBy(() -> new ScreenEntry("192.0.2.1", EXPIRES, SINCE, "r"))
            .withMessage("a screen entry must expire after it starts");
    }

    @Test
    void refusesNulls() {
        assertThatNullPointerException().isThrownBy(() -> new ScreenEntry(null, SINCE, EXPIRES, "r")).withMessage("ip");
        assertThatNullPointerException().isThrownBy(() -> new ScreenEntry("ip", null, EXPIRES, "r")).withMessage("since");
        assertThatNullPointerException().isThrownBy(() -> new ScreenEntry("ip", SINCE, null, "r")).withMessage("expires");
        assertThatNullPointerException().isThrownBy(() -> new ScreenEntry("ip", SINCE, EXPIRES, null)).withMessage("reason");
    }

    @Test
    void honoursEqualsContract() {
        EqualsVerifier.forClass(ScreenEntry.class).withNonnullFields("ip", "since", "expires", "reason").verify();
    }
}
