package org.jamesguard.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jamesguard.core.hijack.FreezeRecord;

/** Frozen accounts. Expired freezes (when freezes expire) are absent at {@code now}. */
public interface FreezeStore {
    /** Freezes the account unless it is frozen already (the first freeze stays). @return whether this froze it */
    boolean freeze(FreezeRecord record, Instant now);

    Optional<FreezeRecord> find(String account, Instant now);

    /** The active freeze with this id (an unfreeze token names it). */
    Optional<FreezeRecord> findById(String freezeId, Instant now);

    /** @return whether the account was frozen */
    boolean unfreeze(String account);

    /** Active freezes, ordered by account. */
    List<FreezeRecord> list(Instant now);
}
