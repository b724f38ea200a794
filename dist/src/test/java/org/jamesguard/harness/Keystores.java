package org.jamesguard.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/** Self-signed PKCS12 keystores for the STARTTLS listeners, made once with the JDK's keytool. */
final class Keystores {
    private static Path cached;

    private Keystores() {
    }

    static synchronized void copyTo(Path target, String secret) throws IOException {
        if (cached == null) {
            Path dir = Files.createTempDirectory("jamesguard-keystore");
            dir.toFile().deleteOnExit();
            cached = dir.resolve("keystore");
            generate(cached, secret);
            cached.toFile().deleteOnExit();
        }
        Files.copy(cached, target);
    }

    /** Generates a keystore at {@code target} unless one is already there (the demo keeps its own). */
    static void ensure(Path target, String secret) {
        if (!Files.exists(target)) {
            generate(target, secret);
        }
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
