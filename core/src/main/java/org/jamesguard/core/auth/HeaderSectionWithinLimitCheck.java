package org.jamesguard.core.auth;

import java.util.function.Supplier;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.auth.from.ClientHeaderSection;

/**
 * SPEC H1: where A6 reads the From: header, the client's header section must end within the configured
 * limit. A From: field past the limit would never be read, so a section that goes on is refused rather
 * than judged by its beginning. Applies where A6 does: authenticated submissions not all for gateway
 * domains; elsewhere nothing reads the header section and James's own size limit governs.
 */
public final class HeaderSectionWithinLimitCheck {
    public static final CheckId ID = CheckId.of("header-section-within-limit");

    private HeaderSectionWithinLimitCheck() {
    }

    /**
     * @param section the client's header section, asked for only when the check applies
     * @param gatewayMail every recipient is in a gateway domain (A8)
     */
    public static Verdict check(SessionSnapshot session, Supplier<ClientHeaderSection> section, boolean gatewayMail) {
        if (!session.authenticated() || gatewayMail) {
            return Verdict.pass(ID);
        }
        ClientHeaderSection header = section.get();
        if (header.endedWithinLimit()) {
            return Verdict.pass(ID);
        }
        return Verdict.reject(ID, Replies.HEADER_SECTION_TOO_LONG.withText(
                Replies.HEADER_SECTION_TOO_LONG.text() + ": it must end within " + header.limit() + " octets"))
            .withDetail(session.authUser().orElseThrow() + ": the header section goes on past " + header.limit() + " octets");
    }
}
