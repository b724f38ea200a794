package org.jamesguard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "500ms, PT0.5S",
        "1millis, PT0.001S",
        "2 millisecond, PT0.002S",
        "3 milliseconds, PT0.003S",
        "30s, PT30S",
        "1 sec, PT1S",
        "1second, PT1S",
        "2 seconds, PT2S",
        "10m, PT10M",
        "5min, PT5M",
        "1 minute, PT1M",
        "2 minutes, PT2M",
        "1h, PT1H",
        "1 hour, PT1H",
        "3 hours, PT3H",
        "2d, PT48H",
        "1 day, PT24H",
        "7 days, PT168H",
        "10M, PT10M",
        "1H, PT1H",
        "3MS, PT0.003S",
        "'  10 m  ', PT10M",
        "0010s, PT10S",
        "90m, PT1H30M",
    })
    void parsesAnAmountAndAUnit(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "PT10M, PT10M",
        "pt10m, PT10M",
        "PT1H30M, PT1H30M",
        "P2D, PT48H",
        "P1DT1H, PT25H",
        "PT0.5S, PT0.5S",
        "' PT3S ', PT3S",
    })
    void parsesIso8601(String text, Duration expected) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0", "0ms", "PT0S", "P0D", "-5s", "-PT10M", "PT-1S", "P-1D", "", "   ", "10", "s",
        "ten minutes", "10w", "10 weeks", "1.5h", "10 m s", "10m30s", "1y", "PT", "P", "10 mins", "9223372036854775808s",
        "200000000000000d", "99999999999999999ms99", "PT9999999999999999999H"})
    void refusesZeroNegativeAndGarbage(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text))
            .withMessage("expected a positive duration such as 500ms, 30s, 10m, 1h, 2d or PT10M, got '" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3651d", "87601h", "999999999999d", "PT2562047788015215H"})
    void refusesMoreThanTenYearsWhoseInstantsWouldOverflow(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text))
            .withMessage("expected at most 3650d, got '" + text + "'");
    }

    @Test
    void tenYearsIsTheLongest() {
        assertThat(Durations.parse("3650d")).isEqualTo(Durations.MAX);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "PT0.001S, 1ms",
        "PT0.5S, 500ms",
        "PT1.5S, 1500ms",
        "PT1S, 1s",
        "PT30S, 30s",
        "PT90S, 90s",
        "PT1M, 1m",
        "PT10M, 10m",
        "PT90M, 90m",
        "PT1H, 1h",
        "PT25H, 25h",
        "PT24H, 1d",
        "PT48H, 2d",
        "P365D, 365d",
        "PT0.0005S, PT0.0005S",
        "PT1.0005S, PT1.0005S",
    })
    void formatsTheShortestFormParseReadsBack(Duration duration, String text) {
        assertThat(Durations.format(duration)).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(duration);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1ms", "999ms", "1001ms", "59s", "61s", "59m", "61m", "23h", "25h", "1d", "400d",
        "PT0.000000001S", "PT2.5S", "P1DT0.001S"})
    void formatRoundTrips(String text) {
        Duration duration = Durations.parse(text);

        assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
    }
}
