package org.jamesguard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jamesguard.core.Mode;
import org.jamesguard.core.net.Cidr;
import org.jamesguard.core.testing.XmlConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.common.collect.ImmutableMap;

class ConfigReaderTest {
    private static final Map<String, String> COUNT = ImmutableMap.of("messages", "M", "recipients", "R");

    private static ConfigReader handler(String body) {
        return ConfigReader.of(XmlConfigs.parse("<handler>" + body + "</handler>"), "<handler>");
    }

    private static void assertConfigError(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(GuardConfigException.class).hasMessage(message);
    }

    @Test
    void namesElementsBelowItsPath() {
        ConfigReader root = handler("");

        assertThat(root.path()).isEqualTo("<handler>");
        assertThat(root.pathOf("mode")).isEqualTo("<handler><mode>");
        assertThat(root.child("ptr").path()).isEqualTo("<handler><ptr>");
        assertThat(root.child("ptr").child("exclude").pathOf("ip")).isEqualTo("<handler><ptr><exclude><ip>");
    }

    @Test
    void hasTellsWhetherAnElementIsWritten() {
        ConfigReader root = handler("<mode>enforce</mode><empty/><ptr><mode>off</mode></ptr>");

        assertThat(root.has("mode")).isTrue();
        assertThat(root.has("empty")).isTrue();
        assertThat(root.has("ptr")).isTrue();
        assertThat(root.has("helo")).isFalse();
    }

    @Test
    void optionalStringIsTrimmedOrAbsent() {
        ConfigReader root = handler("<name>  mx.example.com  </name>");

        assertThat(root.optionalString("name")).contains("mx.example.com");
        assertThat(root.optionalString("other")).isEmpty();
    }

