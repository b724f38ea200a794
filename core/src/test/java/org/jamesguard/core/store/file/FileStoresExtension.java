package org.jamesguard.core.store.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jamesguard.core.store.ScreenStoreContract;
import org.jamesguard.core.store.StoreLimits;
import org.jamesguard.core.store.Stores;
import org.jamesguard.core.testing.RecordingMetrics;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Before each test, file {@link Stores} in an empty directory of their own; closed after it. */
public final class FileStoresExtension implements BeforeEachCallback, AfterEachCallback {
    private Path directory;
    private Stores stores;
    private RecordingMetrics metrics;

    @Override
    public void beforeEach(ExtensionContext context) {
        try {
            directory = Files.createTempDirectory("jamesguard-file-store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        metrics = new RecordingMetrics();
        // every contract's bound is the same
        stores = FileStores.open(directory, StoreLimits.of(ScreenStoreContract.MAX_ENTRIES, metrics));
    }

    public Stores stores() {
        return stores;
    }

    /** Counts the stores' evictions. */
    public RecordingMetrics metrics() {
        return metrics;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        stores.close();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }
}
