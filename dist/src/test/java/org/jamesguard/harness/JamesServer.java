package org.jamesguard.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A James 3.8.1 memory server running as a child JVM from a {@link JamesHome}. It can never outlive
 * us: a shutdown hook stops it, and if this JVM dies without running hooks (SIGKILL), the child's
 * {@link ParentWatchdog} sees its standard input close and exits.
 */
public final class JamesServer implements AutoCloseable {
    /** Quick start-up for tests and the demo: C1 only (no C2 compilation work), the serial collector. */
    public static final List<String> QUICK_START = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    static final String READY = "JAMES server started";
    static final String FATAL = "Fatal error while starting James";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final JamesHome home;
    private final Process process;
    private final OutputStream watchdogPipe;
    private final Thread shutdownHook;

    private JamesServer(JamesHome home, Process process) {
        this.home = home;
        this.process = process;
        this.watchdogPipe = process.getOutputStream();
        this.shutdownHook = new Thread(this::kill, "stop-james-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts James and returns once it logged that it started; fails with its log if it did not.
     *
     * @param jvmArgs e.g. {@link #QUICK_START}; benchmarks pass their own
     */
    public static JamesServer start(JamesHome home, BuildLayout layout, List<String> jvmArgs) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dworking.directory=" + home.dir());
        command.add("-Dlogback.configurationFile=" + home.dir().resolve("conf/logback.xml"));
        command.add("-Djdk.tls.ephemeralDHKeySize=2048");
        command.add("-Djdk.net.hosts.file=" + home.hostsFile());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(home.launcherDir() + java.io.File.pathSeparator + layout.jamesClasspath());
        command.add(ParentWatchdog.class.getName());
        try {
            Files.deleteIfExists(home.log());
            Process process = new ProcessBuilder(command)
                .directory(home.dir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.log().toFile())
                .start();
            JamesServer server = new JamesServer(home, process);
            server.awaitStarted();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitStarted() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String log = log();
            if (log.contains(READY)) {
                return;
            }
            if (log.contains(FATAL) || !process.isAlive()) {
                waitForExit();
                throw new IllegalStateException("James did not start; its log (" + home.log() + "):\n" + log());
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("James did not start within " + START_TIMEOUT + "; its log:\n" + log());
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public JamesHome home() {
        return home;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Returns when James has exited, however it ended. */
    public void awaitExit() throws InterruptedException {
        process.waitFor();
    }

    public String log() {
        try {
            return Files.exists(home.log()) ? Files.readString(home.log(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail(int lines) {
        String[] all = log().split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
    }

    public Path logFile() {
        return home.log();
    }

    /** Stops James gracefully (SIGTERM), forcibly after 30 s. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook stops it
        }
        kill();
    }

    private void kill() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            watchdogPipe.close();
        } catch (IOException e) {
            // the child is gone
        }
    }
}
