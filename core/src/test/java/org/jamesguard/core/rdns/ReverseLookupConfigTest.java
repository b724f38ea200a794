package org.jamesguard.core.rdns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jamesguard.core.Mode;
import org.jamesguard.core.Replies;
import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.config.GuardConfigException;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.testing.XmlConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReverseLookupConfigTest {
    private static final String HANDLER = "<handler class=\"org.jamesguard.hooks.smtp.ReverseLookupGate\">";

    private static ReverseLookupConfig parse(String body) {
        return ReverseLookupConfig.parse(ConfigReader.of(XmlConfigs.parse("<handler>" + body + "</handler>"), HANDLER));
    }

    @Test
    void defaultsAreTheSpecValues() {
        ReverseLookupConfig config = ReverseLookupConfig.defaults();

        assertThat(config.ptrLookup).as("B1").isTrue();
        assertThat(config.ptrExists).as("B2: a warning header only").isEqualTo(Mode.REPORT_ONLY);
        assertThat(config.forwardConfirmed).as("B3: a warning header only").isEqualTo(Mode.REPORT_ONLY);
        assertThat(config.ptrExemptAuthenticated).as("B4").isTrue();
        assertThat(config.ptrExclusions.isEmpty()).as("B5").isTrue();
        assertThat(config.heloResolvesToClient).as("B6 on, B7 off").isEqualTo(Mode.REPORT_ONLY);
        assertThat(config.heloExists.mode()).as("B8").isEqualTo(Mode.OFF);
        assertThat(config.heloExists.reply()).isEqualTo(Replies.HELO_NOT_FOUND);
        assertThat(config.heloExists.closes()).isFalse();
        assertThat(config.heloExemptAuthenticated).as("B9").isTrue();
        assertThat(config.heloExclusions.isEmpty()).as("B9").isTrue();
        assertThat(config.mailResolvesToClient).as("B10").isEqualTo(Mode.REPORT_ONLY);
        assertThat(config.mailHasMx).as("B11").isEqualTo(Mode.OFF);
        assertThat(config.mailExists.mode()).as("B12").isEqualTo(Mode.OFF);
        assertThat(config.mailExists.reply()).isEqualTo(Replies.SENDER_DOMAIN_NOT_FOUND);
        assertThat(config.mailExists.closes()).isFalse();
        assertThat(config.mailExemptAuthenticated).as("B13").isTrue();
        assertThat(config.mailExclusions.isEmpty()).as("B13").isTrue();
        assertThat(config.verdicts.headerName()).isEqualTo("X-Guard-Reverse-Lookup");
    }

    @Test
    void everyElementIsRead() {
        ReverseLookupConfig config = parse("<ptr><lookup>true</lookup><exists><mode>enforce</mode></exists>"
            + "<forwardConfirmed><mode>off</mode></forwardConfirmed><exemptAuthenticated>false</exemptAuthenticated>"
            + "<exclusions>192.0.2.0/24</exclusions></ptr>"
            + "<helo><resolvesToClient><mode>enforce</mode></resolvesToClient>"
            + "<exists><mode>report-only</mode><reply>501</reply><close>true</close></exists>"
            + "<exemptAuthenticated>false</exemptAuthenticated><exclusions>192.0.2.8, *.example.net</exclusions></helo>"
            + "<mailFrom><resolvesToClient><mode>off</mode></resolvesToClient><hasMx><mode>enforce</mode></hasMx>"
            + "<exists><mode>enforce</mode><reply>501</reply><close>true</close></exists>"
            + "<exemptAuthenticated>false</exemptAuthenticated><exclusions>example.com</exclusions></mailFrom>"
            + "<warningHeader>X-Reverse-DNS</warningHeader>");

        assertThat(config.ptrExists).isEqualTo(Mode.ENFORCE);
        assertThat(config.forwardConfirmed).isEqualTo(Mode.OFF);
        assertThat(config.ptrExemptAuthenticated).isFalse();
        assertThat(config.ptrExclusions.matchesIp(IpAddresses.parse("192.0.2.77"))).isTrue();
        assertThat(config.heloResolvesToClient).isEqualTo(Mode.ENFORCE);
        assertThat(config.heloExists.mode()).isEqualTo(Mode.REPORT_ONLY);
        assertThat(config.heloExists.reply()).isEqualTo(Replies.HELO_NOT_FOUND_PERMANENT);
        assertThat(config.heloExists.closes()).isTrue();
        assertThat(config.heloExemptAuthenticated).isFalse();
        assertThat(config.heloExclusions.entries()).containsExactly("192.0.2.8", "*.example.net");
        assertThat(config.mailResolvesToClient).isEqualTo(Mode.OFF);
        assertThat(config.mailHasMx).isEqualTo(Mode.ENFORCE);
        assertThat(config.mailExists.reply()).isEqualTo(Replies.SENDER_DOMAIN_NOT_FOUND_PERMANENT);
        assertThat(config.mailExists.closes()).isTrue();
        assertThat(config.mailExemptAuthenticated).isFalse();
        assertThat(config.mailExclusions.matchesHost("EXAMPLE.com")).isTrue();
        assertThat(config.verdicts.headerName()).isEqualTo("X-Reverse-DNS");
    }

    @Test
    void withoutThePtrLookupThePtrChecksAreOff() {
        ReverseLookupConfig config = parse("<ptr><lookup>false</lookup><exists><mode>off</mode></exists></ptr>");

        assertThat(config.ptrLookup).isFalse();
        assertThat(config.ptrExists).isEqualTo(Mode.OFF);
        assertThat(config.forwardConfirmed).isEqualTo(Mode.OFF);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<ptr><exists><mode>strict</mode></exists></ptr>"
            + "| <ptr><exists><mode>: expected off, report-only or enforce, got 'strict'",
        "<ptr><lookup>false</lookup><forwardConfirmed><mode>enforce</mode></forwardConfirmed></ptr>"
            + "| <ptr><forwardConfirmed>: needs <lookup>true</lookup>, the PTR lookup it checks",
        "<ptr><exclusions>mail.example.com</exclusions></ptr>"
            + "| <ptr><exclusions>: 'mail.example.com' is not allowed here: this list takes IPs and CIDRs",
        "<ptr><exemptAuthenticated>sometimes</exemptAuthenticated></ptr>"
            + "| <ptr><exemptAuthenticated>: expected true or false, got 'sometimes'",
        "<helo><exists><reply>550</reply></exists></helo>| <helo><exists><reply>: expected 451 or 501, got '550'",
        "<helo><exists><close>1</close></exists></helo>| <helo><exists><close>: expected true or false, got '1'",
        "<helo><exclusions>*@example.com</exclusions></helo>"
            + "| <helo><exclusions>: '*@example.com' is not allowed here: this list takes IPs and CIDRs; host names and *.domain",
        "<helo><forged><mode>enforce</mode></forged></helo>"
            + "| <helo><forged>: unknown element, expected one of <resolvesToClient>, <exists>, <exemptAuthenticated>, <exclusions>",
        "<mailFrom><hasMx><mode>on</mode></hasMx></mailFrom>| <mailFrom><hasMx><mode>: expected off, report-only or enforce, got 'on'",
        "<mailFrom><hasMx><reply>550</reply></hasMx></mailFrom>| <mailFrom><hasMx><reply>: unknown element, expected one of <mode>",
        "<mailFrom><exclusions>10.0.0.0/40</exclusions></mailFrom>"
            + "| <mailFrom><exclusions>: malformed CIDR '10.0.0.0/40': prefix must be 0 to 32",
        "<warningHeader>X Guard</warningHeader>| <warningHeader>: invalid header name 'X Guard'",
        "<mail><hasMx><mode>enforce</mode></hasMx></mail>"
            + "| <mail>: unknown element, expected one of <ptr>, <helo>, <mailFrom>, <warningHeader>",
    })
    void aWrongValueIsRefusedNamingTheElement(String xml, String message) {
        assertThatThrownBy(() -> parse(xml)).isInstanceOf(GuardConfigException.class).hasMessage(HANDLER + message);
    }
}
