package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jamesguard.core.Mode;
import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.config.GuardConfigException;
import org.jamesguard.core.net.EmailAddress;
import org.jamesguard.core.testing.XmlConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SenderPolicyConfigTest {
    private static final String ROOT_ELEMENTS = "<localSenders>, <localIps>, <senderOwnership>, <fromOwnership>, "
        + "<ownershipExemptions>, <gateways>, <privilegedSenders>, <popBeforeSmtp>, <caseSensitiveLocalParts>";

    static SenderPolicyConfig parse(String body) {
        return SenderPolicyConfig.parse(ConfigReader.of(
            XmlConfigs.parse("<handler class=\"org.jamesguard.hooks.smtp.SenderGate\">" + body + "</handler>"), "<handler>"));
    }

    @Test
    void defaultsAreTheSpecValues() {
        SenderPolicyConfig defaults = SenderPolicyConfig.defaults();

        assertThat(defaults.localSenders).as("A1").isEqualTo(Mode.ENFORCE);
        assertThat(defaults.exemptWhenAllRecipientsLocal).as("A2").isFalse();
        assertThat(defaults.exemptUnknownAccounts).as("A3").isTrue();
        assertThat(defaults.localIps).as("A4").isEqualTo(Mode.ENFORCE);
        assertThat(defaults.senderOwnership).as("A5").isEqualTo(Mode.ENFORCE);
        assertThat(defaults.fromOwnership).as("A6").isEqualTo(FromOwnershipMode.ENFORCE);
        assertThat(defaults.maxHeaderSection).as("H1").isEqualTo(256 * 1024);
        assertThat(defaults.parsersAgree).as("H2").isTrue();
        assertThat(defaults.ownershipExemptions.isEmpty()).as("A7").isTrue();
        assertThat(defaults.exemptGateways).as("A8").isTrue();
        assertThat(defaults.gatewayDomains).as("A8 domains").isEmpty();
        assertThat(defaults.gatewaysExempt()).as("A8 without domains").isFalse();
        assertThat(defaults.privilegedSenders).as("A9").isEqualTo(Mode.ENFORCE);
        assertThat(defaults.privilegedLocalParts).as("A9 local parts").containsExactlyInAnyOrder("postmaster", "abuse", "webmaster");
        assertThat(defaults.popBeforeSmtp).as("A10 enforcement").isEqualTo(Mode.OFF);
        assertThat(defaults.popBeforeSmtpWindow).as("A10 window").isEqualTo(Duration.ofMinutes(30));
        assertThat(defaults.popBeforeSmtpExemptAuthenticated).as("A10 exemption").isTrue();
        assertThat(defaults.caseSensitiveLocalParts).isFalse();
    }

    @Test
    void anEmptyHandlerElementMeansTheDefaults() {
        SenderPolicyConfig empty = parse("<localSenders/><localIps/><senderOwnership/><fromOwnership/><gateways/>"
            + "<privilegedSenders/><popBeforeSmtp/>");
        SenderPolicyConfig defaults = SenderPolicyConfig.defaults();

        assertThat(empty).usingRecursiveComparison().isEqualTo(defaults);
        assertThat(parse("")).usingRecursiveComparison().isEqualTo(defaults);
    }

    static Stream<Arguments> elements() {
        return Stream.of(
            read("<localSenders><mode>report-only</mode></localSenders>", c -> c.localSenders, Mode.REPORT_ONLY),
            read("<localSenders><mode>off</mode></localSenders>", c -> c.localSenders, Mode.OFF),
            read("<localSenders><exemptWhenAllRecipientsLocal>true</exemptWhenAllRecipientsLocal></localSenders>",
                c -> c.exemptWhenAllRecipientsLocal, true),
            read("<localSenders><exemptUnknownAccounts>false</exemptUnknownAccounts></localSenders>",
                c -> c.exemptUnknownAccounts, false),
            read("<localIps><mode>OFF</mode></localIps>", c -> c.localIps, Mode.OFF),
            read("<senderOwnership><mode> report-only </mode></senderOwnership>", c -> c.senderOwnership, Mode.REPORT_ONLY),
            read("<fromOwnership><mode>stamp-sender</mode></fromOwnership>", c -> c.fromOwnership, FromOwnershipMode.STAMP_SENDER),
            read("<fromOwnership><mode>report-only</mode></fromOwnership>", c -> c.fromOwnership, FromOwnershipMode.REPORT_ONLY),
            read("<fromOwnership><mode>off</mode></fromOwnership>", c -> c.fromOwnership, FromOwnershipMode.OFF),
            read("<fromOwnership><maxHeaderSection>1m</maxHeaderSection></fromOwnership>", c -> c.maxHeaderSection, 1024 * 1024),
            read("<fromOwnership><maxHeaderSection>64K</maxHeaderSection></fromOwnership>", c -> c.maxHeaderSection, 64 * 1024),
            read("<fromOwnership><maxHeaderSection>8192</maxHeaderSection></fromOwnership>", c -> c.maxHeaderSection, 8192),
            read("<fromOwnership><maxHeaderSection>16m</maxHeaderSection></fromOwnership>", c -> c.maxHeaderSection, 16 * 1024 * 1024),
            read("<fromOwnership><parsersAgree>false</parsersAgree></fromOwnership>", c -> c.parsersAgree, false),
            read("<gateways><exempt>false</exempt></gateways>", c -> c.exemptGateways, false),
            read("<gateways><domains>Backup.Example., b\u00fccher.example</domains><domains>relay.example</domains></gateways>",
                c -> c.gatewayDomains, Set.of("backup.example", "xn--bcher-kva.example", "relay.example")),
            read("<gateways><domains>backup.example</domains></gateways>", SenderPolicyConfig::gatewaysExempt, true),
            read("<gateways><exempt>no</exempt><domains>backup.example</domains></gateways>", SenderPolicyConfig::gatewaysExempt, false),
            read("<privilegedSenders><mode>report-only</mode></privilegedSenders>", c -> c.privilegedSenders, Mode.REPORT_ONLY),
            read("<privilegedSenders><localParts>Postmaster hostmaster</localParts></privilegedSenders>",
                c -> c.privilegedLocalParts, Set.of("postmaster", "hostmaster")),
            read("<popBeforeSmtp><mode>enforce</mode></popBeforeSmtp>", c -> c.popBeforeSmtp, Mode.ENFORCE),
            read("<popBeforeSmtp><window>2h</window></popBeforeSmtp>", c -> c.popBeforeSmtpWindow, Duration.ofHours(2)),
            read("<popBeforeSmtp><window>PT45M</window></popBeforeSmtp>", c -> c.popBeforeSmtpWindow, Duration.ofMinutes(45)),
            read("<popBeforeSmtp><exemptAuthenticated>off</exemptAuthenticated></popBeforeSmtp>",
                c -> c.popBeforeSmtpExemptAuthenticated, false),
            read("<caseSensitiveLocalParts>yes</caseSensitiveLocalParts>", c -> c.caseSensitiveLocalParts, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elements")
    void readsEveryElement(String xml, Function<SenderPolicyConfig, Object> field, Object expected) {
        assertThat(field.apply(parse(xml))).isEqualTo(expected);
    }

    @Test
    void readsTheOwnershipExemptions() {
        SenderPolicyConfig config = parse("<ownershipExemptions>news@example.com, *@lists.example.com</ownershipExemptions>"
            + "<ownershipExemptions>*@*.partner.example</ownershipExemptions>");

        assertThat(config.ownershipExemptions.entries()).containsExactly("news@example.com", "*@lists.example.com", "*@*.partner.example");
        assertThat(config.ownershipExemptions.matchesAddress(EmailAddress.parse("News@Example.com"))).isTrue();
        assertThat(config.ownershipExemptions.matchesAddress(EmailAddress.parse("x@lists.example.com"))).isTrue();
        assertThat(config.ownershipExemptions.matchesAddress(EmailAddress.parse("x@eu.partner.example"))).isTrue();
        assertThat(config.ownershipExemptions.matchesAddress(EmailAddress.parse("john@example.com"))).isFalse();
    }

    @Test
    void caseSensitiveLocalPartsAppliesToTheExemptions() {
        SenderPolicyConfig config = parse("<caseSensitiveLocalParts>true</caseSensitiveLocalParts>"
            + "<ownershipExemptions>news@example.com</ownershipExemptions>");

        assertThat(config.ownershipExemptions.matchesAddress(EmailAddress.parse("news@EXAMPLE.com"))).isTrue();
        assertThat(config.ownershipExemptions.matchesAddress(EmailAddress.parse("News@example.com"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<localSenders><mode>strict</mode></localSenders>"
            + "| <handler><localSenders><mode>: expected off, report-only or enforce, got 'strict'",
        "<localSenders><mode></mode></localSenders>"
            + "| <handler><localSenders><mode>: is empty",
        "<localSenders><exemptWhenAllRecipientsLocal>maybe</exemptWhenAllRecipientsLocal></localSenders>"
            + "| <handler><localSenders><exemptWhenAllRecipientsLocal>: expected true or false, got 'maybe'",
        "<localSenders><exemptUnknownAccounts>1</exemptUnknownAccounts></localSenders>"
            + "| <handler><localSenders><exemptUnknownAccounts>: expected true or false, got '1'",
        "<localIps><mode>on</mode></localIps>"
            + "| <handler><localIps><mode>: expected off, report-only or enforce, got 'on'",
        "<senderOwnership><mode>reject</mode></senderOwnership>"
            + "| <handler><senderOwnership><mode>: expected off, report-only or enforce, got 'reject'",
        "<fromOwnership><mode>strict</mode></fromOwnership>"
            + "| <handler><fromOwnership><mode>: expected off, report-only, enforce or stamp-sender, got 'strict'",
        "<fromOwnership><mode></mode></fromOwnership>"
            + "| <handler><fromOwnership><mode>: is empty",
        "<fromOwnership><maxHeaderSection>4k</maxHeaderSection></fromOwnership>"
            + "| <handler><fromOwnership><maxHeaderSection>: expected a size from 8k to 16m (octets, or with k for KiB or m for MiB), got '4k'",
        "<fromOwnership><maxHeaderSection>17m</maxHeaderSection></fromOwnership>"
            + "| <handler><fromOwnership><maxHeaderSection>: expected a size from 8k to 16m (octets, or with k for KiB or m for MiB), got '17m'",
        "<fromOwnership><maxHeaderSection>256 KB</maxHeaderSection></fromOwnership>"
            + "| <handler><fromOwnership><maxHeaderSection>: expected a size from 8k to 16m (octets, or with k for KiB or m for MiB), got '256 KB'",
        "<fromOwnership><maxHeaderSection>99999999999999999m</maxHeaderSection></fromOwnership>"
            + "| <handler><fromOwnership><maxHeaderSection>: expected a size from 8k to 16m (octets, or with k for KiB or m for MiB), got '99999999999999999m'",
        "<fromOwnership><parsersAgree>perhaps</parsersAgree></fromOwnership>"
            + "| <handler><fromOwnership><parsersAgree>: expected true or false, got 'perhaps'",
        "<ownershipExemptions>news@example.com, 192.0.2.1</ownershipExemptions>"
            + "| <handler><ownershipExemptions>: '192.0.2.1' is not allowed here: this list takes addresses, *@domain and *@*.domain",
        "<ownershipExemptions>lists.example.com</ownershipExemptions>"
            + "| <handler><ownershipExemptions>: 'lists.example.com' is not allowed here: this list takes addresses, *@domain and *@*.domain",
        "<gateways><exempt>sometimes</exempt></gateways>"
            + "| <handler><gateways><exempt>: expected true or false, got 'sometimes'",
        "<privilegedSenders><mode>always</mode></privilegedSenders>"
            + "| <handler><privilegedSenders><mode>: expected off, report-only or enforce, got 'always'",
        "<popBeforeSmtp><mode>true</mode></popBeforeSmtp>"
            + "| <handler><popBeforeSmtp><mode>: expected off, report-only or enforce, got 'true'",
        "<popBeforeSmtp><window>soon</window></popBeforeSmtp>"
            + "| <handler><popBeforeSmtp><window>: expected a positive duration such as 500ms, 30s, 10m, 1h, 2d or PT10M, got 'soon'",
        "<popBeforeSmtp><window>0m</window></popBeforeSmtp>"
            + "| <handler><popBeforeSmtp><window>: expected a positive duration such as 500ms, 30s, 10m, 1h, 2d or PT10M, got '0m'",
        "<popBeforeSmtp><exemptAuthenticated>never</exemptAuthenticated></popBeforeSmtp>"
            + "| <handler><popBeforeSmtp><exemptAuthenticated>: expected true or false, got 'never'",
        "<caseSensitiveLocalParts>perhaps</caseSensitiveLocalParts>"
            + "| <handler><caseSensitiveLocalParts>: expected true or false, got 'perhaps'",
        "<caseSensitiveLocalParts><value>true</value></caseSensitiveLocalParts>"
            + "| <handler><caseSensitiveLocalParts>: expected a value, got nested elements",
        "<localIps><mode>off</mode></localIps><localIps><mode>enforce</mode></localIps>"
            + "| <handler><localIps>: appears 2 times, expected at most once",
        "<localIps><mode>off</mode><mode>enforce</mode></localIps>"
            + "| <handler><localIps><mode>: appears 2 times, expected at most once",
    })
    void refusesABadValueNamingTheElementPath(String xml, String message) {
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(GuardConfigException.class).hasMessage(message);
    }

    @Test
    void refusesABadGatewayDomainNamingTheElementPath() {
        assertThatThrownBy(() -> parse("<gateways><domains>backup.example, -bad-.example</domains></gateways>"))
            .isInstanceOf(GuardConfigException.class)
            .hasMessageStartingWith("<handler><gateways><domains>: invalid domain '-bad-.example': ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<localSender/>| <handler><localSender>: unknown element, expected one of " + ROOT_ELEMENTS,
        "<mode>enforce</mode>| <handler><mode>: unknown element, expected one of " + ROOT_ELEMENTS,
        "<localSenders><exemptWhenAllRecipientLocal>true</exemptWhenAllRecipientLocal></localSenders>"
            + "| <handler><localSenders><exemptWhenAllRecipientLocal>: unknown element, expected one of "
            + "<mode>, <exemptWhenAllRecipientsLocal>, <exemptUnknownAccounts>",
        "<localIps><ranges>10.0.0.0/8</ranges></localIps>"
            + "| <handler><localIps><ranges>: unknown element, expected one of <mode>",
        "<senderOwnership><exempt>true</exempt></senderOwnership>"
            + "| <handler><senderOwnership><exempt>: unknown element, expected one of <mode>",
        "<fromOwnership><stamp>true</stamp></fromOwnership>"
            + "| <handler><fromOwnership><stamp>: unknown element, expected one of <mode>, <maxHeaderSection>, <parsersAgree>",
        "<gateways><domain>backup.example</domain></gateways>"
            + "| <handler><gateways><domain>: unknown element, expected one of <exempt>, <domains>",
        "<privilegedSenders><localPart>abuse</localPart></privilegedSenders>"
            + "| <handler><privilegedSenders><localPart>: unknown element, expected one of <mode>, <localParts>",
        "<popBeforeSmtp><windows>30m</windows></popBeforeSmtp>"
            + "| <handler><popBeforeSmtp><windows>: unknown element, expected one of <mode>, <window>, <exemptAuthenticated>",
    })
    void refusesUnknownElements(String xml, String message) {
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(GuardConfigException.class).hasMessage(message);
    }

    private static Arguments read(String xml, Function<SenderPolicyConfig, Object> field, Object expected) {
        return Arguments.of(xml, field, expected);
    }
}
