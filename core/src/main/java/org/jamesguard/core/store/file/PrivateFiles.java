package org.jamesguard.core.store.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that hold account names, client IPs or the unfreeze key: readable by James's user only. On a file
 * system with POSIX permissions, files are created {@code rw-------} and directories {@code rwx------} in the
 * same call that creates them (never opened wider, then narrowed), and an existing file that others may read
 * (written by an older James Guard, or copied in) is narrowed when James starts, with a warning. Elsewhere
 * (Windows), files inherit the access list of their directory: keep the James home private there.
 */
public final class PrivateFiles {
    private static final Logger LOGGER = LoggerFactory.getLogger(PrivateFiles.class);
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates {@code directory} ({@code rwx------}) when missing; its missing parents get the usual permissions. */
    public static void createDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(directory, attributes(directory, DIRECTORY));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(directory)) {
                throw e;
            }
        }
    }

    /** Opens {@code file}, created {@code rw-------} when {@code options} create it. */
    public static FileChannel open(Path file, Set<? extends OpenOption> options) throws IOException {
        return FileChannel.open(file, options, attributes(file, FILE));
    }

    /** Narrows an existing {@code file} that others may read or write to {@code rw-------}, with a warning. */
    public static void narrow(Path file) {
        if (!posix(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
            if (FILE.containsAll(current)) {
                return;
            }
            Files.setPosixFilePermissions(file, FILE);
            LOGGER.warn("James Guard file {} was {}, readable beyond James's user: now {}", file,
                PosixFilePermissions.toString(current), PosixFilePermissions.toString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file + " readable by James's user only (" + e.getMessage()
                + "): it holds account names and IPs; give it to James's user, or remove it", e);
        }
    }

    /**
     * {@link #narrow} for every file directly in {@code directory}; where there are no POSIX permissions, a warning
     * that the files are only as private as the directory's access list.
     */
    static void narrowAll(Path directory) {
        if (!posix(directory)) {
            LOGGER.warn("{} has no POSIX permissions: the James Guard state files inherit the directory's access list;"
                + " make sure only James's user can read it", directory);
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(PrivateFiles::narrow);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + " for the James Guard state", e);
        }
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> permissions) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static boolean posix(Path path) {
        FileSystem fileSystem = path.getFileSystem();
        return fileSystem.supportedFileAttributeViews().contains("posix");
    }
}
