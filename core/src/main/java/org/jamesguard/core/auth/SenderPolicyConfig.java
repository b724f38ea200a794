package org.jamesguard.core.auth;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jamesguard.core.Mode;
import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.net.Domains;
import org.jamesguard.core.net.ExclusionList;

/**
 * SPEC A1–A10 for one listener, read from its {@code SenderGate} handler element. Every element is
 * optional; defaults are the SPEC's:
 * <pre>{@code
 * <localSenders>                                    <!-- A1: local senders must authenticate -->
 *   <mode>enforce</mode>
 *   <exemptWhenAllRecipientsLocal>false</exemptWhenAllRecipientsLocal>   <!-- A2 -->
 *   <exemptUnknownAccounts>true</exemptUnknownAccounts>                  <!-- A3 -->
 * </localSenders>
 * <localIps><mode>enforce</mode></localIps>         <!-- A4 -->
 * <senderOwnership><mode>enforce</mode></senderOwnership>          <!-- A5 -->
 * <fromOwnership>
 *   <mode>enforce</mode>                            <!-- A6; or stamp-sender -->
 *   <maxHeaderSection>256k</maxHeaderSection>       <!-- H1: 8k to 16m; octets, k (KiB) or m (MiB) -->
 *   <parsersAgree>true</parsersAgree>               <!-- H2 -->
 * </fromOwnership>
 * <ownershipExemptions>news@example.com, *@lists.example.com</ownershipExemptions>   <!-- A7 -->
 * <gateways><exempt>true</exempt><domains>backup.example</domains></gateways>       <!-- A8 -->
 * <privilegedSenders>                               <!-- A9 -->
 *   <mode>enforce</mode>
 *   <localParts>postmaster, abuse, webmaster</localParts>
 * </privilegedSenders>
 * <popBeforeSmtp>                                   <!-- A10 -->
 *   <mode>off</mode><window>30m</window><exemptAuthenticated>true</exemptAuthenticated>
 * </popBeforeSmtp>
 * <caseSensitiveLocalParts>false</caseSensitiveLocalParts>
 * }</pre>
 */
public final class SenderPolicyConfig {
    static final List<String> PRIVILEGED_LOCAL_PARTS = List.of("postmaster", "abuse", "webmaster");
    static final int MAX_HEADER_SECTION = 256 * 1024;
    /** Room for a From field (2 KiB) among the usual fields; at most what James may hold in memory per message. */
    static final int MIN_HEADER_SECTION = 8 * 1024;
    static final int MAX_HEADER_SECTION_LIMIT = 16 * 1024 * 1024;

    final Mode localSenders;
    final boolean exemptWhenAllRecipientsLocal;
    final boolean exemptUnknownAccounts;
    final Mode localIps;
    final Mode senderOwnership;
    final FromOwnershipMode fromOwnership;
    final int maxHeaderSection;
    final boolean parsersAgree;
    final ExclusionList ownershipExemptions;
    final boolean exemptGateways;
    final Set<String> gatewayDomains;
    final Mode privilegedSenders;
    final Set<String> privilegedLocalParts;
    final Mode popBeforeSmtp;
    final Duration popBeforeSmtpWindow;
    final boolean popBeforeSmtpExemptAuthenticated;
    final boolean caseSensitiveLocalParts;

    private SenderPolicyConfig(ConfigReader root) {
        root.allowOnly("localSenders", "localIps", "senderOwnership", "fromOwnership", "ownershipExemptions",
            "gateways", "privilegedSenders", "popBeforeSmtp", "caseSensitiveLocalParts");
        ConfigReader local = root.child("localSenders").allowOnly("mode", "exemptWhenAllRecipientsLocal", "exemptUnknownAccounts");
        localSenders = local.mode("mode", Mode.ENFORCE);
        exemptWhenAllRecipientsLocal = local.bool("exemptWhenAllRecipientsLocal", false);
        exemptUnknownAccounts = local.bool("exemptUnknownAccounts", true);
        localIps = root.child("localIps").allowOnly("mode").mode("mode", Mode.ENFORCE);
        senderOwnership = root.child("senderOwnership").allowOnly("mode").mode("mode", Mode.ENFORCE);
        ConfigReader from = root.child("fromOwnership").allowOnly("mode", "maxHeaderSection", "parsersAgree");
        fromOwnership = from.optionalString("mode").map(value -> from.parse("mode", value, FromOwnershipMode::fromXml))
            .orElse(FromOwnershipMode.ENFORCE);
        from.record("mode", fromOwnership.xmlName());
        maxHeaderSection = from.optionalString("maxHeaderSection")
            .map(value -> from.parse("maxHeaderSection", value, SenderPolicyConfig::headerSectionSize))
            .orElse(MAX_HEADER_SECTION);
        from.record("maxHeaderSection", maxHeaderSection);
        parsersAgree = from.bool("parsersAgree", true);
        caseSensitiveLocalParts = root.bool("caseSensitiveLocalParts", false);
        ownershipExemptions = root.exclusionList("ownershipExemptions", ExclusionList.kinds(ExclusionList.Kind.ADDRESS),
            caseSensitiveLocalParts);
        ConfigReader gateways = root.child("gateways").allowOnly("exempt", "domains");
        exemptGateways = gateways.bool("exempt", true);
        gatewayDomains = Set.copyOf(gateways.list("domains", Domains::normalize));
        ConfigReader privileged = root.child("privilegedSenders").allowOnly("mode", "localParts");
        privilegedSenders = privileged.mode("mode", Mode.ENFORCE);
        List<String> localParts = privileged.strings("localParts");
        privilegedLocalParts = (localParts.isEmpty() ? PRIVILEGED_LOCAL_PARTS : localParts).stream()
            .map(part -> part.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        ConfigReader pop = root.child("popBeforeSmtp").allowOnly("mode", "window", "exemptAuthenticated");
        popBeforeSmtp = pop.mode("mode", Mode.OFF);
        popBeforeSmtpWindow = pop.duration("window", Duration.ofMinutes(30));
        popBeforeSmtpExemptAuthenticated = pop.bool("exemptAuthenticated", true);
    }

    public static SenderPolicyConfig parse(ConfigReader root) {
        return new SenderPolicyConfig(root);
    }

    public static SenderPolicyConfig defaults() {
        return parse(ConfigReader.empty("<handler>"));
    }

    /** H1: how much of the client's header section to read; a section longer than this is refused. */
    public int maxHeaderSection() {
        return maxHeaderSection;
    }

    /** A6 reads the From: header, so the client's header section is needed at the end of DATA. */
    public boolean readsFromHeader() {
        return fromOwnership.mode().isActive();
    }

    /** {@code 262144}, {@code 256k} (KiB) or {@code 1m} (MiB). */
    static int headerSectionSize(String value) {
        String text = value.toLowerCase(Locale.ROOT);
        int unit = text.endsWith("k") ? 1024 : text.endsWith("m") ? 1024 * 1024 : 1;
        String digits = unit == 1 ? text : text.substring(0, text.length() - 1);
        long size;
        try {
            size = Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            size = -1;
        }
        if (size < MIN_HEADER_SECTION || size > MAX_HEADER_SECTION_LIMIT || digits.startsWith("+")) {
            throw new IllegalArgumentException("expected a size from 8k to 16m (octets, or with k for KiB or m for MiB), got '"
                + value + "'");
        }
        return (int) size;
    }

    /** A8 applies: gateway domains are configured and exempt. */
    boolean gatewaysExempt() {
        return exemptGateways && !gatewayDomains.isEmpty();
    }
}
