package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jamesguard.harness.JamesExtension.DOMAIN;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.jamesguard.harness.BuildLayout;
import org.jamesguard.harness.JamesExtension;
import org.jamesguard.harness.JamesHome;
import org.jamesguard.harness.JamesServer;
import org.jamesguard.harness.Keystores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12, hole 11: the file store's state (screened IPs, frozen accounts, used tokens) and the unfreeze key, in
 * var/jamesguard of a running James's home, are readable by James's user only; files an older version left readable
 * are narrowed at start; an unfreeze key too short to be safe stops James, naming the file.
 */
class StateFilePermissionsIT {
    static final String ALICE = "alice@" + DOMAIN;
    static final BuildLayout LAYOUT = BuildLayout.fromSystemProperties();

    @RegisterExtension
    static JamesExtension james = JamesExtension.builder()
        .user(ALICE, "alice-pw")
        .build();

    private static Path stateDirectory() {
        return james.home().dir().resolve("var/jamesguard");
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the state directory, with its permissions. */
    private static Map<String, String> files() {
        try (Stream<Path> files = Files.list(stateDirectory())) {
            return files.collect(Collectors.toMap(file -> file.getFileName().toString(), StateFilePermissionsIT::permissions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keepSomeState() {
        james.webAdmin().put("/guard/screen/127.0.0.50", "{\"duration\":\"10m\",\"reason\":\"e2e\"}").expect(200);
        james.webAdmin().put("/guard/frozen/" + ALICE, "{\"reason\":\"e2e\"}");
        Awaitility.await("the state is written").atMost(Duration.ofSeconds(30))
            .until(() -> files().keySet().containsAll(List.of("screen.state", "freezes.state", "unfreeze.key", ".lock")));
    }

    @Test
    void theStateDirectoryAndEveryFileInItAreReadableByJamesUserOnly() {
        keepSomeState();

        assertThat(permissions(stateDirectory())).isEqualTo("rwx------");
        assertThat(files()).allSatisfy((name, permissions) -> assertThat(permissions).as(name).isEqualTo("rw-------"));
    }

    @Test
    void filesLeftReadableByOthersAreNarrowedAtTheNextStart() throws IOException {
        keepSomeState();
        Files.setPosixFilePermissions(stateDirectory().resolve("screen.state"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(stateDirectory().resolve("unfreeze.key"), PosixFilePermissions.fromString("rw-r--r--"));

        james.restart();

        assertThat(files()).allSatisfy((name, permissions) -> assertThat(permissions).as(name).isEqualTo("rw-------"));
        assertThat(james.log()).contains("James Guard file " + stateDirectory().resolve("screen.state")
            + " was rw-r--r--, readable beyond James's user: now rw-------");
        assertThat(james.webAdmin().get("/guard/screen").expect(200).body()).as("the state itself is kept").contains("127.0.0.50");
    }

    @Test
    void anUnfreezeKeyTooShortStopsJamesNamingTheFile() throws IOException {
        JamesHome home = JamesHome.create(LAYOUT.workDir().resolve("StateFilePermissionsIT-short-key"), LAYOUT, Map.of(),
            List.of(conf -> {
                try {
                    Files.writeString(Files.createDirectories(conf.dir().resolveSibling("var/jamesguard")).resolve("unfreeze.key"),
                        "c2hvcnQ=\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }), Keystores.shared());
        String message = "var/jamesguard/unfreeze.key is unusable: expected at least 32 bytes of base64, got 5";

        assertThatThrownBy(() -> JamesServer.start(home, LAYOUT, JamesServer.QUICK_START).close())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("James did not start")
            .hasMessageContaining(message);
    }
}
