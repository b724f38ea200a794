package org.jamesguard.core.hijack;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.jamesguard.core.Mode;
import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.net.AddressPattern;
import org.jamesguard.core.net.EmailAddress;
import org.jamesguard.core.net.ExclusionList;

import com.google.common.collect.ImmutableMap;

/**
 * SPEC §3 (C1–C10), read from {@code <hijack>} in {@code jamesguard.xml}: limits are per account, so they
 * are the same on every listener and protocol. Every element is optional; defaults are the SPEC's:
 * <pre>{@code
 * <hijack>
 *   <limits>
 *     <mode>enforce</mode>
 *     <reserved><max>1000</max><window>60m</window></reserved>                          <!-- C1 -->
 *     <local><max>1000</max><window>60m</window><includeLan>true</includeLan></local>  <!-- C2, C3 -->
 *     <other><max>100</max><window>60m</window></other>                                 <!-- C4 -->
 *   </limits>
 *   <reply>5xx</reply>                              <!-- C6: 5xx or 4xx -->
 *   <freezeOnLimit>false</freezeOnLimit>            <!-- C7 -->
 *   <distinctIps><mode>off</mode><max>10</max><window>60m</window><per>address</per></distinctIps>  <!-- C5 -->
 *   <rcptFailures><mode>off</mode><max>20</max><window>10m</window></rcptFailures>                  <!-- C8 -->
 *   <exclusions>newsletters@example.com, *@newsletters.example.com</exclusions>                     <!-- C9 -->
 *   <count>messages</count>                         <!-- C10: messages or recipients -->
 *   <freezeExpiry>off</freezeExpiry>                <!-- or a duration: freezes lift themselves -->
 *   <notice>
 *     <to>postmaster</to>                           <!-- postmaster@ of the account's domain, or an address -->
 *     <admins>admin@example.com</admins>            <!-- may also unfreeze by replying -->
 *     <tokenValidity>7d</tokenValidity>
 *     <secret>base64 of at least 32 bytes</secret>  <!-- default: generated once and kept -->
 *   </notice>
 * </hijack>
 * }</pre>
 */
public final class HijackConfig {
    /** {@code <reply>}: whether a limit refuses with 5xx or 4xx (not {@link org.jamesguard.core.Reply}, the wire reply). */
    public enum LimitReply { PERMANENT, TEMPORARY }

    public enum Counting { MESSAGES, RECIPIENTS }

    /** C5: count distinct addresses, or distinct /24 (IPv4) and /64 (IPv6) networks. */
    public enum DistinctPer { ADDRESS, NETWORK }

    /** One limit: at most {@code max} within {@code window}. */
    public static final class Limit {
        final int max;
        final Duration window;

        Limit(int max, Duration window) {
            this.max = max;
            this.window = window;
        }

        public int max() {
            return max;
        }

        public Duration window() {
            return window;
        }

        static Limit parse(ConfigReader reader, int defaultMax, Duration defaultWindow) {
            return new Limit(reader.integer("max", 1, defaultMax), reader.duration("window", defaultWindow));
        }
    }

    final Mode limitsMode;
    final Limit reserved;
    final Limit local;
    final boolean localIncludesLan;
    final Limit other;
    final LimitReply reply;
    final boolean freezeOnLimit;
    final Mode distinctIpsMode;
    final Limit distinctIps;
    final DistinctPer distinctPer;
    final Mode rcptFailuresMode;
    final Limit rcptFailures;
    final ExclusionList exclusions;
    final Counting counting;
    final Optional<Duration> freezeExpiry;
    final String noticeTo;
    final List<AddressPattern> admins;
    final Duration tokenValidity;
    final Optional<byte[]> secret;

