package org.jamesguard.core.hijack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 12, hole 11: the generated unfreeze key is James's alone, and a key file too short to be safe stops James. */
class UnfreezeSecretTest {
    @TempDir
    Path home;

    private Path keyFile() {
        return home.resolve(UnfreezeSecret.FILE);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aKeyIsGeneratedOnceForJamesUserOnlyAndKept() throws IOException {
        byte[] generated = UnfreezeSecret.loadOrCreate(keyFile());

        assertThat(generated).hasSize(32);
        assertThat(permissions(keyFile())).isEqualTo("rw-------");
        assertThat(permissions(keyFile().getParent())).isEqualTo("rwx------");
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile()))).isEqualTo(generated);
        assertThat(UnfreezeSecret.loadOrCreate(keyFile())).isEqualTo(generated);
        try (var files = Files.list(keyFile().getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(keyFile());
        }
    }

    @Test
    void aKeyFileReadableByOthersIsNarrowedWhenLoaded() throws IOException {
        byte[] generated = UnfreezeSecret.loadOrCreate(keyFile());
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(UnfreezeSecret.loadOrCreate(keyFile())).isEqualTo(generated);
        assertThat(permissions(keyFile())).isEqualTo("rw-------");
    }

    @Test
    void aKeyOfAtLeast32BytesIsTakenAsWritten() throws IOException {
        byte[] key = new byte[48];
        key[0] = 7;
        Files.createDirectories(keyFile().getParent());
        Files.writeString(keyFile(), Base64.getEncoder().encodeToString(key) + "\n");

        assertThat(UnfreezeSecret.loadOrCreate(keyFile())).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "c2hvcnQ=", "not base64!", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="})
    void aKeyFileThatIsNotBase64OfAtLeast32BytesStopsJamesNamingTheFile(String content) throws IOException {
        Files.createDirectories(keyFile().getParent());
        Files.writeString(keyFile(), content);

        assertThatThrownBy(() -> UnfreezeSecret.loadOrCreate(keyFile()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("the unfreeze key " + keyFile() + " is unusable: expected ")
            .hasMessageContaining("delete it to have one generated");
        assertThat(Files.readString(keyFile())).as("left for the administrator").isEqualTo(content);
    }
}
