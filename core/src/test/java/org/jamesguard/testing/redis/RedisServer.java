package org.jamesguard.testing.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} for tests, on 127.0.0.1 and a free port, keeping nothing on disk. It can be stopped
 * and started again on the same port (to test an outage), and it never outlives the test JVM: it runs under a
 * shell that kills it as soon as the JVM's end of its input pipe closes, however the JVM ends.
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start()) {
 *     connectTo(redis.uri());
 *     redis.stop();     // connections are refused
 *     redis.start();    // same port, empty
 * }
 * }</pre>
 * As a JUnit 5 extension ({@code @RegisterExtension @Order(1) static final RedisServer redis = RedisServer.start();})
 * it stops after the test class, after the extensions registered later (James nodes using it). The binary
 * comes from Debian's {@code redis-server} package: {@code scripts/ensure-tools.sh} installs it.
 */
public final class RedisServer implements AutoCloseable, AfterAllCallback {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final String WATCHED = "redis-server \"$@\" & pid=$!; cat >/dev/null; kill $pid; wait $pid";

    private final int port;
    private final Path directory;
    private Process process;

    private RedisServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    /** Starts a server on a free loopback port and waits until it answers PING. */
    public static RedisServer start() {
        try {
            RedisServer server = new RedisServer(freePort(), Files.createTempDirectory("redis-test"));
            server.restart();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>} */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server again, on the same port, empty, after {@link #stop()}; waits until it answers PING. */
    public synchronized void restart() {
        if (process != null) {
            throw new IllegalStateException("redis-server is running on port " + port);
        }
        Path log = directory.resolve("redis.log");
        List<String> command = List.of("sh", "-c", WATCHED, "redis", "--port", String.valueOf(port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", directory.toString());
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server: " + e.getMessage(), e);
        }
        try {
            Awaitility.await("redis-server answering PING on port " + port).atMost(READY_TIMEOUT)
                .pollInterval(Duration.ofMillis(20)).until(() -> ping() || !process.isAlive() || notInstalled(log));
        } catch (ConditionTimeoutException e) {
            stop();
            throw new IllegalStateException("redis-server did not answer PING on port " + port + " within " + READY_TIMEOUT
                + ": " + read(log), e);
        }
        if (!ping()) {
            String output = read(log);
            stop();
            throw new IllegalStateException(notInstalled(output)
                ? "redis-server is not installed: run scripts/ensure-tools.sh (Debian package redis-server)"
                : "redis-server did not start on port " + port + ": " + output);
        }
    }

    /** Stops the server: connections are refused until {@link #restart()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Makes the server hold every command of every client for {@code duration} (CLIENT PAUSE): a Redis too slow to answer. */
    public void pause(Duration duration) {
        String reply = command("CLIENT PAUSE " + duration.toMillis(), 5);
        if (!reply.equals("+OK\r\n")) {
            throw new IllegalStateException("CLIENT PAUSE answered " + reply);
        }
    }

    /**
     * The commands clients sent while {@code action} ran, as MONITOR sees them: each is one round trip (or one
     * slot of a pipeline). The commands a Lua script runs inside Redis are not counted; those of other clients are.
     */
    public long clientCommands(Runnable action) {
        String mark = "jamesguard-mark-" + UUID.randomUUID();
        try (Socket monitor = new Socket()) {
            monitor.connect(new InetSocketAddress("127.0.0.1", port), 500);
            monitor.setSoTimeout(10_000);
            monitor.getOutputStream().write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            BufferedReader lines = new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8));
            if (!"+OK".equals(lines.readLine())) {
                throw new IllegalStateException("MONITOR refused by redis-server on port " + port);
            }
            action.run();
            if (!command("ECHO " + mark, 1).equals("$")) {
                throw new IllegalStateException("redis-server on port " + port + " did not echo");
            }
            long commands = 0;
            for (String line = lines.readLine(); !line.contains(mark); line = lines.readLine()) {
                if (!line.contains(" lua] ")) {
                    commands++;
                }
            }
            return commands;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot monitor redis-server on port " + port, e);
        }
    }

    private boolean ping() {
        return command("PING", 7).equals("+PONG\r\n");
    }

    /** Sends one inline command and reads {@code replyLength} bytes of its reply; empty when the server is not there. */
    private String command(String line, int replyLength) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[replyLength];
            InputStream in = socket.getInputStream();
            int read = in.readNBytes(reply, 0, reply.length);
            return new String(reply, 0, read, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean notInstalled(Path log) {
        return notInstalled(read(log));
    }

    private static boolean notInstalled(String output) {
        return output.contains("redis-server: not found") || output.contains("redis-server: command not found");
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
