package org.jamesguard.core.screen;

import java.util.Optional;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.store.ScreenEntry;

/** A client IP on the dynamic screen is refused at connect with {@code 554 5.7.1} and closed; trusted IPs never. */
public final class ScreenedIpCheck {
    public static final CheckId ID = CheckId.of("screened-ip");

    private ScreenedIpCheck() {
    }

    public static Verdict check(SessionSnapshot session, Optional<ScreenEntry> entry) {
        if (session.trusted() || entry.isEmpty()) {
            return Verdict.pass(ID);
        }
        return Verdict.reject(ID, Replies.SCREENED).andClose()
            .withDetail(entry.get().reason() + " until " + entry.get().expires());
    }
}
