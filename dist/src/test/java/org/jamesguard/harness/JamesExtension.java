package org.jamesguard.harness;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jamesguard.core.GuardClock;
import org.jamesguard.core.config.GuardSettings;
import org.jamesguard.testing.dns.TestDnsServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Runs a real James 3.8.1 memory server with James Guard in {@code extensions-jars/} for a test
 * class: the sample configuration from james-conf/ with the test's changes, every listener on a free
 * loopback port, domains and users created over WebAdmin. On a test failure, James's log is printed.
 * James Guard's reverse lookups ask a {@link TestDnsServer} of the class ({@link #dns()}, emptied before
 * each test) unless the test configures {@code <dns>} in jamesguard.xml itself, so no test depends on
 * the machine's resolvers. Outside JUnit (benchmarks), {@link #open} and {@link #close} do the same.
 * <pre>{@code
 * @RegisterExtension
 * static JamesExtension james = JamesExtension.builder()
 *     .handler("smtp-mx", "org.jamesguard.hooks.smtp.SomeHandler", "<option>value</option>")
 *     .user("alice@example.test", "secret")
 *     .build();
 * }</pre>
 */
public final class JamesExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, TestWatcher {
    public static final String MX = "smtp-mx";
    public static final String SUBMISSION = "smtp-submission";
    public static final String IMAP = "imap";
    public static final String POP3 = "pop3";
    public static final String DOMAIN = "example.test";
    // named, not loaded: James's WebAdmin classes are not on the tests' class path
    private static final String TEST_CLOCK_ROUTES = "org.jamesguard.webadmin.TestClockRoutes";
    private static final String TEST_CLOCK_PATH = "/guard/testing/clock";

    private final String name;
    private final List<Consumer<ConfDir>> edits;
    private final List<String> domains;
    private final Map<String, String> users;
    private final List<String[]> aliases;
    private final List<String[]> delegations;
    private final List<String> jvmArgs;
    private final Duration dnsTimeout;
    private final String jamesDnsIp;
    private final String dnsSettings;
    private final BuildLayout layout = BuildLayout.fromSystemProperties();
    private TestDnsServer dns;
    private JamesHome home;
    private JamesServer server;

    private JamesExtension(Builder builder) {
        this.name = builder.name;
        this.edits = List.copyOf(builder.edits);
        this.domains = List.copyOf(builder.domains);
        this.users = Map.copyOf(builder.users);
        this.aliases = List.copyOf(builder.aliases);
        this.delegations = List.copyOf(builder.delegations);
        this.jvmArgs = List.copyOf(builder.jvmArgs);
        this.dnsTimeout = builder.dnsTimeout;
        this.jamesDnsIp = builder.jamesDnsIp;
        this.dnsSettings = builder.dnsSettings.toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open(context.getRequiredTestClass().getSimpleName());
    }

