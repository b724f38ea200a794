package org.jamesguard.core.store.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.jamesguard.core.hijack.FreezeRecord;
import org.jamesguard.core.store.ScreenEntry;
import org.jamesguard.core.store.Stores;
import org.jamesguard.core.testing.FreezeRecords;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart or a crash, and what a damaged state file does at start. */
class FileStoresTest {
    private static final Instant NOW = MutableClock.DEFAULT_START;
    private static final ScreenEntry SCREENED = new ScreenEntry("192.0.2.1", NOW, NOW.plus(Duration.ofHours(1)), "10 failed AUTH");
    private static final FreezeRecord FROZEN = FreezeRecords.of("john@example.com").frozenAt(NOW).build();
    private static final String TOKEN = "unfreeze-abcdefghijklmnop-t9h2kg-abcdefghijklmnopqrstuvwxyz";

    @RegisterExtension
    final LogCapture log = LogCapture.of(StateFile.class.getName());
    @RegisterExtension
    final LogCapture writerLog = LogCapture.of(SnapshotWriter.class.getName());

    @TempDir
    Path directory;

    /** Screens, freezes and uses a token, then stops as James does. */
    private void keepSomeState() {
        try (Stores stores = FileStores.open(directory)) {
            stores.screen().put(SCREENED);
            stores.freezes().freeze(FROZEN);
            stores.tokens().use(TOKEN, NOW.plus(Duration.ofDays(7)), NOW);
        }
    }

    /** {@link #keepSomeState()}, then a second change to every file: each file's previous version is the first state. */
    private void keepTwoGenerations() {
        keepSomeState();
        try (Stores stores = FileStores.open(directory)) {
            stores.screen().put(new ScreenEntry("192.0.2.2", NOW, NOW.plus(Duration.ofHours(1)), "later"));
            stores.freezes().freeze(FreezeRecords.of("jane@example.com").id("bbbbbbbbbbbbbbbb").frozenAt(NOW).build());
            stores.tokens().use(TOKEN + "-later", NOW.plus(Duration.ofDays(7)), NOW);
        }
    }

    private static void assertHoldsTheState(Stores stores) {
        assertThat(stores.screen().find("192.0.2.1", NOW)).contains(SCREENED);
        assertThat(stores.freezes().list()).containsExactly(FROZEN);
        assertThat(stores.freezes().findById(FROZEN.id())).contains(FROZEN);
        assertThat(stores.tokens().use(TOKEN, NOW.plus(Duration.ofDays(7)), NOW)).as("the token was used").isFalse();
    }

    private Path file(String kind) {
        return directory.resolve(kind + ".state");
    }

    @Test
    void theScreenFreezesAndUsedTokensSurviveARestart() {
        keepSomeState();

        try (Stores stores = FileStores.open(directory)) {
            assertHoldsTheState(stores);
        }
    }

    @Test
    void countersStartAfreshAfterARestart() {
        try (Stores stores = FileStores.open(directory)) {
            stores.counters().increment("k", 3, Duration.ofHours(1), NOW);
        }

        try (Stores stores = FileStores.open(directory)) {
            assertThat(stores.counters().count("k", Duration.ofHours(1), NOW)).isZero();
        }
    }

    @Test
    void changesReachTheDiskWithoutAStopSoACrashKeepsThem(@TempDir Path afterTheCrash) throws IOException {
        try (Stores running = FileStores.open(directory)) {
            running.screen().put(SCREENED);
            running.freezes().freeze(FROZEN);
            running.tokens().use(TOKEN, NOW.plus(Duration.ofDays(7)), NOW);
            // each file had one change: once it exists, it holds it
            Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> Stream.of("screen", "freezes", "tokens").allMatch(kind -> Files.exists(file(kind))));
            copyStateFiles(afterTheCrash);
        }

