package org.jamesguard.core.store;

import java.time.Instant;
import java.util.Optional;

/** When each IP last logged in over POP3, for POP-before-SMTP (SPEC A10). */
public interface PopLoginStore {
    void recordLogin(String ip, Instant at);

    Optional<Instant> lastLogin(String ip);
}