    /** Lays out the home in the work directory under {@code dirName} (and the name, if any), starts James. */
    public void open(String dirName) {
        List<Consumer<ConfDir>> all = new ArrayList<>(edits);
        if (jamesDnsIp == null) {
            dns = TestDnsServer.start();
        } else {
            dns = TestDnsServer.startAt(new InetSocketAddress(jamesDnsIp, 53));
            all.add(conf -> conf.write("dnsservice.xml", JamesHome.dnsService(jamesDnsIp)));
        }
        all.add(this::askTheTestDnsServer);
        String dir = dirName + (name.isEmpty() ? "" : "-" + name);
        home = JamesHome.create(layout.workDir().resolve(dir), layout, Map.of(), all, Keystores.shared());
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        dns.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Stops James and its DNS server. */
    public void close() {
        stop();
        dns.close();
    }

    /** Adds {@code <dns>} to jamesguard.xml when the test did not configure a resolver. */
    private void askTheTestDnsServer(ConfDir conf) {
        conf.xml(GuardSettings.FILE, document -> {
            Element root = document.getDocumentElement();
            if (ConfDir.child(root, "dns").isEmpty()) {
                ConfDir.fragment(document, "<dns><server>" + dns.address().getAddress().getHostAddress() + ":" + dns.port() + "</server><timeout>"
                    + dnsTimeout.toMillis() + "ms</timeout><retries>0</retries>" + dnsSettings + "</dns>").forEach(root::appendChild);
            }
        });
    }

    /** The DNS server James Guard asks; records and faults set here hold until the next test. */
    public TestDnsServer dns() {
        return dns;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (server != null) {
            System.err.println("---- James log of " + context.getDisplayName() + " (" + server.logFile() + "), last 150 lines:");
            System.err.println(server.logTail(150));
            System.err.println("---- end of James log");
        }
    }

    /** Starts James from the existing home (after {@link #stop()}), recreating domains and users. */
    public void start() {
        server = JamesServer.start(home, layout, jvmArgs);
        WebAdmin webAdmin = webAdmin();
        domains.forEach(webAdmin::createDomain);
        users.forEach(webAdmin::createUser);
        aliases.forEach(alias -> webAdmin.put("/address/aliases/" + alias[1] + "/sources/" + alias[0]).expect(204));
        delegations.forEach(delegation -> webAdmin.put("/users/" + delegation[0] + "/authorizedUsers/" + delegation[1]).expect(200));
    }

    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public void restart() {
        stop();
        start();
    }

    public JamesHome home() {
        return home;
    }

    public JamesServer server() {
        return server;
    }

    public int port(String listener) {
        return home.port(listener);
    }

    public WebAdmin webAdmin() {
        return new WebAdmin(home.webAdminPort());
    }

    /** An SMTP connection to {@code listener} from {@code sourceIp} (any 127.x.y.z). */
    public SmtpClient smtp(String listener, String sourceIp) {
        return SmtpClient.connect(home.port(listener), sourceIp);
    }

    /** An SMTP connection to {@code listener} on ::1 (see {@link Builder#ipv6Loopback}) from {@code sourceIp}. */
    public SmtpClient smtpIpv6(String listener, String sourceIp) {
        return SmtpClient.connectIpv6(home.port(listener), sourceIp);
    }

    /** An SMTP connection to a PROXY-protocol listener, claiming to come from {@code claimedIp}. */
    public SmtpClient smtpViaProxy(String listener, String sourceIp, String claimedIp) {
        return SmtpClient.connectViaProxy(home.port(listener), sourceIp, claimedIp);
    }

    public Mailbox imap(String user, String password) {
        return Mailbox.imap(home.port(IMAP), user, password);
    }

    /** The tagged reply, without its tag, to the last command {@code dialogue} sends on a new IMAP connection. */
    public String imapReply(org.apache.commons.net.imap.IMAPClient client, ImapExchange.Dialogue dialogue) {
        return ImapExchange.taggedReply(home.port(IMAP), client, dialogue);
    }

    public Mailbox pop3(String user, String password) {
        return Mailbox.pop3(home.port(POP3), user, password);
    }

    /** An SMTP session on {@code listener} from {@code sourceIp}, logged in as {@code user} (see {@link SmtpClient#login}). */
    public SmtpClient loggedIn(String listener, String sourceIp, String user, String password) {
        SmtpClient client = smtp(listener, sourceIp);
        SmtpReply reply = client.login(user, password);
        if (reply.code() != 235) {
            client.close();
            throw new AssertionError("login as " + user + " failed: " + reply);
        }
        return client;
    }

    /** Moves James Guard's clock forward (see {@link Builder#testClock}) and returns the time it shows now. */
    public Instant advanceClock(Duration amount) {
        return Instant.parse(webAdmin().post(TEST_CLOCK_PATH + "?advance=" + amount, "").expect(200).json()
            .get("now").asText());
    }

    public String log() {
        return server.log();
    }

    /** Whether James accepted and queued the message with this Message-ID (it logs it before answering 250). */
    public boolean spooled(String messageId) {
        return log().contains("with messageId " + messageId);
    }

    public Path logFile() {
        return server.logFile();
    }

    public static final class Builder {
        private String name = "";
        private final List<Consumer<ConfDir>> edits = new ArrayList<>();
        private final List<String> domains = new ArrayList<>();
        private final Map<String, String> users = new LinkedHashMap<>();
        private final List<String[]> aliases = new ArrayList<>();
        private final List<String[]> delegations = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>(JamesServer.QUICK_START);
        private Duration dnsTimeout = Duration.ofSeconds(1);
        private String jamesDnsIp;
        private final StringBuilder dnsSettings = new StringBuilder();

        /** Distinguishes two servers of one test class (their homes). */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** Adds a listener configured like {@code source} (handlers included), on its own port. */
        public Builder cloneListener(String source, String jmxName) {
            edits.add(conf -> conf.cloneListener(source, jmxName));
            return this;
        }

        /** Adds or replaces a handler of {@code listener}'s chain, with its configuration elements. */
        public Builder handler(String listener, String handlerClass, String configXml) {
            edits.add(conf -> conf.listener(listener, element -> ConfDir.handler(element, handlerClass, configXml)));
            return this;
        }

        /** {@code listener} also listens on ::1, on the same port ({@link JamesExtension#smtpIpv6}). */
        public Builder ipv6Loopback(String listener) {
            return listenerElement(listener, "bind", "127.0.0.1:0," + JamesHome.IPV6_LOOPBACK + ":0");
        }

        public Builder removeHandler(String listener, String handlerClass) {
            edits.add(conf -> conf.listener(listener, element -> ConfDir.removeHandler(element, handlerClass)));
            return this;
        }

        /** Sets an element of a listener, e.g. {@code ("smtp-mx", "auth/announce", "always")}. */
        public Builder listenerElement(String listener, String path, String value) {
            edits.add(conf -> conf.listener(listener, element -> ConfDir.setText(element, path, value)));
            return this;
        }

        /** Replaces a whole configuration file. */
        public Builder confFile(String fileName, String content) {
            edits.add(conf -> conf.write(fileName, content));
            return this;
        }

        public Builder property(String fileName, String key, String value) {
            edits.add(conf -> conf.property(fileName, key, value));
            return this;
        }

        public Builder xml(String fileName, Consumer<Document> edit) {
            edits.add(conf -> conf.xml(fileName, edit));
            return this;
        }

        public Builder conf(Consumer<ConfDir> edit) {
            edits.add(edit);
            return this;
        }

        /** A domain besides example.test (which domainlist.xml creates). */
        public Builder domain(String domain) {
            domains.add(domain);
            return this;
        }

        public Builder user(String address, String password) {
            users.put(address, password);
            return this;
        }

        /** A James alias: mail to {@code source} goes to {@code destination}, which may send as it. */
        public Builder alias(String source, String destination) {
            aliases.add(new String[] {source, destination});
            return this;
        }

        /** A James delegation: {@code authorizedUser} may act as {@code owner}. */
        public Builder delegation(String owner, String authorizedUser) {
            delegations.add(new String[] {owner, authorizedUser});
            return this;
        }

        /** Adds a JVM option to {@link JamesServer#QUICK_START} (or to those of {@link #jvmOptions}). */
        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        /**
         * James Guard's clock moves forward when the test says so ({@link JamesExtension#advanceClock}), so freezes,
         * tokens and screen entries expire without waiting: James runs with {@code -Djamesguard.testing.clock=true}
         * and WebAdmin's {@code TestClockRoutes}. The SMTP and POP3 hooks' own windows keep James's clock.
         */
        public Builder testClock() {
            jvmArgs.add("-D" + GuardClock.TEST_PROPERTY + "=true");
            edits.add(conf -> conf.property("webadmin.properties", "extensions.routes",
                ConfDir.propertyValue(conf.read("webadmin.properties"), "extensions.routes") + "," + TEST_CLOCK_ROUTES));
            return this;
        }

        /** Replaces {@link JamesServer#QUICK_START}: benchmarks run James with its full JIT. */
        public Builder jvmOptions(List<String> options) {
            jvmArgs.clear();
            jvmArgs.addAll(options);
            return this;
        }

        /**
         * James's own resolver (dnsservice.xml, which cannot be given a port) asks the test DNS server too:
         * it listens on port 53 of {@code loopbackIp}, e.g. 127.0.53.53. Needs the right to bind port 53.
         */
        public Builder jamesDns(String loopbackIp) {
            this.jamesDnsIp = loopbackIp;
            return this;
        }

        /** How long James Guard waits for each answer of {@link #dns()} (default 1 s, no retry). */
        public Builder dnsTimeout(Duration value) {
            this.dnsTimeout = value;
            return this;
        }

        /** Adds an element to the {@code <dns>} that asks {@link #dns()}, e.g. {@code ("maxQuestionsInFlight", "3")}. */
        public Builder dnsSetting(String element, String value) {
            dnsSettings.append('<').append(element).append('>').append(value).append("</").append(element).append('>');
            return this;
        }

        public JamesExtension build() {
            return new JamesExtension(this);
        }
    }
}
