package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jamesguard.core.Mode;
import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.config.GuardConfigException;
import org.jamesguard.core.testing.XmlConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AuthPolicyConfigTest {
    private static final String DURATION_FORMAT = "expected a positive duration such as 500ms, 30s, 10m, 1h, 2d or PT10M";
    private static final String RULE_ELEMENTS = "unknown element, expected one of <mode>, <limit>, <window>, <screenFor>";

    static AuthPolicyConfig parse(String body) {
        return AuthPolicyConfig.parse(ConfigReader.of(
            XmlConfigs.parse("<handler class=\"org.jamesguard.hooks.smtp.AuthGate\">" + body + "</handler>"), "<handler>"));
    }

    @Test
    void defaultsAreTheSpecValues() {
        AuthPolicyConfig defaults = AuthPolicyConfig.defaults();

        assertThat(defaults.noAuth).as("A11").isEqualTo(Mode.OFF);
        assertThat(defaults.hidesAuth()).as("A11 hides AUTH").isFalse();
        assertThat(defaults.authProbes.mode).as("A12").isEqualTo(Mode.OFF);
        assertThat(defaults.authProbes.limit).as("A12 limit").isEqualTo(3);
        assertThat(defaults.authProbes.window).as("A12 window").isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.authProbes.screenFor).as("A12 screen time").isEqualTo(Duration.ofMinutes(60));
        assertThat(defaults.failedAuth.mode).as("A13").isEqualTo(Mode.ENFORCE);
        assertThat(defaults.failedAuth.limit).as("A13 limit").isEqualTo(10);
        assertThat(defaults.failedAuth.window).as("A13 window").isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.failedAuth.screenFor).as("A13 screen time").isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void anEmptyHandlerElementMeansTheDefaults() {
        AuthPolicyConfig defaults = AuthPolicyConfig.defaults();

        assertThat(parse("")).usingRecursiveComparison().isEqualTo(defaults);
        assertThat(parse("<noAuth/><authProbes/><failedAuth/>")).usingRecursiveComparison().isEqualTo(defaults);
    }

    static Stream<Arguments> elements() {
        return Stream.of(
            read("<noAuth><mode>enforce</mode></noAuth>", c -> c.noAuth, Mode.ENFORCE),
            read("<noAuth><mode>report-only</mode></noAuth>", c -> c.noAuth, Mode.REPORT_ONLY),
            read("<authProbes><mode>enforce</mode></authProbes>", c -> c.authProbes.mode, Mode.ENFORCE),
            read("<authProbes><limit>5</limit></authProbes>", c -> c.authProbes.limit, 5),
            read("<authProbes><window>1h</window></authProbes>", c -> c.authProbes.window, Duration.ofHours(1)),
            read("<authProbes><screenFor>1d</screenFor></authProbes>", c -> c.authProbes.screenFor, Duration.ofDays(1)),
            read("<failedAuth><mode>report-only</mode></failedAuth>", c -> c.failedAuth.mode, Mode.REPORT_ONLY),
            read("<failedAuth><limit>1</limit></failedAuth>", c -> c.failedAuth.limit, 1),
            read("<failedAuth><window>30m</window></failedAuth>", c -> c.failedAuth.window, Duration.ofMinutes(30)),
            read("<failedAuth><screenFor>PT2H</screenFor></failedAuth>", c -> c.failedAuth.screenFor, Duration.ofHours(2)),
            read("<authProbes><limit>5</limit></authProbes>", c -> c.failedAuth.limit, 10));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elements")
    void readsEveryElement(String xml, Function<AuthPolicyConfig, Object> field, Object expected) {
        assertThat(field.apply(parse(xml))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"off, false", "report-only, false", "enforce, true"})
    void onlyAnEnforcedNoAuthHidesAuthFromEhlo(String mode, boolean hides) {
        assertThat(parse("<noAuth><mode>" + mode + "</mode></noAuth>").hidesAuth()).isEqualTo(hides);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<noAuth><mode>strict</mode></noAuth>| <handler><noAuth><mode>: expected off, report-only or enforce, got 'strict'",
        "<noAuth><mode/></noAuth>| <handler><noAuth><mode>: is empty",
        "<authProbes><mode>yes</mode></authProbes>| <handler><authProbes><mode>: expected off, report-only or enforce, got 'yes'",
        "<authProbes><limit>0</limit></authProbes>| <handler><authProbes><limit>: expected a number of at least 1, got 0",
        "<authProbes><limit>three</limit></authProbes>| <handler><authProbes><limit>: expected a whole number, got 'three'",
        "<authProbes><window>ten minutes</window></authProbes>| <handler><authProbes><window>: " + DURATION_FORMAT + ", got 'ten minutes'",
        "<authProbes><screenFor>-1h</screenFor></authProbes>| <handler><authProbes><screenFor>: " + DURATION_FORMAT + ", got '-1h'",
        "<failedAuth><mode>strict</mode></failedAuth>| <handler><failedAuth><mode>: expected off, report-only or enforce, got 'strict'",
        "<failedAuth><limit>-3</limit></failedAuth>| <handler><failedAuth><limit>: expected a number of at least 1, got -3",
        "<failedAuth><limit>99999999999</limit></failedAuth>| <handler><failedAuth><limit>: expected a whole number, got '99999999999'",
        "<failedAuth><window>0s</window></failedAuth>| <handler><failedAuth><window>: " + DURATION_FORMAT + ", got '0s'",
        "<failedAuth><screenFor>forever</screenFor></failedAuth>| <handler><failedAuth><screenFor>: " + DURATION_FORMAT + ", got 'forever'",
        "<failedAuth/><failedAuth/>| <handler><failedAuth>: appears 2 times, expected at most once",
        "<failedAuth><limit><value>3</value></limit></failedAuth>| <handler><failedAuth><limit>: expected a value, got nested elements",
    })
    void refusesABadValueNamingTheElementPath(String xml, String message) {
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(GuardConfigException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<noAuthMode>enforce</noAuthMode>| <handler><noAuthMode>: unknown element, expected one of <noAuth>, <authProbes>, <failedAuth>",
        "<mode>enforce</mode>| <handler><mode>: unknown element, expected one of <noAuth>, <authProbes>, <failedAuth>",
        "<noAuth><listeners>25</listeners></noAuth>| <handler><noAuth><listeners>: unknown element, expected one of <mode>",
        "<authProbes><limits>3</limits></authProbes>| <handler><authProbes><limits>: " + RULE_ELEMENTS,
        "<failedAuth><duration>1h</duration></failedAuth>| <handler><failedAuth><duration>: " + RULE_ELEMENTS,
    })
    void refusesUnknownElements(String xml, String message) {
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(GuardConfigException.class).hasMessage(message);
    }

    private static Arguments read(String xml, Function<AuthPolicyConfig, Object> field, Object expected) {
        return Arguments.of(xml, field, expected);
    }
}
