package org.jamesguard.core.store.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes the file store's files on one background thread, so no SMTP session ever waits for the disk: a change
 * only marks its file, and changes that arrive while a write is under way are coalesced into the next one. A
 * failed write is logged once and retried every second until it succeeds. {@link #close()} writes what is still
 * pending, so a James stopped normally keeps every change; a crash loses at most the changes of the last
 * moments (a write takes milliseconds).
 */
final class SnapshotWriter implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(SnapshotWriter.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final ScheduledThreadPoolExecutor executor;
    private final List<Tracked> tracked = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean closed;

    SnapshotWriter() {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "jamesguard-state-writer");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Keeps {@code file} up to date with {@code content}; the result is what to call after each change. */
    Runnable track(StateFile file, Supplier<JsonNode> content) {
        Tracked entry = new Tracked(file, content);
        tracked.add(entry);
        return entry::changed;
    }

    /** Why the last write failed, while writes fail. */
    Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdown();
        try {
            executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tracked.stream().filter(Tracked::isPending).forEach(Tracked::write);
    }

    /** One file and its pending change. */
    private final class Tracked {
        private final StateFile file;
        private final Supplier<JsonNode> content;
        private final AtomicBoolean pending = new AtomicBoolean();

        Tracked(StateFile file, Supplier<JsonNode> content) {
            this.file = file;
            this.content = content;
        }

        boolean isPending() {
            return pending.get();
        }

        void changed() {
            if (!pending.compareAndSet(false, true)) {
                return;
            }
            try {
                if (!closed) {
                    executor.execute(this::write);
                    return;
                }
            } catch (RejectedExecutionException e) {
                // closing: written below, on the caller's thread
            }
            write();
        }

        /** Clears the mark first: a change made while the content is taken marks the file again. */
        void write() {
            pending.set(false);
            try {
                file.write(content.get());
                if (failure.getAndSet(null) != null) {
                    LOGGER.warn("James Guard writes its state to {} again", file.path());
                }
            } catch (IOException | UncheckedIOException e) {
                if (failure.getAndSet(e.toString()) == null) {
                    LOGGER.error("James Guard cannot write its state to {}; retrying every {}", file.path(), RETRY, e);
                }
                retry();
            }
        }

        private void retry() {
            if (closed || !pending.compareAndSet(false, true)) {
                return;
            }
            try {
                executor.schedule(this::write, RETRY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                pending.set(false);
            }
        }
    }
}
