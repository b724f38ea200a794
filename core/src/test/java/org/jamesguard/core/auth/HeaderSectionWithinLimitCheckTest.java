package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.core.auth.CheckTables.client;

import java.util.function.Supplier;

import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.auth.from.ClientHeaderSection;
import org.junit.jupiter.api.Test;

/** SPEC H1: where A6 reads the header section, it must end within the limit. */
class HeaderSectionWithinLimitCheckTest {
    private static final SessionSnapshot JOHN = client().authUser("john@example.com").mailFrom("john@example.com").build();
    private static final Supplier<ClientHeaderSection> NEVER = () -> {
        throw new AssertionError("read the header section although the verdict does not depend on it");
    };

    @Test
    void aSectionThatEndedWithinTheLimitPasses() {
        assertThat(HeaderSectionWithinLimitCheck.check(JOHN, () -> ClientHeaderSection.complete("From: john@example.com\r\n", 8192), false))
            .hasToString("header-section-within-limit: pass");
    }

    @Test
    void aSectionThatGoesOnIsRefusedNamingTheLimit() {
        assertThat(HeaderSectionWithinLimitCheck.check(JOHN, () -> ClientHeaderSection.overLimit("From: john@example.com\r\n", 8192), false))
            .hasToString("header-section-within-limit: reject 552 5.3.4 Header section too long: it must end within 8192 octets");
    }

    @Test
    void whereA6DoesNotApplyNothingIsRead() {
        assertThat(HeaderSectionWithinLimitCheck.check(client().mailFrom("someone@example.org").build(), NEVER, false))
            .hasToString("header-section-within-limit: pass");
        assertThat(HeaderSectionWithinLimitCheck.check(JOHN, NEVER, true)).hasToString("header-section-within-limit: pass");
    }
}
