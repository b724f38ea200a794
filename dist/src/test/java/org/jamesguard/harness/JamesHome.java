package org.jamesguard.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.w3c.dom.Element;

/**
 * A James 3.8.1 home laid out from the build: {@code conf/} from james-conf/ with every listener moved
 * to a free loopback port, our jar in {@code extensions-jars/}, a self-signed keystore, and the
 * launcher class. The demo and the end-to-end tests both run James from such a home.
 */
public final class JamesHome {
    public static final String KEYSTORE_SECRET = "james-guard-demo";
    /** Under conf/: the JDK resolver's only source in James ({@code -Djdk.net.hosts.file}). */
    static final String HOSTS_FILE = "hosts";
    /**
     * A listener whose {@code <bind>} names this host also listens on ::1, on the same port: James's
     * {@code host:port} syntax cannot take an IPv6 literal, so the hosts file names ::1.
     */
    public static final String IPV6_LOOPBACK = "ip6-guard-loopback";

    private final Path dir;
    private final ConfDir conf;
    private final Map<String, Integer> ports;
    private final int webAdminPort;

    private JamesHome(Path dir, Map<String, Integer> ports, int webAdminPort) {
        this.dir = dir;
        this.conf = new ConfDir(dir.resolve("conf"));
        this.ports = ports;
        this.webAdminPort = webAdminPort;
    }

    /**
     * @param fixedPorts ports wanted for some listeners (jmxName, or "webadmin"); others get free ones
     * @param edits the test's changes to the sample configuration, applied before ports are assigned
     * @param keystore the keystore copied to {@code conf/keystore} (secret {@value #KEYSTORE_SECRET})
     */
    public static JamesHome create(Path dir, BuildLayout layout, Map<String, Integer> fixedPorts,
                                   List<Consumer<ConfDir>> edits, Path keystore) {
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir.resolve("conf"));
            Files.createDirectories(dir.resolve("extensions-jars"));
            Files.createDirectories(dir.resolve("logs"));
            try (Stream<Path> files = Files.list(layout.jamesConf())) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = file.getFileName().toString();
                    if (Files.isRegularFile(file) && (name.endsWith(".xml") || name.endsWith(".properties"))
                        && !name.equals("pom.xml")) {
                        Files.copy(file, dir.resolve("conf").resolve(name));
                    }
                }
            }
            Files.copy(layout.guardJar(), dir.resolve("extensions-jars/james-guard.jar"));
            Files.copy(keystore, dir.resolve("conf/keystore"));
            installLauncher(dir.resolve("launcher"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfDir conf = new ConfDir(dir.resolve("conf"));
        // James's resolvers never leave the machine: its dnsjava asks loopback (nothing answers there unless
        // a test puts a DNS server on port 53), the JDK's reads a hosts file (Received: header, HELO names).
        conf.write("dnsservice.xml", dnsService("127.0.0.1"));
        conf.write(HOSTS_FILE, "127.0.0.1 localhost " + machineName() + "\n::1 " + IPV6_LOOPBACK + "\n");
        edits.forEach(edit -> edit.accept(conf));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String file : ConfDir.LISTENER_FILES) {
            if (Files.exists(conf.file(file))) {
                conf.xml(file, document -> {
                    for (Element listener : ConfDir.listeners(document)) {
                        String jmxName = ConfDir.child(listener, "jmxName").orElseThrow().getTextContent().trim();
                        int port = fixedPorts.containsKey(jmxName) ? fixedPorts.get(jmxName) : FreePorts.next();
                        boolean ipv6 = ConfDir.child(listener, "bind").map(Element::getTextContent).orElse("").contains(IPV6_LOOPBACK);
                        ConfDir.setText(listener, "bind", "127.0.0.1:" + port + (ipv6 ? "," + IPV6_LOOPBACK + ":" + port : ""));
                        ports.put(jmxName, port);
                    }
                });
            }
        }
        int webAdminPort = fixedPorts.containsKey("webadmin") ? fixedPorts.get("webadmin") : FreePorts.next();
        conf.property("webadmin.properties", "port", String.valueOf(webAdminPort));
        conf.property("jmx.properties", "jmx.enabled", "false");
        return new JamesHome(dir, Map.copyOf(ports), webAdminPort);
    }

    /** A dnsservice.xml whose only server is port 53 of {@code ip}. */
    public static String dnsService(String ip) {
        return "<dnsservice><servers><server>" + ip + "</server></servers><autodiscover>false</autodiscover>"
            + "<authoritative>false</authoritative><maxcachesize>50000</maxcachesize></dnsservice>\n";
    }

    /** The name the JDK's {@code InetAddress.getLocalHost()} looks up: it must be in the hosts file. */
    private static String machineName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void installLauncher(Path launcherDir) throws IOException {
        String resource = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        Path target = launcherDir.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = ParentWatchdog.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    public ConfDir conf() {
        return conf;
    }

    public Path hostsFile() {
        return conf.file(HOSTS_FILE);
    }

    public Path log() {
        return dir.resolve("logs/james.log");
    }

    public Path launcherDir() {
        return dir.resolve("launcher");
    }

    public int port(String jmxName) {
        Integer port = ports.get(jmxName);
        if (port == null) {
            throw new IllegalArgumentException("no listener " + jmxName + "; listeners: " + ports.keySet());
        }
        return port;
    }

    public int webAdminPort() {
        return webAdminPort;
    }
}
