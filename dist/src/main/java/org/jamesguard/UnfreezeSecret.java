package org.jamesguard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs unfreeze tokens when {@code <hijack><notice><secret>} is not configured: generated
 * once and kept in the James home, readable by James only, so tokens survive restarts.
 */
final class UnfreezeSecret {
    static final String FILE = "var/jamesguard/unfreeze.key";

    private UnfreezeSecret() {
    }

    static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Path temporary = Files.createTempFile(file.getParent(), "unfreeze", ".key",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, Base64.getEncoder().encodeToString(secret));
            Files.move(temporary, file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the unfreeze secret in " + file, e);
        }
    }
}
