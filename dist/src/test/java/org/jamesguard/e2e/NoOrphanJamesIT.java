package org.jamesguard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.jamesguard.harness.HarnessProbe;
import org.junit.jupiter.api.Test;

/** Killing a JVM that started James (with SIGKILL: no shutdown hook runs) leaves no James behind. */
class NoOrphanJamesIT {
    @Test
    void jamesExitsWhenTheJvmThatStartedItIsKilled() throws Exception {
        Process parent = new ProcessBuilder(List.of(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            "-Djamesguard.jar=" + System.getProperty("jamesguard.jar"),
            "-Djamesguard.jamesClasspath=" + System.getProperty("jamesguard.jamesClasspath"),
            "-Djamesguard.jamesConf=" + System.getProperty("jamesguard.jamesConf"),
            "-Djamesguard.workDir=" + System.getProperty("jamesguard.workDir") + File.separator + "orphan",
            HarnessProbe.class.getName()))
            .redirectErrorStream(true)
            .start();
        long jamesPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String lastLine = "";
            while ((line = out.readLine()) != null && !line.startsWith(HarnessProbe.STARTED)) {
                lastLine = line;
            }
            assertThat(line).as("the probe started James; last output: %s", lastLine).isNotNull();
            jamesPid = Long.parseLong(line.substring(HarnessProbe.STARTED.length()).trim());
        }
        Optional<ProcessHandle> james = ProcessHandle.of(jamesPid);
        assertThat(james).as("James runs as a child of the probe").isPresent();

        parent.destroyForcibly().waitFor();

        Awaitility.await("James exits after its parent was killed").atMost(Duration.ofSeconds(60))
            .until(() -> !james.get().isAlive());
    }
}