        try (Stores stores = FileStores.open(afterTheCrash)) {
            assertHoldsTheState(stores);
        }
    }

    @Test
    void aLiftedFreezeAndARemovedScreenEntryStayGone() {
        keepSomeState();
        try (Stores stores = FileStores.open(directory)) {
            stores.freezes().unfreeze(FROZEN);
            stores.screen().remove("192.0.2.1");
        }

        try (Stores stores = FileStores.open(directory)) {
            assertThat(stores.freezes().list()).isEmpty();
            assertThat(stores.screen().list(NOW)).isEmpty();
        }
    }

    @Test
    void aTruncatedFileIsReplacedByThePreviousVersionAndKeptAside() throws IOException {
        keepTwoGenerations();
        byte[] whole = Files.readAllBytes(file("freezes"));
        Files.write(file("freezes"), Arrays.copyOf(whole, whole.length - 10));

        try (Stores stores = FileStores.open(directory)) {
            assertThat(stores.freezes().list()).as("the version before jane's freeze").containsExactly(FROZEN);
        }
        assertThat(log.messages()).first().asString().startsWith("James Guard state file " + file("freezes")
            + " is damaged (truncated: " + (whole.length - 10 - header(whole)) + " bytes of ");
        assertThat(siblings("freezes.state.damaged-")).hasSize(1);
    }

    @Test
    void aChangedByteIsCaughtByTheChecksum() throws IOException {
        keepTwoGenerations();
        String text = Files.readString(file("screen"));
        Files.writeString(file("screen"), text.replace("10 failed AUTH", "10 failed AUTX"));

        try (Stores stores = FileStores.open(directory)) {
            assertThat(stores.screen().list(NOW)).containsExactly(SCREENED);
        }
        assertThat(log.messages()).first().asString().contains("is damaged (checksum mismatch)");
    }

    @Test
    void aDamagedFileWithoutAGoodPreviousVersionStopsTheStartNamingTheFile() throws IOException {
        keepSomeState();
        Files.deleteIfExists(directory.resolve("tokens.state.prev"));
        Files.writeString(file("tokens"), "jamesguard-state 1 tokens 999 00000000\n{\"tokens\":[");

        assertThatThrownBy(() -> FileStores.open(directory))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("James Guard cannot read its state file " + file("tokens") + ": it is damaged (truncated: 11 bytes of 999),"
                + " and the previous version " + directory.resolve("tokens.state.prev") + " is missing. Restore a good copy,"
                + " or move the files away to start with no tokens state.");
        assertThat(file("tokens")).as("left as it was, for the administrator").exists();
        FileStores.open(directory.resolve("elsewhere")).close();
    }

    @Test
    void aStartRefusedForADamagedFileReleasesTheDirectory() throws IOException {
        keepSomeState();
        Files.writeString(file("screen"), "garbage");
        Files.writeString(directory.resolve("screen.state.prev"), "garbage");
        assertThatThrownBy(() -> FileStores.open(directory)).hasMessageContaining("is damaged too (no header line)");

        Files.delete(file("screen"));
        Files.delete(directory.resolve("screen.state.prev"));

        try (Stores stores = FileStores.open(directory)) {
            assertThat(stores.screen().list(NOW)).isEmpty();
            assertThat(stores.freezes().list()).containsExactly(FROZEN);
        }
    }

    @Test
    void theHeaderIsChecked() throws IOException {
        keepTwoGenerations();
        Files.copy(file("screen"), file("tokens"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(file("freezes"), "");

        try (Stores stores = FileStores.open(directory)) {
            assertHoldsTheState(stores);
        }
        assertThat(log.messages()).anySatisfy(message -> assertThat(message).contains("is damaged (holds screen state, not tokens)"))
            .anySatisfy(message -> assertThat(message).contains("is damaged (empty file)"));
    }

    @Test
    void aCrashBetweenTheRenamesLeavesThePreviousVersion() throws IOException {
        keepTwoGenerations();
        Files.delete(file("screen"));
        Files.writeString(directory.resolve("screen.state.tmp"), "half a wri");

        try (Stores stores = FileStores.open(directory)) {
            assertThat(stores.screen().list(NOW)).containsExactly(SCREENED);
        }
        assertThat(log.messages()).first().asString().contains(file("screen") + " is missing: continuing from the previous version");
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefused() {
        try (Stores stores = FileStores.open(directory)) {
            assertThatThrownBy(() -> FileStores.open(directory)).isInstanceOf(IllegalStateException.class)
                .hasMessage("another James keeps its James Guard state in " + directory
                    + ": give each James its own <store><directory>, or share state with <backend>redis</backend>");
        }
    }

    @Test
    void aFailingWriteIsReportedAndRetriedUntilItSucceeds() throws IOException {
        Path blocker = directory.resolve("screen.state.tmp");
        try (Stores stores = FileStores.open(directory)) {
            // a directory that is not empty: the write cannot remove it to create its temporary file
            Path inside = Files.createFile(Files.createDirectory(blocker).resolve("inside"));
            stores.screen().put(SCREENED);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stores.health().get("writes").toString().startsWith("failing: "));

            Files.delete(inside);
            Files.delete(blocker);

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stores.health().get("writes").equals("ok"));
            assertThat(file("screen")).exists();
        }
    }

    private void copyStateFiles(Path target) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".state")).collect(Collectors.toList())) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
    }

    private List<Path> siblings(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().startsWith(prefix)).collect(Collectors.toList());
        }
    }

    private static int header(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII).indexOf('\n') + 1;
    }
}
