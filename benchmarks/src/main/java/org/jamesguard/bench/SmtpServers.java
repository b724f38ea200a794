package org.jamesguard.bench;

import java.util.ArrayList;
import java.util.List;

import org.jamesguard.harness.ConfDir;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.testing.dns.TestDnsServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The two James 3.8.1 servers the SMTP benchmarks compare, built from the sample configuration (james-conf/)
 * with our jar in both and run with James's full JIT:
 * <ul>
 *   <li><b>guard</b>: the sample as it is, every check on; hijack limits out of reach, so nothing is refused;</li>
 *   <li><b>plain</b>: the same without James Guard's handlers and mailets, plus a listener with James's own
 *       DNS checks ({@code ResolvableEhloHeloHandler}, {@code ValidSenderDomainHandler}), whose resolver
 *       asks the test DNS server on 127.0.53.53:53.</li>
 * </ul>
 * Both have a listener {@value #AUTH} like submission but without TLS, so the load generator measures SMTP and
 * our checks rather than TLS handshakes, and the same users. Both drop messages where LocalDelivery would store
 * them: the memory server's mailbox slows down as one mailbox grows, which would measure that, not SMTP.
 */
final class SmtpServers implements AutoCloseable {
    static final String MX = JamesExtension.MX;
    static final String AUTH = "smtp-auth";
    static final String JAMES_DNS = "smtp-james-dns";
    static final String RECIPIENT = "bob@example.test";
    static final String PASSWORD = "bench-pw";
    private static final String GUARD_PACKAGE = "org.jamesguard.";
    private static final String JAMES_DNS_SERVER = "127.0.53.53";
    private static final List<String> JVM = List.of("-Xms1g", "-Xmx1g");

    final JamesExtension plain;
    final JamesExtension guard;

    private SmtpServers(JamesExtension plain, JamesExtension guard) {
        this.plain = plain;
        this.guard = guard;
    }

    static SmtpServers start(int senders) {
        JamesExtension plain = common(JamesExtension.builder().name("plain"), senders)
            .cloneListener(MX, JAMES_DNS)
            .conf(SmtpServers::withoutGuard)
            .handler(JAMES_DNS, "org.apache.james.smtpserver.fastfail.ResolvableEhloHeloHandler", "")
            .handler(JAMES_DNS, "org.apache.james.smtpserver.fastfail.ValidSenderDomainHandler", "")
            .jamesDns(JAMES_DNS_SERVER)
            .build();
        JamesExtension guard = common(JamesExtension.builder().name("guard"), senders).build();
        plain.open("bench");
        try {
            guard.open("bench");
        } catch (RuntimeException e) {
            plain.close();
            throw e;
        }
        return new SmtpServers(plain, guard);
    }

    private static JamesExtension.Builder common(JamesExtension.Builder builder, int senders) {
        builder.jvmOptions(JVM);
        if (Boolean.getBoolean("bench.jfr")) {
            // to see where the time goes: jfr print --events jdk.ExecutionSample <home>/logs/james.jfr
            builder.jvmArg("-XX:StartFlightRecording=dumponexit=true,filename=logs/james.jfr,settings=profile,jdk.ExecutionSample#period=2ms");
        }
        builder
            .cloneListener("smtp-submission", AUTH)
            .conf(conf -> conf.listener(AUTH, listener -> {
                ConfDir.child(listener, "tls").orElseThrow().setAttribute("startTLS", "false");
                ConfDir.setText(listener, "auth/requireSSL", "false");
            }))
            .conf(conf -> conf.xml("jamesguard.xml", document -> {
                Element limits = ConfDir.child(ConfDir.child(document.getDocumentElement(), "hijack").orElseThrow(), "limits")
                    .orElseThrow();
                limits.getParentNode().replaceChild(ConfDir.fragment(document, HijackState.UNREACHABLE_LIMITS).get(0), limits);
            }))
            .conf(conf -> conf.xml("mailetcontainer.xml", document -> mailets(document).stream()
                .filter(mailet -> mailet.getAttribute("class").equals("LocalDelivery"))
                .forEach(mailet -> mailet.setAttribute("class", "Null"))))
            .user(RECIPIENT, PASSWORD);
        for (int i = 0; i < senders; i++) {
            builder.user(sender(i), PASSWORD);
        }
        return builder;
    }

    /** Every James Guard handler and mailet taken out; the rest of the sample stays as it is. */
    private static void withoutGuard(ConfDir conf) {
        conf.xml("smtpserver.xml", document -> ConfDir.children(document.getDocumentElement()).forEach(listener ->
            ConfDir.child(listener, "handlerchain").ifPresent(chain -> ConfDir.children(chain).stream()
                .filter(handler -> handler.getAttribute("class").startsWith(GUARD_PACKAGE))
                .forEach(chain::removeChild))));
        conf.xml("mailetcontainer.xml", document -> mailets(document).stream()
            .filter(mailet -> mailet.getAttribute("class").startsWith(GUARD_PACKAGE)
                || mailet.getAttribute("match").startsWith(GUARD_PACKAGE))
            .forEach(mailet -> mailet.getParentNode().removeChild(mailet)));
    }

    private static List<Element> mailets(Document mailetContainer) {
        List<Element> mailets = new ArrayList<>();
        for (Element processor : ConfDir.children(ConfDir.child(mailetContainer.getDocumentElement(), "processors").orElseThrow())) {
            mailets.addAll(ConfDir.children(processor));
        }
        return mailets;
    }

    static String sender(int client) {
        return "sender" + client + "@example.test";
    }

    /** Both servers' DNS servers: each answers its server's lookups. */
    List<TestDnsServer> dnsServers() {
        return List.of(plain.dns(), guard.dns());
    }

    @Override
    public void close() {
        try {
            guard.close();
        } finally {
            plain.close();
        }
    }
}
