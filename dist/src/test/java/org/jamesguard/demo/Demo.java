package org.jamesguard.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jamesguard.harness.BuildLayout;
import org.jamesguard.harness.JamesHome;
import org.jamesguard.harness.JamesServer;
import org.jamesguard.harness.Keystores;
import org.jamesguard.harness.WebAdmin;

/**
 * The demo behind {@code ./demo.sh}: James 3.8.1 (memory server) with James Guard, on loopback, with
 * the domain example.test and three users; prints what to try and runs until Ctrl-C. The home is laid
 * out exactly as the end-to-end tests lay theirs out, from james-conf/.
 * <p>Ports can be moved with the environment variables SMTP_PORT, SUBMISSION_PORT, IMAP_PORT,
 * POP3_PORT and WEBADMIN_PORT; the home with DEMO_HOME.
 */
public final class Demo {
    public static final String READY = "Ctrl-C stops James.";
    static final Map<String, String> USERS = users();

    private Demo() {
    }

    private static Map<String, String> users() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("alice@example.test", "alice-demo-pw");
        users.put("bob@example.test", "bob-demo-pw");
        users.put("postmaster@example.test", "postmaster-demo-pw");
        return users;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        BuildLayout layout = BuildLayout.fromSystemProperties();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("smtp-mx", port("SMTP_PORT", 2525));
        ports.put("smtp-submission", port("SUBMISSION_PORT", 2587));
        ports.put("imap", port("IMAP_PORT", 2143));
        ports.put("pop3", port("POP3_PORT", 2110));
        ports.put("webadmin", port("WEBADMIN_PORT", 8000));
        Path homeDir = Paths.get(System.getenv().getOrDefault("DEMO_HOME", "dist/target/demo-home")).toAbsolutePath();
        Path keystore = homeDir.resolveSibling(homeDir.getFileName() + "-keystore.p12");
        Files.createDirectories(homeDir.getParent());

        System.out.println("Starting James 3.8.1 with James Guard in " + homeDir + " ...");
        JamesHome home = JamesHome.create(homeDir, layout, ports, List.of(), Keystores.ensure(keystore));
        JamesServer james = JamesServer.start(home, layout, JamesServer.QUICK_START);
        WebAdmin webAdmin = new WebAdmin(home.webAdminPort());
        USERS.forEach(webAdmin::createUser);
        System.out.println(banner(home));
        System.out.flush();
        james.awaitExit();
        System.err.println("James stopped; its log: " + james.logFile());
        System.exit(1);
    }

    private static String banner(JamesHome home) {
        int mx = home.port("smtp-mx");
        int submission = home.port("smtp-submission");
        int web = home.webAdminPort();
        StringBuilder out = new StringBuilder();
        out.append("\nJames Guard demo is running (James 3.8.1 memory server, loopback only).\n\n");
        out.append(String.format("  SMTP MX          127.0.0.1:%d   no AUTH (stands for port 25)%n", mx));
        out.append(String.format("  Submission       127.0.0.1:%d   STARTTLS, AUTH (stands for 587; self-signed certificate)%n", submission));
        out.append(String.format("  IMAP             127.0.0.1:%d%n", home.port("imap")));
        out.append(String.format("  POP3             127.0.0.1:%d%n", home.port("pop3")));
        out.append(String.format("  WebAdmin         http://127.0.0.1:%d   (curl http://127.0.0.1:%d/guard/health)%n", web, web));
        out.append(String.format("  James's log      %s%n%n", home.log()));
        out.append("Users of example.test:\n");
        USERS.forEach((user, password) -> out.append(String.format("  %-26s %s%n", user, password)));
        out.append("\nTry (127.0.0.1 is trusted; other 127.x.y.z addresses play outside hosts):\n");
        out.append(String.format("  swaks --server 127.0.0.1:%d --tls --auth-user alice@example.test --auth-password %s "
            + "--from alice@example.test --to bob@example.test%n", submission, USERS.get("alice@example.test")));
        out.append(String.format("  swaks --server 127.0.0.1:%d --local-interface 127.0.0.7 "
            + "--from alice@example.test --to bob@example.test     # 530 5.7.0: a local sender must log in%n", mx));
        out.append(String.format("  swaks --server 127.0.0.1:%d --tls --auth-user alice@example.test --auth-password %s "
            + "--from alice@example.test --to bob@example.test --header 'From: bob@example.test'     # 550 5.7.1: not hers%n",
            submission, USERS.get("alice@example.test")));
        out.append(String.format("%nScreen an IP and watch it refused at connect:%n  curl -XPUT http://127.0.0.1:%d/guard/screen/127.0.0.9%n"
            + "  swaks --server 127.0.0.1:%d --local-interface 127.0.0.9 --to bob@example.test%n", web, mx));
        out.append("\nRead bob's mail with any IMAP client (bob@example.test / " + USERS.get("bob@example.test") + ").\n");
        out.append(READY);
        return out.toString();
    }

    private static int port(String variable, int defaultPort) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    }
}
