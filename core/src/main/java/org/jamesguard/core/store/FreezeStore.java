package org.jamesguard.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jamesguard.core.hijack.FreezeRecord;

/**
 * Frozen accounts. A freeze lasts until it is lifted (by a reply, WebAdmin, or at its expiry when freezes
 * expire), so that lifting always resets the account's counters.
 */
public interface FreezeStore {
    /** Freezes the account unless it is frozen already (the first freeze stays). @return whether this froze it */
    boolean freeze(FreezeRecord record);

    Optional<FreezeRecord> find(String account);

    /** The freeze with this id (an unfreeze token names it). */
    Optional<FreezeRecord> findById(String freezeId);

    /** Lifts exactly this freeze; a later freeze of the account stays. @return whether it was in force */
    boolean unfreeze(FreezeRecord record);

    /** The freezes in force, ordered by account. */
    List<FreezeRecord> list();

    /** Freezes whose expiry has passed at {@code now}, to be lifted. */
    List<FreezeRecord> expired(Instant now);
}
