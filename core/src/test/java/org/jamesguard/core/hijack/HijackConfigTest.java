package org.jamesguard.core.hijack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jamesguard.core.Mode;
import org.jamesguard.core.config.GuardConfigException;
import org.jamesguard.core.config.GuardSettings;
import org.jamesguard.core.net.EmailAddress;
import org.jamesguard.core.testing.HijackFixture;
import org.jamesguard.core.testing.XmlConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §3 (C1–C10) as read from {@code <hijack>}: the SPEC's defaults, every element, exact errors. */
class HijackConfigTest {
    private static final String DURATION_FORMAT = "expected a positive duration such as 500ms, 30s, 10m, 1h, 2d or PT10M";
    private static final String ROOT_ELEMENTS = "unknown element, expected one of <limits>, <reply>, <freezeOnLimit>, "
        + "<distinctIps>, <rcptFailures>, <exclusions>, <count>, <freezeExpiry>, <notice>";
    private static final String SECRET_32_BYTES = base64Of(32);
    private static final EmailAddress JOHN = EmailAddress.parse("john@example.com");

    static HijackConfig parse(String body) {
        return HijackFixture.config(body);
    }

    private static String base64Of(int bytes) {
        byte[] secret = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            secret[i] = (byte) i;
        }
        return Base64.getEncoder().encodeToString(secret);
    }

    @Test
    void defaultsAreTheSpecValues() {
        HijackConfig defaults = HijackConfig.defaults();

        assertThat(defaults.limitsMode).as("limits enabled").isEqualTo(Mode.ENFORCE);
        assertThat(defaults.reserved.max()).as("C1 max").isEqualTo(1000);
        assertThat(defaults.reserved.window()).as("C1 window").isEqualTo(Duration.ofMinutes(60));
        assertThat(defaults.local.max()).as("C2 max").isEqualTo(1000);
        assertThat(defaults.local.window()).as("C2 window").isEqualTo(Duration.ofMinutes(60));
        assertThat(defaults.localIncludesLan).as("C3").isTrue();
        assertThat(defaults.other.max()).as("C4 max").isEqualTo(100);
        assertThat(defaults.other.window()).as("C4 window").isEqualTo(Duration.ofMinutes(60));
        assertThat(defaults.distinctIpsMode).as("C5").isEqualTo(Mode.OFF);
        assertThat(defaults.distinctIps.max()).as("C5 max").isEqualTo(10);
        assertThat(defaults.distinctIps.window()).as("C5 window").isEqualTo(Duration.ofMinutes(60));
        assertThat(defaults.distinctPer).as("C5 counts addresses").isEqualTo(HijackConfig.DistinctPer.ADDRESS);
        assertThat(defaults.reply).as("C6").isEqualTo(HijackConfig.LimitReply.PERMANENT);
        assertThat(defaults.freezeOnLimit).as("C7").isFalse();
        assertThat(defaults.rcptFailuresMode).as("C8").isEqualTo(Mode.OFF);
        assertThat(defaults.rcptFailures.max()).as("C8 max").isEqualTo(20);
        assertThat(defaults.rcptFailures.window()).as("C8 window").isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.exclusions.isEmpty()).as("C9").isTrue();
        assertThat(defaults.counting).as("C10").isEqualTo(HijackConfig.Counting.MESSAGES);
        assertThat(defaults.freezeExpiry()).as("freezes last until lifted").isEmpty();
        assertThat(defaults.noticeRecipient(JOHN.domain())).as("notice to").isEqualTo(EmailAddress.parse("postmaster@example.com"));
        assertThat(defaults.admins).as("admins").isEmpty();
        assertThat(defaults.tokenValidity()).as("token validity").isEqualTo(Duration.ofDays(7));
        assertThat(defaults.secret()).as("secret: generated once and kept").isEmpty();
    }

    @Test
    void anEmptyHijackElementMeansTheDefaults() {
        HijackConfig defaults = HijackConfig.defaults();

        assertThat(parse("")).usingRecursiveComparison().isEqualTo(defaults);
        assertThat(parse("<limits><reserved/><local/><other/></limits><distinctIps/><rcptFailures/><notice/>"))
            .usingRecursiveComparison().isEqualTo(defaults);
    }

    @Test
    void theDefaultsAreThoseOfAnEmptyJamesguardXml() {
        assertThat(GuardSettings.defaults().hijack()).usingRecursiveComparison().isEqualTo(HijackConfig.defaults());
    }

    static Stream<Arguments> elements() {
        return Stream.of(
            read("<limits><mode>report-only</mode></limits>", c -> c.limitsMode, Mode.REPORT_ONLY),
            read("<limits><mode>off</mode></limits>", c -> c.limitsMode, Mode.OFF),
            read("<limits><reserved><max>5</max></reserved></limits>", c -> c.reserved.max(), 5),
            read("<limits><reserved><window>2h</window></reserved></limits>", c -> c.reserved.window(), Duration.ofHours(2)),
            read("<limits><local><max>7</max></local></limits>", c -> c.local.max(), 7),
            read("<limits><local><window>30m</window></local></limits>", c -> c.local.window(), Duration.ofMinutes(30)),
            read("<limits><local><includeLan>false</includeLan></local></limits>", c -> c.localIncludesLan, false),
            read("<limits><local><includeLan>off</includeLan></local></limits>", c -> c.localIncludesLan, false),
            read("<limits><other><max>1</max></other></limits>", c -> c.other.max(), 1),
            read("<limits><other><window>1d</window></other></limits>", c -> c.other.window(), Duration.ofDays(1)),
            read("<limits><other><max>1</max></other></limits>", c -> c.local.max(), 1000),
            read("<reply>4xx</reply>", c -> c.reply, HijackConfig.LimitReply.TEMPORARY),
            read("<reply>5XX</reply>", c -> c.reply, HijackConfig.LimitReply.PERMANENT),
            read("<freezeOnLimit>true</freezeOnLimit>", c -> c.freezeOnLimit, true),
            read("<distinctIps><mode>enforce</mode></distinctIps>", c -> c.distinctIpsMode, Mode.ENFORCE),
            read("<distinctIps><max>3</max></distinctIps>", c -> c.distinctIps.max(), 3),
            read("<distinctIps><window>PT90M</window></distinctIps>", c -> c.distinctIps.window(), Duration.ofMinutes(90)),
            read("<distinctIps><per>network</per></distinctIps>", c -> c.distinctPer, HijackConfig.DistinctPer.NETWORK),
            read("<distinctIps><per>address</per></distinctIps>", c -> c.distinctPer, HijackConfig.DistinctPer.ADDRESS),
            read("<rcptFailures><mode>report-only</mode></rcptFailures>", c -> c.rcptFailuresMode, Mode.REPORT_ONLY),
            read("<rcptFailures><max>5</max></rcptFailures>", c -> c.rcptFailures.max(), 5),
            read("<rcptFailures><window>1h</window></rcptFailures>", c -> c.rcptFailures.window(), Duration.ofHours(1)),
            read("<exclusions>newsletters@example.com, *@newsletters.example.com</exclusions>", c -> c.exclusions.entries(),
                List.of("newsletters@example.com", "*@newsletters.example.com")),
            read("<count>recipients</count>", c -> c.counting, HijackConfig.Counting.RECIPIENTS),
            read("<count>messages</count>", c -> c.counting, HijackConfig.Counting.MESSAGES),
            read("<freezeExpiry>12h</freezeExpiry>", HijackConfig::freezeExpiry, Optional.of(Duration.ofHours(12))),
            read("<freezeExpiry>off</freezeExpiry>", HijackConfig::freezeExpiry, Optional.empty()),
            read("<freezeExpiry>OFF</freezeExpiry>", HijackConfig::freezeExpiry, Optional.empty()),
            read("<notice><to>security@example.org</to></notice>", c -> c.noticeRecipient(JOHN.domain()), EmailAddress.parse("security@example.org")),
            read("<notice><to>postmaster</to></notice>", c -> c.noticeRecipient("example.org"),
                EmailAddress.parse("postmaster@example.org")),
            read("<notice><to>Postmaster</to></notice>", c -> c.noticeRecipient("example.org"),
                EmailAddress.parse("postmaster@example.org")),
            read("<notice><tokenValidity>2d</tokenValidity></notice>", HijackConfig::tokenValidity, Duration.ofDays(2)),
            read("<notice><secret>" + SECRET_32_BYTES + "</secret></notice>", c -> Base64.getEncoder().encodeToString(c.secret().orElseThrow()),
                SECRET_32_BYTES),
            read("<notice><secret>" + base64Of(64) + "</secret></notice>", c -> c.secret().orElseThrow().length, 64));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elements")
    void readsEveryElement(String xml, Function<HijackConfig, Object> field, Object expected) {
        assertThat(field.apply(parse(xml))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is an administrator: {1}")
    @CsvSource({
        "admin@example.com, true",
        "ADMIN@Example.COM, true",
        "admin@example.org, false",
        "other@example.com, false",
        "anyone@admins.example.net, true",
        "anyone@sub.admins.example.net, false",
        "boss@it.example.org, true",
        "boss@example.org, false",
    })
    void adminsTakeAddressesAndWildcards(String address, boolean admin) {
        HijackConfig config = parse("<notice><admins>admin@example.com, *@admins.example.net</admins><admins>*@*.example.org</admins></notice>");

        assertThat(config.isAdmin(EmailAddress.parse(address))).isEqualTo(admin);
    }

    @Test
    void withoutAdminsNobodyIsAnAdministrator() {
        assertThat(HijackConfig.defaults().isAdmin(EmailAddress.parse("postmaster@example.com"))).isFalse();
    }

    @Test
    void theSecretIsACopy() {
        HijackConfig config = parse("<notice><secret>" + SECRET_32_BYTES + "</secret></notice>");

        config.secret().orElseThrow()[0] = 42;

        assertThat(config.secret().orElseThrow()[0]).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<limits><mode>strict</mode></limits>| <hijack><limits><mode>: expected off, report-only or enforce, got 'strict'",
        "<limits><reserved><max>0</max></reserved></limits>| <hijack><limits><reserved><max>: expected a number of at least 1, got 0",
        "<limits><reserved><window>0s</window></reserved></limits>| <hijack><limits><reserved><window>: " + DURATION_FORMAT + ", got '0s'",
        "<limits><local><max>many</max></local></limits>| <hijack><limits><local><max>: expected a whole number, got 'many'",
        "<limits><local><window>soon</window></local></limits>| <hijack><limits><local><window>: " + DURATION_FORMAT + ", got 'soon'",
        "<limits><local><includeLan>maybe</includeLan></local></limits>| <hijack><limits><local><includeLan>: expected true or false, got 'maybe'",
        "<limits><other><max>-1</max></other></limits>| <hijack><limits><other><max>: expected a number of at least 1, got -1",
        "<limits><other><window>-1h</window></other></limits>| <hijack><limits><other><window>: " + DURATION_FORMAT + ", got '-1h'",
        "<reply>550</reply>| <hijack><reply>: expected 5xx or 4xx, got '550'",
        "<reply/>| <hijack><reply>: is empty",
        "<reply>5xx</reply><reply>4xx</reply>| <hijack><reply>: appears 2 times, expected at most once",
        "<freezeOnLimit>sometimes</freezeOnLimit>| <hijack><freezeOnLimit>: expected true or false, got 'sometimes'",
        "<distinctIps><mode>on</mode></distinctIps>| <hijack><distinctIps><mode>: expected off, report-only or enforce, got 'on'",
        "<distinctIps><max>0</max></distinctIps>| <hijack><distinctIps><max>: expected a number of at least 1, got 0",
        "<distinctIps><window>1y</window></distinctIps>| <hijack><distinctIps><window>: " + DURATION_FORMAT + ", got '1y'",
        "<distinctIps><per>subnet</per></distinctIps>| <hijack><distinctIps><per>: expected address or network, got 'subnet'",
        "<rcptFailures><mode>yes</mode></rcptFailures>| <hijack><rcptFailures><mode>: expected off, report-only or enforce, got 'yes'",
        "<rcptFailures><max>99999999999</max></rcptFailures>| <hijack><rcptFailures><max>: expected a whole number, got '99999999999'",
        "<rcptFailures><window>ten</window></rcptFailures>| <hijack><rcptFailures><window>: " + DURATION_FORMAT + ", got 'ten'",
        "<exclusions>192.0.2.1</exclusions>| <hijack><exclusions>: '192.0.2.1' is not allowed here: this list takes addresses, *@domain and *@*.domain",
        "<exclusions>mail.example.com</exclusions>| <hijack><exclusions>: 'mail.example.com' is not allowed here: this list takes addresses, *@domain and *@*.domain",
        "<exclusions>news*@example.com</exclusions>| <hijack><exclusions>: expected user@domain, *@domain or *@*.domain, got 'news*@example.com'",
        "<count>bytes</count>| <hijack><count>: expected messages or recipients, got 'bytes'",
        "<freezeExpiry>never</freezeExpiry>| <hijack><freezeExpiry>: " + DURATION_FORMAT + ", got 'never'",
        "<freezeExpiry>0m</freezeExpiry>| <hijack><freezeExpiry>: " + DURATION_FORMAT + ", got '0m'",
        "<notice><to>nobody</to></notice>| <hijack><notice><to>: not an address of the form local@domain: 'nobody'",
        "<notice><to>@example.com</to></notice>| <hijack><notice><to>: not an address of the form local@domain: '@example.com'",
        "<notice><admins>admin</admins></notice>| <hijack><notice><admins>: expected user@domain, *@domain or *@*.domain, got 'admin'",
        "<notice><tokenValidity>-1d</tokenValidity></notice>| <hijack><notice><tokenValidity>: " + DURATION_FORMAT + ", got '-1d'",
        "<notice><secret>not base64!</secret></notice>| <hijack><notice><secret>: expected base64, got an undecodable value",
        "<notice><secret>c2hvcnQ=</secret></notice>| <hijack><notice><secret>: expected at least 32 bytes of base64, got 5",
        "<notice><secret/></notice>| <hijack><notice><secret>: is empty",
        "<limits><reserved><max><value>3</value></max></reserved></limits>| <hijack><limits><reserved><max>: expected a value, got nested elements",
        "<limits/><limits/>| <hijack><limits>: appears 2 times, expected at most once",
    })
    void refusesABadValueNamingTheElementPath(String xml, String message) {
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(GuardConfigException.class).hasMessage(message);
    }

    @Test
    void refusesASecretOneByteShortOf32() {
        assertThatThrownBy(() -> parse("<notice><secret>" + base64Of(31) + "</secret></notice>"))
            .isInstanceOf(GuardConfigException.class)
            .hasMessage("<hijack><notice><secret>: expected at least 32 bytes of base64, got 31");
    }

    @Test
    void anErrorInJamesguardXmlNamesTheWholePath() {
        assertThatThrownBy(() -> GuardSettings.parse(XmlConfigs.parse("<jamesguard><hijack><reply>550</reply></hijack></jamesguard>")))
            .isInstanceOf(GuardConfigException.class)
            .hasMessage("jamesguard.xml: <jamesguard><hijack><reply>: expected 5xx or 4xx, got '550'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<limit>100</limit>| <hijack><limit>: " + ROOT_ELEMENTS,
        "<mode>enforce</mode>| <hijack><mode>: " + ROOT_ELEMENTS,
        "<secret>x</secret>| <hijack><secret>: " + ROOT_ELEMENTS,
        "<limits><max>100</max></limits>| <hijack><limits><max>: unknown element, expected one of <mode>, <reserved>, <local>, <other>",
        "<limits><lan/></limits>| <hijack><limits><lan>: unknown element, expected one of <mode>, <reserved>, <local>, <other>",
        "<limits><reserved><includeLan>true</includeLan></reserved></limits>| <hijack><limits><reserved><includeLan>: unknown element, expected one of <max>, <window>",
        "<limits><local><mode>off</mode></local></limits>| <hijack><limits><local><mode>: unknown element, expected one of <max>, <window>, <includeLan>",
        "<limits><other><limit>5</limit></other></limits>| <hijack><limits><other><limit>: unknown element, expected one of <max>, <window>",
        "<distinctIps><network>true</network></distinctIps>| <hijack><distinctIps><network>: unknown element, expected one of <mode>, <max>, <window>, <per>",
        "<rcptFailures><per>address</per></rcptFailures>| <hijack><rcptFailures><per>: unknown element, expected one of <mode>, <max>, <window>",
        "<notice><from>postmaster</from></notice>| <hijack><notice><from>: unknown element, expected one of <to>, <admins>, <tokenValidity>, <secret>",
    })
    void refusesUnknownElements(String xml, String message) {
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(GuardConfigException.class).hasMessage(message);
    }

    private static Arguments read(String xml, Function<HijackConfig, Object> field, Object expected) {
        return Arguments.of(xml, field, expected);
    }
}
