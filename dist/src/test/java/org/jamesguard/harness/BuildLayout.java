package org.jamesguard.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * Where the build put what a James home needs: our jar, James's runtime classpath, the sample
 * configuration. Failsafe passes them as system properties; the demo launcher finds them from the
 * project root.
 */
public final class BuildLayout {
    private final Path guardJar;
    private final Path jamesClasspath;
    private final Path jamesConf;
    private final Path workDir;

    private BuildLayout(Path guardJar, Path jamesClasspath, Path jamesConf, Path workDir) {
        this.guardJar = guardJar;
        this.jamesClasspath = jamesClasspath;
        this.jamesConf = jamesConf;
        this.workDir = workDir;
    }

    public static BuildLayout fromSystemProperties() {
        Path root = projectRoot();
        return new BuildLayout(
            property("jamesguard.jar", () -> findGuardJar(root)),
            property("jamesguard.jamesClasspath", () -> root.resolve("james-conf/target/james-classpath.txt")),
            property("jamesguard.jamesConf", () -> root.resolve("james-conf")),
            property("jamesguard.workDir", () -> root.resolve("dist/target/e2e")));
    }

    private static Path property(String name, java.util.function.Supplier<Path> fallback) {
        String value = System.getProperty(name);
        Path path = value != null ? Paths.get(value) : fallback.get();
        return path.toAbsolutePath().normalize();
    }

    public static Path projectRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("james-conf/smtpserver.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the project root (a folder with james-conf/) above "
            + Paths.get("").toAbsolutePath());
    }

    private static Path findGuardJar(Path root) {
        try (Stream<Path> files = Files.list(root.resolve("dist/target"))) {
            // not the harness's test jar
            return files.filter(p -> p.getFileName().toString().matches("james-guard-.*(?<!-tests)\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no dist/target/james-guard-*.jar: build it with mvn package"));
        } catch (IOException e) {
            throw new UncheckedIOException("no dist/target: build the project with mvn package", e);
        }
    }

    public Path guardJar() {
        return guardJar;
    }

    public String jamesClasspath() {
        try {
            return Files.readString(jamesClasspath).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("James's runtime classpath is missing (" + jamesClasspath
                + "): build the project with mvn package", e);
        }
    }

    public Path jamesConf() {
        return jamesConf;
    }

    public Path workDir() {
        return workDir;
    }
}
