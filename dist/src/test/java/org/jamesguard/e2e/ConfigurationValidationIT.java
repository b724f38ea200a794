package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jamesguard.harness.BuildLayout;
import org.jamesguard.harness.ConfDir;
import org.jamesguard.harness.JamesHome;
import org.jamesguard.harness.JamesServer;
import org.jamesguard.harness.Keystores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * A wrong value stops James's start, with a message naming the element and what is allowed; so does a damaged
 * state file, named, with no good version left.
 */
class ConfigurationValidationIT {
    private static final BuildLayout LAYOUT = BuildLayout.fromSystemProperties();

    static Stream<Arguments> badConfigurations() {
        return Stream.of(
            Arguments.of("unknown store backend",
                jamesGuardXml("<store><backend>mongo</backend></store>"),
                "jamesguard.xml: <jamesguard><store><backend>: expected memory, file or redis, got 'mongo'"),
            Arguments.of("redis store without uri",
                jamesGuardXml("<store><backend>redis</backend></store>"),
                "jamesguard.xml: <jamesguard><store><redis><uri>: required with <backend>redis</backend>, e.g. redis://127.0.0.1:6379"),
            Arguments.of("damaged state file",
                stateFile("freezes.state", "jamesguard-state 1 freezes 4000 0badc0de\n{\"freezes\":[{\"acc"),
                "freezes.state: it is damaged (truncated: 17 bytes of 4000), and the previous version "),
            Arguments.of("malformed trusted CIDR",
                jamesGuardXml("<trustedIps>10.0.0.0/33</trustedIps>"),
                "jamesguard.xml: <jamesguard><trustedIps>: malformed CIDR '10.0.0.0/33': prefix must be 0 to 32"),
            Arguments.of("unknown element",
                jamesGuardXml("<reportonly>true</reportonly>"),
                "jamesguard.xml: <jamesguard><reportonly>: unknown element, expected one of <reportOnly>, <trustedIps>, <network>, <store>, <dns>, <hijack>"),
            Arguments.of("not a boolean",
                jamesGuardXml("<reportOnly>maybe</reportOnly>"),
                "jamesguard.xml: <jamesguard><reportOnly>: expected true or false, got 'maybe'"),
            Arguments.of("malformed LAN CIDR",
                jamesGuardXml("<network><lanIps>192.168.0.0/16, 10.0.0/8</lanIps></network>"),
                "jamesguard.xml: <jamesguard><network><lanIps>: not an IP address: '10.0.0'"),
            Arguments.of("unknown sender gate mode",
                handler("org.jamesguard.hooks.smtp.SenderGate", "<localSenders><mode>strict</mode></localSenders>"),
                "<handler class=\"org.jamesguard.hooks.smtp.SenderGate\"><localSenders><mode>: expected off, report-only or enforce, got 'strict'"),
            Arguments.of("unknown From mode",
                handler("org.jamesguard.hooks.smtp.SenderGate", "<fromOwnership><mode>stamp</mode></fromOwnership>"),
                "<handler class=\"org.jamesguard.hooks.smtp.SenderGate\"><fromOwnership><mode>: expected off, report-only, enforce or stamp-sender, got 'stamp'"),
            Arguments.of("header section limit out of range",
                handler("org.jamesguard.hooks.smtp.SenderGate", "<fromOwnership><maxHeaderSection>2k</maxHeaderSection></fromOwnership>"),
                "<handler class=\"org.jamesguard.hooks.smtp.SenderGate\"><fromOwnership><maxHeaderSection>: "
                    + "expected a size from 8k to 16m (octets, or with k for KiB or m for MiB), got '2k'"),
            // James appends its core handlers after every <handler>, so only one named explicitly can come first.
            Arguments.of("James's Received filter ahead of SenderGate",
                (Consumer<ConfDir>) conf -> conf.listener("smtp-submission", listener -> {
                    Element chain = ConfDir.child(listener, "handlerchain").orElseThrow();
                    Element received = listener.getOwnerDocument().createElement("handler");
                    received.setAttribute("class", "org.apache.james.protocols.smtp.core.ReceivedDataLineFilter");
                    chain.insertBefore(received, chain.getFirstChild());
                }),
                "org.jamesguard.hooks.smtp.SenderGate must come before org.apache.james.protocols.smtp.core.ReceivedDataLineFilter in the <handlerchain>"),
            Arguments.of("negative count",
                handler("org.jamesguard.hooks.smtp.AuthGate", "<failedAuth><limit>-1</limit></failedAuth>"),
                "<handler class=\"org.jamesguard.hooks.smtp.AuthGate\"><failedAuth><limit>: expected a number of at least 1, got -1"),
            Arguments.of("exemption that is no address",
                handler("org.jamesguard.hooks.smtp.SenderGate", "<ownershipExemptions>news.example.test</ownershipExemptions>"),
                "<handler class=\"org.jamesguard.hooks.smtp.SenderGate\"><ownershipExemptions>: 'news.example.test' is not allowed here: this list takes addresses, *@domain and *@*.domain"),
            Arguments.of("resolver named by host name",
                jamesGuardXml("<dns><server>resolver.example.com</server></dns>"),
                "jamesguard.xml: <jamesguard><dns><server>: expected an IP address with an optional port, got 'resolver.example.com'"),
            Arguments.of("test clock outside tests",
                (Consumer<ConfDir>) conf -> conf.property("webadmin.properties", "extensions.routes",
                    ConfDir.propertyValue(conf.read("webadmin.properties"), "extensions.routes") + ",org.jamesguard.webadmin.TestClockRoutes"),
                "org.jamesguard.webadmin.TestClockRoutes moves James Guard's clock and is for tests only: remove it from"
                    + " webadmin.properties' extensions.routes"),
            Arguments.of("unknown reverse-lookup mode",
                handler("org.jamesguard.hooks.smtp.ReverseLookupGate", "<ptr><exists><mode>strict</mode></exists></ptr>"),
                "<handler class=\"org.jamesguard.hooks.smtp.ReverseLookupGate\"><ptr><exists><mode>: "
                    + "expected off, report-only or enforce, got 'strict'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigurations")
    void badValueStopsJamesWithAMessageNamingTheElement(String name, Consumer<ConfDir> edit, String message) {
        JamesHome home = JamesHome.create(LAYOUT.workDir().resolve("ConfigurationValidationIT-" + name.replace(' ', '-')),
            LAYOUT, Map.of(), List.of(edit), Keystores.shared());

        assertThatThrownBy(() -> JamesServer.start(home, LAYOUT, JamesServer.QUICK_START).close())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("James did not start")
            .hasMessageContaining(message);
        assertThat(home.log()).content().contains(message);
    }

    private static Consumer<ConfDir> handler(String handlerClass, String configXml) {
        return conf -> conf.listener("smtp-submission", listener -> ConfDir.handler(listener, handlerClass, configXml));
    }

    /** A file store state file in the James home, as a crash or a full disk might have left it. */
    private static Consumer<ConfDir> stateFile(String name, String content) {
        return conf -> {
            try {
                Path directory = Files.createDirectories(conf.dir().resolveSibling("var/jamesguard"));
                Files.writeString(directory.resolve(name), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static Consumer<ConfDir> jamesGuardXml(String content) {
        return conf -> conf.write("jamesguard.xml", "<?xml version=\"1.0\"?>\n<jamesguard>" + content + "</jamesguard>\n");
    }
}
