package org.jamesguard.core.hijack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

import org.jamesguard.core.store.file.PrivateFiles;

/**
 * The key that signs unfreeze tokens when {@code <hijack><notice><secret>} is not configured: generated
 * once and kept in the James home, readable by James only ({@link PrivateFiles}), so tokens survive restarts.
 * A key file that is not base64 of at least 32 bytes stops James, naming the file: a short key would make
 * tokens guessable.
 */
public final class UnfreezeSecret {
    public static final String FILE = "var/jamesguard/unfreeze.key";

    private UnfreezeSecret() {
    }

    public static byte[] loadOrCreate(Path file) {
        try {
            PrivateFiles.createDirectory(file.getParent());
            if (Files.exists(file)) {
                return load(file);
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            // written under a temporary name and renamed, so no reader ever sees half a key
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            try (FileChannel channel = PrivateFiles.open(temporary, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
                ByteBuffer buffer = ByteBuffer.wrap(Base64.getEncoder().encode(secret));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException e) {
                Files.delete(temporary);
                return load(file);
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the unfreeze secret in " + file, e);
        }
    }

    private static byte[] load(Path file) throws IOException {
        PrivateFiles.narrow(file);
        try {
            return HijackConfig.secret(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the unfreeze key " + file + " is unusable: " + e.getMessage()
                + ". Put base64 of at least 32 random bytes in it (e.g. `openssl rand -base64 32`), or delete it to have"
                + " one generated (unfreeze tokens already sent then stop working)", e);
        }
    }
}
