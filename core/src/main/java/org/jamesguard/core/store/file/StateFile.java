package org.jamesguard.core.store.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.CRC32;

import org.jamesguard.core.store.StoreJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One file of the file store, replaced whole on every write: the new content goes to {@code <kind>.tmp} and
 * is fsynced, the current file becomes {@code <kind>.prev}, the new one takes its name (two atomic renames),
 * then the directory is fsynced. A crash at any point leaves a complete current file or, between the renames,
 * the previous one. The first line names the kind and carries the length and CRC-32 of the JSON after it, so
 * a truncated or damaged file is found at start: James then continues from the previous version, or refuses
 * to start, naming the file; it never starts empty in its place. Every version is readable by James's user only
 * ({@link PrivateFiles}).
 */
final class StateFile {
    private static final Logger LOGGER = LoggerFactory.getLogger(StateFile.class);
    private static final String MAGIC = "jamesguard-state";
    private static final int VERSION = 1;

    private final String kind;
    private final Path file;
    private final Path previous;
    private final Path temporary;

    StateFile(Path directory, String kind) {
        this.kind = kind;
        this.file = directory.resolve(kind + ".state");
        this.previous = directory.resolve(kind + ".state.prev");
        this.temporary = directory.resolve(kind + ".state.tmp");
    }

    Path path() {
        return file;
    }

    /**
     * The content kept: the file's, or the previous version's when the file is damaged or missing (the damaged
     * one is moved aside, kept for inspection). Empty when neither exists: the first start.
     *
     * @throws IllegalStateException naming the file when no good version remains
     */
    <T> Optional<T> load(Function<JsonNode, T> decoder) {
        Optional<Reading<T>> current = read(file, decoder);
        if (current.isPresent() && current.get().problem == null) {
            return Optional.of(current.get().content);
        }
        Optional<Reading<T>> earlier = read(previous, decoder);
        if (earlier.isEmpty() && current.isEmpty()) {
            return Optional.empty();
        }
        String why = current.map(reading -> "is damaged (" + reading.problem + ")").orElse("is missing");
        if (earlier.isPresent() && earlier.get().problem == null) {
            LOGGER.error("James Guard state file {} {}: continuing from the previous version {}", file, why, previous);
            current.ifPresent(damaged -> setAside());
            return Optional.of(earlier.get().content);
        }
        String before = earlier.map(reading -> "is damaged too (" + reading.problem + ")").orElse("is missing");
        throw new IllegalStateException("James Guard cannot read its state file " + file + ": it " + why
            + ", and the previous version " + previous + " " + before + ". Restore a good copy, or move the files away"
            + " to start with no " + kind + " state.");
    }

    /** Replaces the file with {@code body}, as described above. */
    synchronized void write(JsonNode body) throws IOException {
        byte[] json = StoreJson.write(body).getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(json);
        byte[] header = String.format("%s %d %s %d %08x%n", MAGIC, VERSION, kind, json.length, crc.getValue())
            .getBytes(StandardCharsets.US_ASCII);
        // created afresh, so it is private from its first byte even where an older version left a wider one
        Files.deleteIfExists(temporary);
        try (FileChannel channel = PrivateFiles.open(temporary, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))) {
            ByteBuffer buffer = ByteBuffer.allocate(header.length + json.length).put(header).put(json).flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (Files.exists(file)) {
            Files.move(file, previous, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
    }

    /** Makes the renames durable; some systems cannot open a directory, and then the renames are as safe as they get. */
    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            LOGGER.debug("cannot fsync {}", file.getParent(), e);
        }
    }

    private void setAside() {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + Instant.now().toEpochMilli());
        try {
            Files.move(file, aside);
            LOGGER.error("the damaged {} is kept as {}", file, aside);
        } catch (IOException e) {
            throw new IllegalStateException("cannot move the damaged state file " + file + " aside", e);
        }
    }

    private <T> Optional<Reading<T>> read(Path path, Function<JsonNode, T> decoder) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(Reading.damaged("unreadable: " + e));
        }
        try {
            return Optional.of(Reading.good(decoder.apply(StoreJson.read(body(bytes)))));
        } catch (IllegalArgumentException e) {
            return Optional.of(Reading.damaged(e.getMessage()));
        }
    }

    /** The JSON after the header line, once the header says it is whole and unchanged. */
    private String body(byte[] bytes) {
        int newline = 0;
        while (newline < bytes.length && bytes[newline] != '\n') {
            newline++;
        }
        if (newline == bytes.length) {
            throw new IllegalArgumentException(bytes.length == 0 ? "empty file" : "no header line");
        }
        String[] header = new String(bytes, 0, newline, StandardCharsets.US_ASCII).trim().split(" ");
        if (header.length != 5 || !header[0].equals(MAGIC)) {
            throw new IllegalArgumentException("not a James Guard state file");
        }
        if (!header[1].equals(String.valueOf(VERSION))) {
            throw new IllegalArgumentException("format version " + header[1] + ", this James Guard reads " + VERSION);
        }
        if (!header[2].equals(kind)) {
            throw new IllegalArgumentException("holds " + header[2] + " state, not " + kind);
        }
        int length = bytes.length - newline - 1;
        long expected;
        long expectedCrc;
        try {
            expected = Long.parseLong(header[3]);
            expectedCrc = Long.parseLong(header[4], 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed header line");
        }
        if (length != expected) {
            throw new IllegalArgumentException((length < expected ? "truncated: " : "too long: ") + length + " bytes of "
                + expected);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, newline + 1, length);
        if (crc.getValue() != expectedCrc) {
            throw new IllegalArgumentException("checksum mismatch");
        }
        return new String(bytes, newline + 1, length, StandardCharsets.UTF_8);
    }

    /** A file's content, or why it could not be used. */
    private static final class Reading<T> {
        private final T content;
        private final String problem;

        private Reading(T content, String problem) {
            this.content = content;
            this.problem = problem;
        }

        static <T> Reading<T> good(T content) {
            return new Reading<>(content, null);
        }

        static <T> Reading<T> damaged(String problem) {
            return new Reading<>(null, problem);
        }
    }
}
