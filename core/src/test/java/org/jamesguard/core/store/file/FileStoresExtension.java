package org.jamesguard.core.store.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jamesguard.core.store.Stores;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Before each test, file {@link Stores} in an empty directory of their own; closed after it. */
public final class FileStoresExtension implements BeforeEachCallback, AfterEachCallback {
    private Path directory;
    private Stores stores;

    @Override
    public void beforeEach(ExtensionContext context) {
        try {
            directory = Files.createTempDirectory("jamesguard-file-store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stores = FileStores.open(directory);
    }

    public Stores stores() {
        return stores;
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
