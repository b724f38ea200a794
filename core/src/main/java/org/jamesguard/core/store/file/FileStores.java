package org.jamesguard.core.store.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jamesguard.core.store.StoreLimits;
import org.jamesguard.core.store.Stores;
import org.jamesguard.core.store.memory.MemoryCounterStore;
import org.jamesguard.core.store.memory.MemoryDistinctStore;
import org.jamesguard.core.store.memory.MemoryFreezeStore;
import org.jamesguard.core.store.memory.MemoryPopLoginStore;
import org.jamesguard.core.store.memory.MemoryScreenStore;
import org.jamesguard.core.store.memory.MemoryTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-node store: the screen, frozen accounts and used tokens live in memory and survive restarts in
 * one file each ({@link StateFile}), written in the background ({@link SnapshotWriter}). Counters, distinct
 * IPs and POP3 logins stay in memory only: they describe the last minutes or hours, and a restart starting
 * them afresh lets an attacker at most one more window. The directory is locked: two James processes never
 * write the same files. The files hold account names and IPs: the directory is created {@code rwx------}, the
 * files {@code rw-------}, and files found readable by others at start are narrowed ({@link PrivateFiles}).
 */
public final class FileStores implements Stores.Backend {
    private static final Logger LOGGER = LoggerFactory.getLogger(FileStores.class);
    private static final String LOCK = ".lock";

    private final Path directory;
    private final FileChannel lockChannel;
    private final SnapshotWriter writer = new SnapshotWriter();
    private final StoreLimits limits;

    private FileStores(Path directory, FileChannel lockChannel, StoreLimits limits) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.limits = limits;
    }

    /**
     * Opens (creating it when missing) the store in {@code directory}.
     *
     * @throws IllegalStateException when another James holds the directory, or a state file is damaged and
     *                               no good previous version remains (the message names the file)
     */
    public static Stores open(Path directory) {
        return open(directory, StoreLimits.DEFAULT);
    }

    /** As {@link #open(Path)}, each store holding at most {@code limits}' keys. */
    public static Stores open(Path directory, StoreLimits limits) {
        FileChannel lock = lock(directory);
        try {
            // files an older James Guard (or a copy) left readable by others; only once the directory is ours
            PrivateFiles.narrowAll(directory);
            return new FileStores(directory, lock, limits).load();
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    private Stores load() {
        StateFile screenFile = new StateFile(directory, FileScreenStore.KIND);
        MemoryScreenStore screen = new MemoryScreenStore(screenFile.load(FileScreenStore::decode).orElse(List.of()),
            limits.maxEntries(), limits.evictions("screen"));
        StateFile freezeFile = new StateFile(directory, FileFreezeStore.KIND);
        MemoryFreezeStore freezes = new MemoryFreezeStore(freezeFile.load(FileFreezeStore::decode).orElse(List.of()));
        StateFile tokenFile = new StateFile(directory, FileTokenStore.KIND);
        MemoryTokenStore tokens = new MemoryTokenStore(tokenFile.load(FileTokenStore::decode).orElse(Map.of()));
        LOGGER.info("James Guard keeps its state in {}: {} screen entries, {} frozen accounts, {} used tokens", directory,
            screen.snapshot().size(), freezes.list().size(), tokens.snapshot().size());
        return new Stores(
            new FileScreenStore(screen, writer.track(screenFile, () -> FileScreenStore.encode(screen.snapshot()))),
            new MemoryCounterStore(limits.maxEntries(), limits.evictions("counters")),
            new MemoryDistinctStore(limits.maxEntries(), limits.evictions("distinct")),
            new FileFreezeStore(freezes, writer.track(freezeFile, () -> FileFreezeStore.encode(freezes.list()))),
            new FileTokenStore(tokens, writer.track(tokenFile, () -> FileTokenStore.encode(tokens.snapshot()))),
            new MemoryPopLoginStore(limits.maxEntries(), limits.evictions("pop_logins")),
            this);
    }

    private static FileChannel lock(Path directory) {
        try {
            PrivateFiles.createDirectory(directory);
            FileChannel channel = PrivateFiles.open(directory.resolve(LOCK), EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE));
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another James keeps its James Guard state in " + directory
                    + ": give each James its own <store><directory>, or share state with <backend>redis</backend>");
            }
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + directory + " for the James Guard state", e);
        }
    }

    private static void release(FileChannel lock) {
        try {
            lock.close();
        } catch (IOException e) {
            LOGGER.warn("cannot release the lock of the James Guard state directory", e);
        }
    }

    @Override
    public Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("directory", directory.toString());
        health.put("writes", writer.failure().map(failure -> "failing: " + failure).orElse("ok"));
        return health;
    }

    @Override
    public void close() {
        writer.close();
        release(lockChannel);
    }
}