    private HijackConfig(ConfigReader root) {
        root.allowOnly("limits", "reply", "freezeOnLimit", "distinctIps", "rcptFailures", "exclusions", "count",
            "freezeExpiry", "notice");
        ConfigReader limits = root.child("limits").allowOnly("mode", "reserved", "local", "other");
        limitsMode = limits.mode("mode", Mode.ENFORCE);
        reserved = Limit.parse(limits.child("reserved").allowOnly("max", "window"), 1000, Duration.ofMinutes(60));
        ConfigReader localReader = limits.child("local").allowOnly("max", "window", "includeLan");
        local = Limit.parse(localReader, 1000, Duration.ofMinutes(60));
        localIncludesLan = localReader.bool("includeLan", true);
        other = Limit.parse(limits.child("other").allowOnly("max", "window"), 100, Duration.ofMinutes(60));
        reply = root.oneOf("reply", ImmutableMap.of("5xx", LimitReply.PERMANENT, "4xx", LimitReply.TEMPORARY),
            LimitReply.PERMANENT);
        freezeOnLimit = root.bool("freezeOnLimit", false);
        ConfigReader distinct = root.child("distinctIps").allowOnly("mode", "max", "window", "per");
        distinctIpsMode = distinct.mode("mode", Mode.OFF);
        distinctIps = Limit.parse(distinct, 10, Duration.ofMinutes(60));
        distinctPer = distinct.oneOf("per", ImmutableMap.of("address", DistinctPer.ADDRESS, "network", DistinctPer.NETWORK),
            DistinctPer.ADDRESS);
        ConfigReader rcpt = root.child("rcptFailures").allowOnly("mode", "max", "window");
        rcptFailuresMode = rcpt.mode("mode", Mode.OFF);
        rcptFailures = Limit.parse(rcpt, 20, Duration.ofMinutes(10));
        exclusions = root.exclusionList("exclusions", ExclusionList.kinds(ExclusionList.Kind.ADDRESS), false);
        counting = root.oneOf("count", ImmutableMap.of("messages", Counting.MESSAGES, "recipients", Counting.RECIPIENTS),
            Counting.MESSAGES);
        freezeExpiry = root.optionalString("freezeExpiry").filter(value -> !value.equalsIgnoreCase("off"))
            .map(value -> root.duration("freezeExpiry", null));
        if (freezeExpiry.isEmpty()) {
            root.record("freezeExpiry", "off");
        }
        ConfigReader notice = root.child("notice").allowOnly("to", "admins", "tokenValidity", "secret");
        noticeTo = notice.parse("to", notice.string("to", "postmaster"), HijackConfig::noticeAddress);
        admins = notice.list("admins", AddressPattern::parse);
        tokenValidity = notice.duration("tokenValidity", Duration.ofDays(7));
        secret = notice.optionalString("secret").map(value -> notice.parse("secret", value, HijackConfig::secret));
        notice.record("secret", secret.isPresent() ? "(configured, not shown)" : "(generated and kept in the James home)");
    }

    public static HijackConfig parse(ConfigReader root) {
        return new HijackConfig(root);
    }

    public static HijackConfig defaults() {
        return parse(ConfigReader.empty("<hijack>"));
    }

    private static String noticeAddress(String value) {
        if (value.equalsIgnoreCase("postmaster")) {
            return "postmaster";
        }
        EmailAddress.parse(value);
        return value;
    }

    static byte[] secret(String value) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected base64, got an undecodable value");
        }
        if (bytes.length < 32) {
            throw new IllegalArgumentException("expected at least 32 bytes of base64, got " + bytes.length);
        }
        return bytes;
    }

    /** The configured unfreeze secret; when absent the module generates one and keeps it. */
    public Optional<byte[]> secret() {
        return secret.map(byte[]::clone);
    }

    public Duration tokenValidity() {
        return tokenValidity;
    }

    /** Where the freeze notice of an account of {@code domain} goes. */
    public EmailAddress noticeRecipient(String domain) {
        return noticeTo.equals("postmaster") ? EmailAddress.of("postmaster", domain) : EmailAddress.parse(noticeTo);
    }

    /** Administrators besides postmaster@ of the account's domain may unfreeze by replying. */
    public boolean isAdmin(EmailAddress address) {
        return admins.stream().anyMatch(pattern -> pattern.matches(address, false));
    }

    public Optional<Duration> freezeExpiry() {
        return freezeExpiry;
    }
}
