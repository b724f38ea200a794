package org.jamesguard.core.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.jamesguard.core.store.ScreenEntry;
import org.jamesguard.core.store.Stores;
import org.jamesguard.core.testing.FreezeRecords;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, hole 11: the file store's files hold account names and IPs, so only James's user may read them. */
class PrivateFilesTest {
    private static final Instant NOW = MutableClock.DEFAULT_START;

    @RegisterExtension
    final LogCapture log = LogCapture.of(PrivateFiles.class.getName());

    @TempDir
    Path home;

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void keepSomeState(Path directory) {
        try (Stores stores = FileStores.open(directory)) {
            stores.screen().put(new ScreenEntry("192.0.2.1", NOW, NOW.plus(Duration.ofHours(1)), "10 failed AUTH"));
            stores.freezes().freeze(FreezeRecords.of("john@example.com").frozenAt(NOW).build());
            stores.tokens().use("unfreeze-abcdefghijklmnop-t9h2kg-abcdefghijklmnopqrstuvwxyz", NOW.plus(Duration.ofDays(7)), NOW);
        }
    }

    @Test
    void theStoreCreatesItsDirectoryAndEveryFileForJamesUserOnly() throws IOException {
        Path directory = home.resolve("var/jamesguard");
        keepSomeState(directory);
        keepSomeState(directory);

        assertThat(permissions(directory)).isEqualTo("rwx------");
        assertThat(permissions(home.resolve("var"))).as("parents keep the usual permissions").isNotEqualTo("rwx------");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).extracting(path -> path.getFileName().toString())
                .contains("screen.state", "screen.state.prev", "freezes.state", "tokens.state", ".lock")
                .allSatisfy(name -> assertThat(permissions(directory.resolve(name))).as(name).isEqualTo("rw-------"));
        }
    }

    @Test
    void filesAnOlderVersionLeftReadableAreNarrowedAtStartWithAWarning() throws IOException {
        Path directory = home.resolve("var/jamesguard");
        keepSomeState(directory);
        Files.setPosixFilePermissions(directory.resolve("screen.state"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(directory.resolve("screen.state.tmp"), "half a write");
        Files.setPosixFilePermissions(directory.resolve("screen.state.tmp"), PosixFilePermissions.fromString("rw-rw-rw-"));

        FileStores.open(directory).close();

        assertThat(permissions(directory.resolve("screen.state"))).isEqualTo("rw-------");
        assertThat(permissions(directory.resolve("screen.state.tmp"))).isEqualTo("rw-------");
        assertThat(log.messages()).containsExactlyInAnyOrder(
            "James Guard file " + directory.resolve("screen.state") + " was rw-r--r--, readable beyond James's user: now rw-------",
            "James Guard file " + directory.resolve("screen.state.tmp") + " was rw-rw-rw-, readable beyond James's user: now rw-------");
    }

    @Test
    void aWriteNeverReusesAWiderTemporaryFile() throws IOException {
        Path directory = home.resolve("state");
        PrivateFiles.createDirectory(directory);
        Path temporary = directory.resolve("screen.state.tmp");
        Files.writeString(temporary, "left by a crash");
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));

        new StateFile(directory, FileScreenStore.KIND).write(FileScreenStore.encode(List.of()));

        assertThat(permissions(directory.resolve("screen.state"))).isEqualTo("rw-------");
    }

    @Test
    void anExistingDirectoryAndPrivateFilesAreLeftAsTheyAre() throws IOException {
        Path directory = Files.createDirectory(home.resolve("shared"), PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwxr-x---")));
        Path own = Files.createFile(directory.resolve("own"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r--------")));

        FileStores.open(directory).close();

        assertThat(permissions(directory)).isEqualTo("rwxr-x---");
        assertThat(permissions(own)).isEqualTo("r--------");
        assertThat(log.messages()).isEmpty();
    }
}
