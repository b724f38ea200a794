package org.jamesguard.core.store;

import java.time.Instant;

/** Unfreeze tokens already used: each works once. */
public interface TokenStore {
    /** Marks the token used; false if it was used before. Entries may be forgotten after {@code expires}. */
    boolean use(String tokenId, Instant expires, Instant now);
}
