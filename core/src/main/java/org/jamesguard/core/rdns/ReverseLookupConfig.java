package org.jamesguard.core.rdns;

import java.util.Map;

import org.jamesguard.core.Header;
import org.jamesguard.core.Mode;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Reply;
import org.jamesguard.core.config.ConfigReader;
import org.jamesguard.core.net.ExclusionList;
import org.jamesguard.core.net.ExclusionList.Kind;

import com.google.common.collect.ImmutableMap;

/**
 * SPEC B1–B13 for one listener, read from its {@code ReverseLookupGate} handler element. Every element
 * is optional; defaults are the SPEC's. A check in {@code report-only} mode only adds its warning header,
 * which is what the SPEC calls "a warning header only":
 * <pre>{@code
 * <ptr>
 *   <lookup>true</lookup>                                          <!-- B1: PTR lookup, Authentication-Results -->
 *   <exists><mode>report-only</mode></exists>                      <!-- B2: enforce = 501 5.7.25 and close -->
 *   <forwardConfirmed><mode>report-only</mode></forwardConfirmed>  <!-- B3: enforce = 501 5.7.25 and close -->
 *   <exemptAuthenticated>true</exemptAuthenticated>                <!-- B4: decide at MAIL, not at HELO -->
 *   <exclusions>192.0.2.0/24</exclusions>                          <!-- B5: IPs, CIDRs -->
 * </ptr>
 * <helo>
 *   <resolvesToClient><mode>report-only</mode></resolvesToClient>  <!-- B6; B7: enforce = 501 5.7.1 and close -->
 *   <exists><mode>off</mode><reply>451</reply><close>false</close></exists>   <!-- B8: 451 4.1.8 or 501 5.1.8 -->
 *   <exemptAuthenticated>true</exemptAuthenticated>                <!-- B9 -->
 *   <exclusions>192.0.2.7, mail.example.com, *.example.net</exclusions>      <!-- B9: IPs, CIDRs, hosts -->
 * </helo>
 * <mailFrom>
 *   <resolvesToClient><mode>report-only</mode></resolvesToClient>  <!-- B10: enforce = 501 5.7.1 and close -->
 *   <hasMx><mode>off</mode></hasMx>                                <!-- B11: 550 5.1.8; null MX 550 5.7.27 -->
 *   <exists><mode>off</mode><reply>451</reply><close>false</close></exists>   <!-- B12: 451 4.1.8 or 501 5.1.8 -->
 *   <exemptAuthenticated>true</exemptAuthenticated>                <!-- B13 -->
 *   <exclusions>192.0.2.7, example.com, *.example.com</exclusions> <!-- B13: IPs, CIDRs, domains -->
 * </mailFrom>
 * <warningHeader>X-Guard-Reverse-Lookup</warningHeader>
 * }</pre>
 */
public final class ReverseLookupConfig {
    public static final String DEFAULT_WARNING_HEADER = "X-Guard-Reverse-Lookup";
    private static final Map<String, Boolean> PERMANENT = ImmutableMap.of("451", false, "501", true);

    final boolean ptrLookup;
    final Mode ptrExists;
    final Mode forwardConfirmed;
    final boolean ptrExemptAuthenticated;
    final ExclusionList ptrExclusions;
    final Mode heloResolvesToClient;
    final NotFoundRule heloExists;
    final boolean heloExemptAuthenticated;
    final ExclusionList heloExclusions;
    final Mode mailResolvesToClient;
    final Mode mailHasMx;
    final NotFoundRule mailExists;
    final boolean mailExemptAuthenticated;
    final ExclusionList mailExclusions;
    final LookupVerdicts verdicts;

    private ReverseLookupConfig(ConfigReader root) {
        root.allowOnly("ptr", "helo", "mailFrom", "warningHeader");
        ConfigReader ptr = root.child("ptr").allowOnly("lookup", "exists", "forwardConfirmed", "exemptAuthenticated", "exclusions");
        ptrLookup = ptr.bool("lookup", true);
        ptrExists = ptrCheck(ptr, "exists");
        forwardConfirmed = ptrCheck(ptr, "forwardConfirmed");
        ptrExemptAuthenticated = ptr.bool("exemptAuthenticated", true);
        ptrExclusions = ptr.exclusionList("exclusions", ExclusionList.kinds(Kind.IP), false);

        ConfigReader helo = root.child("helo").allowOnly("resolvesToClient", "exists", "exemptAuthenticated", "exclusions");
        heloResolvesToClient = mode(helo, "resolvesToClient", Mode.REPORT_ONLY);
        heloExists = notFound(helo, Replies.HELO_NOT_FOUND, Replies.HELO_NOT_FOUND_PERMANENT);
        heloExemptAuthenticated = helo.bool("exemptAuthenticated", true);
        heloExclusions = helo.exclusionList("exclusions", ExclusionList.kinds(Kind.IP, Kind.HOST), false);

        ConfigReader mail = root.child("mailFrom").allowOnly("resolvesToClient", "hasMx", "exists", "exemptAuthenticated", "exclusions");
        mailResolvesToClient = mode(mail, "resolvesToClient", Mode.REPORT_ONLY);
        mailHasMx = mode(mail, "hasMx", Mode.OFF);
        mailExists = notFound(mail, Replies.SENDER_DOMAIN_NOT_FOUND, Replies.SENDER_DOMAIN_NOT_FOUND_PERMANENT);
        mailExemptAuthenticated = mail.bool("exemptAuthenticated", true);
        mailExclusions = mail.exclusionList("exclusions", ExclusionList.kinds(Kind.IP, Kind.HOST), false);

        verdicts = new LookupVerdicts(root.parse("warningHeader", root.string("warningHeader", DEFAULT_WARNING_HEADER),
            name -> Header.of(name, "").name()));
    }

    public static ReverseLookupConfig parse(ConfigReader root) {
        return new ReverseLookupConfig(root);
    }

    public static ReverseLookupConfig defaults() {
        return parse(ConfigReader.empty("<handler>"));
    }

    /** B2 and B3 read the PTR lookup: without it (B1 off) they are off, and asking for them is an error. */
    private Mode ptrCheck(ConfigReader ptr, String element) {
        Mode mode = mode(ptr, element, Mode.REPORT_ONLY);
        if (ptrLookup) {
            return mode;
        }
        if (mode.isActive() && ptr.child(element).has("mode")) {
            throw ptr.error(element, "needs <lookup>true</lookup>, the PTR lookup it checks");
        }
        ptr.child(element).record("mode", Mode.OFF.xmlName());
        return Mode.OFF;
    }

    private static Mode mode(ConfigReader parent, String element, Mode defaultMode) {
        return parent.child(element).allowOnly("mode").mode("mode", defaultMode);
    }

    private static NotFoundRule notFound(ConfigReader parent, Reply temporary, Reply permanent) {
        ConfigReader exists = parent.child("exists").allowOnly("mode", "reply", "close");
        boolean permanentReply = exists.oneOf("reply", PERMANENT, false);
        return new NotFoundRule(exists.mode("mode", Mode.OFF), permanentReply ? permanent : temporary,
            exists.bool("close", false));
    }

    boolean checksHelo() {
        return heloResolvesToClient.isActive() || heloExists.mode().isActive();
    }

    boolean checksMailFrom() {
        return mailResolvesToClient.isActive() || mailHasMx.isActive() || mailExists.mode().isActive();
    }
}
