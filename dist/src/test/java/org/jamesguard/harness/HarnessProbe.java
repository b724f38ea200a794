package org.jamesguard.harness;

import java.util.List;
import java.util.Map;

/**
 * Starts a James the way the tests do and waits forever: {@code NoOrphanJamesIT} kills this JVM with
 * SIGKILL and checks that James goes away.
 */
public final class HarnessProbe {
    public static final String STARTED = "JAMES-PID ";

    private HarnessProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        BuildLayout layout = BuildLayout.fromSystemProperties();
        JamesHome home = JamesHome.create(layout.workDir(), layout, Map.of(), List.of(), Keystores.shared());
        JamesServer server = JamesServer.start(home, layout, JamesServer.QUICK_START);
        System.out.println(STARTED + server.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
