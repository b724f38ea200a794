package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.jamesguard.harness.BuildLayout;
import org.junit.jupiter.api.Test;

/**
 * The extension jar runs inside James's parent-first class loader: a class James already ships would be
 * shadowed by James's copy (or, worse, mixed with it). So the jar holds our classes and, relocated,
 * only libraries James 3.8.1 lacks.
 */
class ExtensionJarIT {
    private final BuildLayout layout = BuildLayout.fromSystemProperties();

    @Test
    void containsNoClassThatJamesAlreadyShips() throws IOException {
        Set<String> ours = classesOf(layout.guardJar().toFile());
        Set<String> james = new TreeSet<>();
        for (String jar : layout.jamesClasspath().split(File.pathSeparator)) {
            james.addAll(classesOf(new File(jar)));
        }

        Set<String> overlap = new TreeSet<>(ours);
        overlap.retainAll(james);
        assertThat(overlap).as("classes of %s also on James 3.8.1's classpath", layout.guardJar()).isEmpty();
    }

    @Test
    void containsTheModuleHandlersMailetsAndRoutes() throws IOException {
        assertThat(classesOf(layout.guardJar().toFile())).contains(
            "org.jamesguard.JamesGuardModule",
            "org.jamesguard.hooks.smtp.ScreenGate",
            "org.jamesguard.mailets.ClientIsScreened",
            "org.jamesguard.webadmin.GuardRoutes",
            "org.jamesguard.core.DecisionRecorder");
    }

    @Test
    void bundlesLettuceRelocated() throws IOException {
        Set<String> classes = classesOf(layout.guardJar().toFile());

        assertThat(classes).contains("org.jamesguard.shaded.lettuce.core.RedisClient");
        assertThat(classes).noneMatch(name -> name.startsWith("io.lettuce."));
        assertThat(classes).as("Netty and Reactor are James's").noneMatch(name -> name.contains(".netty.") || name.startsWith("reactor."));
    }

    private static Set<String> classesOf(File jar) throws IOException {
        if (!jar.getName().endsWith(".jar")) {
            return Collections.emptySet();
        }
        try (JarFile file = new JarFile(jar)) {
            return file.stream()
                .map(JarEntry::getName)
                .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class"))
                .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
