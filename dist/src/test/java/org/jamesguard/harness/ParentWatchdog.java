package org.jamesguard.harness;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of every James the harness or the demo starts: it runs James's own main, and exits
 * as soon as its standard input reaches end of file. The parent keeps that pipe open; when the
 * parent dies, even by SIGKILL, the operating system closes it, so no James is ever left behind.
 * Loaded on James's classpath: it must use nothing but the JDK.
 */
public final class ParentWatchdog {
    private ParentWatchdog() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent writes nothing; any byte is ignored
                }
            } catch (IOException e) {
                // a broken pipe means the same as end of file
            }
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Class.forName("org.apache.james.MemoryJamesServerMain").getMethod("main", String[].class)
            .invoke(null, (Object) args);
    }
}
