package org.jamesguard.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/** Self-signed PKCS12 keystores for the STARTTLS listeners, made with the JDK's keytool. */
public final class Keystores {
    private static Path shared;

    private Keystores() {
    }

    /** One keystore for every James this JVM starts: keytool takes a second or two. */
    public static synchronized Path shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("jamesguard-keystore");
                dir.toFile().deleteOnExit();
                shared = dir.resolve("keystore");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            generate(shared, JamesHome.KEYSTORE_SECRET);
            shared.toFile().deleteOnExit();
        }
        return shared;
    }

    /** The keystore at {@code target}, generated on first use and kept (the demo's). */
    public static Path ensure(Path target) {
        if (!Files.exists(target)) {
            generate(target, JamesHome.KEYSTORE_SECRET);
        }
        return target;
    }

    private static void generate(Path target, String secret) {
        Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
        ProcessBuilder builder = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "james",
            "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650", "-storetype", "PKCS12",
            "-keystore", target.toString(), "-storepass", secret, "-keypass", secret,
            "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1")
            .redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
