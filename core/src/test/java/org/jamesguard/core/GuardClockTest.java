package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;

import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

class GuardClockTest {
    private final MutableClock james = new MutableClock();

    @Test
    void itIsJamessClockUntilATestMovesIt() {
        GuardClock clock = GuardClock.of(james, true);
        assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START);

        assertThat(clock.advance(Duration.ofMinutes(10))).isEqualTo(MutableClock.DEFAULT_START.plus(Duration.ofMinutes(10)));
        james.advance(Duration.ofSeconds(1));

        assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START.plus(Duration.ofMinutes(10)).plusSeconds(1));
        assertThat(clock.withZone(ZoneId.of("Europe/Paris")).instant()).as("one time in every zone").isEqualTo(clock.instant());
    }

    @Test
    void outsideTestsItCannotBeMoved() {
        GuardClock clock = GuardClock.of(james, false);

        assertThatThrownBy(() -> clock.advance(Duration.ofMinutes(10))).isInstanceOf(IllegalStateException.class)
            .hasMessage("James Guard's clock moves only in tests (-Djamesguard.testing.clock=true)");
        assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START);
    }

    @Test
    void itIsMovableOnlyWhenTheTestPropertyIsSet() {
        assertThat(System.getProperty(GuardClock.TEST_PROPERTY)).isNull();
        assertThat(GuardClock.of(james).movable()).isFalse();
    }

    @Test
    void itNeverGoesBack() {
        GuardClock clock = GuardClock.of(james, true);

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("the clock only moves forward, got PT-1S");
        assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START);
    }
}