    @Test
    void keepsCommasInASingleValue() {
        assertThat(handler("<text>Try again, later</text>").optionalString("text")).contains("Try again, later");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<name></name>", "<name/>", "<name>   </name>", "<name>\n\t</name>", "<name enabled=\"true\"/>"})
    void refusesAnEmptyValue(String xml) {
        assertConfigError(() -> handler(xml).optionalString("name"), "<handler><name>: is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<name><value>x</value></name>", "<name>x<value>y</value></name>", "<name><value/></name>"})
    void refusesNestedElementsWhereAValueIsExpected(String xml) {
        assertConfigError(() -> handler(xml).optionalString("name"), "<handler><name>: expected a value, got nested elements");
    }

    @ParameterizedTest
    @CsvSource(value = {
        "<name>a</name><name>b</name>|<handler><name>: appears 2 times, expected at most once",
        "<name>a</name><name>a</name><name>a</name>|<handler><name>: appears 3 times, expected at most once",
        "<name>a</name><name/>|<handler><name>: appears 2 times, expected at most once",
        "<name><v>1</v></name><name>b</name>|<handler><name>: appears 2 times, expected at most once",
    }, delimiter = '|')
    void refusesARepeatedValue(String xml, String message) {
        assertConfigError(() -> handler(xml).optionalString("name"), message);
    }

    @Test
    void stringFallsBackToItsDefault() {
        ConfigReader root = handler("<name>a</name>");

        assertThat(root.string("name", "d")).isEqualTo("a");
        assertThat(root.string("other", "d")).isEqualTo("d");
    }

    @ParameterizedTest
    @CsvSource({
        "true, true", "TRUE, true", "on, true", "On, true", "yes, true", "YES, true",
        "false, false", "False, false", "off, false", "OFF, false", "no, false", "No, false",
    })
    void boolReadsTheUsualWords(String text, boolean expected) {
        ConfigReader root = handler("<enabled>" + text + "</enabled>");

        assertThat(root.bool("enabled", !expected)).isEqualTo(expected);
    }

    @Test
    void boolFallsBackToItsDefault() {
        assertThat(handler("").bool("enabled", true)).isTrue();
        assertThat(handler("").bool("enabled", false)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "1", "0", "enabled", "t"})
    void boolRefusesOtherWords(String text) {
        assertConfigError(() -> handler("<enabled>" + text + "</enabled>").bool("enabled", false),
            "<handler><enabled>: expected true or false, got '" + text + "'");
    }

    @Test
    void integerReadsAWholeNumberAtLeastTheMinimum() {
        assertThat(handler("<max>10</max>").integer("max", 1, 3)).isEqualTo(10);
        assertThat(handler("<max>1</max>").integer("max", 1, 3)).isEqualTo(1);
        assertThat(handler("<max>0</max>").integer("max", 0, 3)).isZero();
        assertThat(handler("<max>2147483647</max>").integer("max", 1, 3)).isEqualTo(Integer.MAX_VALUE);
        assertThat(handler("").integer("max", 1, 3)).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource(value = {
        "0|1|<handler><max>: expected a number of at least 1, got 0",
        "-1|0|<handler><max>: expected a number of at least 0, got -1",
        "ten|1|<handler><max>: expected a whole number, got 'ten'",
        "1.5|1|<handler><max>: expected a whole number, got '1.5'",
        "1e3|1|<handler><max>: expected a whole number, got '1e3'",
        "2147483648|1|<handler><max>: expected a whole number, got '2147483648'",
        "10 per hour|1|<handler><max>: expected a whole number, got '10 per hour'",
    }, delimiter = '|')
    void integerRefusesOtherValues(String text, int min, String message) {
        assertConfigError(() -> handler("<max>" + text + "</max>").integer("max", min, 3), message);
    }

    @Test
    void durationReadsTheDurationSyntax() {
        assertThat(handler("<window>10m</window>").duration("window", Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(10));
        assertThat(handler("<window>PT1H30M</window>").duration("window", Duration.ZERO)).isEqualTo(Duration.ofMinutes(90));
        assertThat(handler("").duration("window", Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void durationRefusesNamingTheElementAndTheSyntax() {
        assertConfigError(() -> handler("<window>0s</window>").duration("window", Duration.ofHours(1)),
            "<handler><window>: expected a positive duration such as 500ms, 30s, 10m, 1h, 2d or PT10M, got '0s'");
    }

    @Test
    void modeReadsTheModeWords() {
        assertThat(handler("<mode>report-only</mode>").mode("mode", Mode.ENFORCE)).isEqualTo(Mode.REPORT_ONLY);
        assertThat(handler("<mode>OFF</mode>").mode("mode", Mode.ENFORCE)).isEqualTo(Mode.OFF);
        assertThat(handler("").mode("mode", Mode.ENFORCE)).isEqualTo(Mode.ENFORCE);
    }

    @Test
    void modeRefusesNamingTheWholePath() {
        ConfigReader root = ConfigReader.of(XmlConfigs.parse("<r><ptr><mode>strict</mode></ptr></r>"), "<reverseLookup>");

        assertConfigError(() -> root.child("ptr").mode("mode", Mode.OFF),
            "<reverseLookup><ptr><mode>: expected off, report-only or enforce, got 'strict'");
    }

    @Test
    void oneOfPicksAWordIgnoringCase() {
        assertThat(handler("<count>recipients</count>").oneOf("count", COUNT, "M")).isEqualTo("R");
        assertThat(handler("<count>Messages</count>").oneOf("count", COUNT, "R")).isEqualTo("M");
        assertThat(handler("").oneOf("count", COUNT, "M")).isEqualTo("M");
    }

    @Test
    void oneOfListsTheAllowedWordsInTheirOrder() {
        assertConfigError(() -> handler("<count>bytes</count>").oneOf("count", COUNT, "M"),
            "<handler><count>: expected messages or recipients, got 'bytes'");
        assertConfigError(() -> handler("<x>d</x>").oneOf("x", ImmutableMap.of("c", 1, "a", 2, "b", 3), 1),
            "<handler><x>: expected c, a or b, got 'd'");
        assertConfigError(() -> handler("<backend>redis</backend>").oneOf("backend", ImmutableMap.of("memory", 1), 1),
            "<handler><backend>: expected memory, got 'redis'");
    }

    @Test
    void listReadsRepeatedElementsAndSeparatedValuesInOrder() {
        ConfigReader root = handler("<ip>10.0.0.0/8, 192.0.2.1</ip><ip>2001:db8::/32\n  198.51.100.0/24,,</ip><ip> 203.0.113.9 </ip>");

        assertThat(root.list("ip", Cidr::parse)).containsExactly(Cidr.parse("10.0.0.0/8"), Cidr.parse("192.0.2.1"),
            Cidr.parse("2001:db8::/32"), Cidr.parse("198.51.100.0/24"), Cidr.parse("203.0.113.9"));
    }

    @Test
    void listIsEmptyWhenAbsentOrEmpty() {
        assertThat(handler("").strings("ip")).isEmpty();
        assertThat(handler("<ip/>").strings("ip")).isEmpty();
        assertThat(handler("<ip> , </ip>").strings("ip")).isEmpty();
    }

    @Test
    void listIsUnmodifiable() {
        List<String> values = handler("<host>a</host>").strings("host");

        assertThatThrownBy(() -> values.add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void listNamesTheElementOfABadValue() {
        assertConfigError(() -> handler("<ip>10.0.0.0/8</ip><ip>10.0.0.0/33</ip>").list("ip", Cidr::parse),
            "<handler><ip>: malformed CIDR '10.0.0.0/33': prefix must be 0 to 32");
    }

    @Test
    void listRefusesNestedElements() {
        assertConfigError(() -> handler("<ips><ip>10.0.0.1</ip></ips>").strings("ips"),
            "<handler><ips>: expected a value, got nested elements");
    }

    @Test
    void childReadsANestedElement() {
        ConfigReader ptr = handler("<ptr><mode>enforce</mode></ptr>").child("ptr");

        assertThat(ptr.mode("mode", Mode.OFF)).isEqualTo(Mode.ENFORCE);
    }

    @Test
    void anAbsentChildReadsAsAllDefaults() {
        ConfigReader ptr = handler("").child("ptr");

        assertThat(ptr.path()).isEqualTo("<handler><ptr>");
        assertThat(ptr.has("mode")).isFalse();
        assertThat(ptr.mode("mode", Mode.REPORT_ONLY)).isEqualTo(Mode.REPORT_ONLY);
        assertThat(ptr.allowOnly("mode")).isSameAs(ptr);
    }

    @Test
    void childRefusesARepeatedElement() {
        assertConfigError(() -> handler("<ptr/><ptr/>").child("ptr"), "<handler><ptr>: appears 2 times, expected at most once");
    }

    @Test
    void effectiveRecordsEveryValueReadDefaultsIncluded() {
        ConfigReader root = handler("<mode>report-only</mode><ptr><limit>3</limit></ptr><hosts>a.test, b.test</hosts>");

        root.mode("mode", Mode.ENFORCE);
        root.duration("window", Duration.ofMinutes(10));
        ConfigReader ptr = root.child("ptr");
        ptr.integer("limit", 1, 5);
        ptr.bool("strict", false);
        root.strings("hosts");
        root.oneOf("count", ImmutableMap.of("messages", 1, "recipients", 2), 2);
        root.record("secret", "(not shown)");

        assertThat(root.effective()).hasToString(
            "{mode=report-only, window=10m, ptr={limit=3, strict=false}, hosts=[a.test, b.test], count=recipients, secret=(not shown)}");
    }

    @Test
    void allowOnlyAcceptsTheNamedElements() {
        ConfigReader root = handler("<mode>off</mode><ptr><anything/></ptr>");

        assertThat(root.allowOnly("mode", "ptr", "helo")).isSameAs(root);
    }

    @Test
    void allowOnlyRefusesAnUnknownElementListingTheKnownOnes() {
        assertConfigError(() -> handler("<mode>off</mode><mdoe>on</mdoe>").allowOnly("mode", "ptr", "helo"),
            "<handler><mdoe>: unknown element, expected one of <mode>, <ptr>, <helo>");
    }

    @Test
    void allowOnlyIsCaseSensitiveLikeXml() {
        assertConfigError(() -> handler("<Mode>off</Mode>").allowOnly("mode"),
            "<handler><Mode>: unknown element, expected one of <mode>");
    }

    @Test
    void allowOnlyOfAChildNamesTheChildsPath() {
        assertConfigError(() -> handler("<ptr><mode>off</mode><exclude/><typo/></ptr>").child("ptr").allowOnly("mode", "exclude"),
            "<handler><ptr><typo>: unknown element, expected one of <mode>, <exclude>");
    }

    @Test
    void allowOnlyIgnoresAttributes() {
        ConfigReader root = handler("<mode>off</mode>");
        ConfigReader withAttributes = ConfigReader.of(XmlConfigs.parse("<handler class=\"x\" enabled=\"true\"><mode>off</mode></handler>"),
            "<handler>");

        assertThat(withAttributes.allowOnly("mode")).isSameAs(withAttributes);
        assertThat(root.allowOnly("mode")).isSameAs(root);
    }

    @Test
    void parseWrapsAParserMessageWithThePath() {
        assertConfigError(() -> handler("").parse("ip", "mx.example.com", Cidr::parse),
            "<handler><ip>: not an IP address: 'mx.example.com'");
    }

    @Test
    void parseKeepsAMessageThatAlreadyNamesItsPath() {
        GuardConfigException inner = new GuardConfigException("<other><path>: already named");
        Function<String, String> parser = value -> {
            throw inner;
        };

        assertThatThrownBy(() -> handler("").parse("ip", "x", parser)).isSameAs(inner);
    }

    @Test
    void errorPrefixesThePath() {
        assertThat(handler("").child("ptr").error("mode", "needs <enabled>"))
            .isInstanceOf(GuardConfigException.class)
            .hasMessage("<handler><ptr><mode>: needs <enabled>");
    }

    @Test
    void emptyReadsAllDefaults() {
        ConfigReader empty = ConfigReader.empty("jamesguard.xml: <jamesguard>");

        assertThat(empty.path()).isEqualTo("jamesguard.xml: <jamesguard>");
        assertThat(empty.has("reportOnly")).isFalse();
        assertThat(empty.bool("reportOnly", true)).isTrue();
        assertThat(empty.strings("trustedIps")).isEmpty();
        assertThat(empty.allowOnly()).isSameAs(empty);
    }
}
