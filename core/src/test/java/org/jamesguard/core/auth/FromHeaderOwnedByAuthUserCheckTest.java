package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.core.auth.CheckTables.client;
import static org.jamesguard.core.auth.CheckTables.row;

import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jamesguard.core.Header;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.auth.from.FromHeaderAnalysis;
import org.jamesguard.core.auth.from.FromHeaderParser;
import org.jamesguard.core.net.EmailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC A6. The account john@example.com owns john@ and sales@example.com; news@example.com is on the
 * exemption list (A7). The header column is the message's header section; {@code null} means the header
 * must not even be parsed.
 */
class FromHeaderOwnedByAuthUserCheckTest {
    private static final String ACCOUNT = "john@example.com";
    private static final Set<EmailAddress> OWNED = Set.of(EmailAddress.parse("john@example.com"), EmailAddress.parse("sales@example.com"));
    private static final Predicate<EmailAddress> OWNS = OWNED::contains;
    private static final Predicate<EmailAddress> EXEMPT = EmailAddress.parse("news@example.com")::equals;

    private static final String PASS = "from-owned-by-auth-user: pass";
    private static final String NOT_OWNED = "from-owned-by-auth-user: reject 550 5.7.1 From: header address not owned by authenticated user";
    private static final String REFUSED = "from-owned-by-auth-user: reject 550 5.7.1 From: header refused: ";
    private static final String STAMPED = "from-owned-by-auth-user: warn [Sender: john@example.com]";

    static Stream<Arguments> table() {
        SessionSnapshot.Builder john = client().authUser(ACCOUNT).mailFrom(ACCOUNT);
        return Stream.of(
            row("own address", john, "From: John <john@example.com>", false, FromOwnershipMode.ENFORCE, PASS),
            row("alias", john, "From: sales@example.com", false, FromOwnershipMode.ENFORCE, PASS),
            row("two owned addresses", john, "From: john@example.com, sales@example.com", false, FromOwnershipMode.ENFORCE, PASS),
            row("someone else's address", john, "From: CEO <ceo@example.com>", false, FromOwnershipMode.ENFORCE, NOT_OWNED),
            row("own and someone else's", john, "From: john@example.com, ceo@example.com", false, FromOwnershipMode.ENFORCE, NOT_OWNED),
            row("address hidden in the display name", john, "From: \"ceo@example.com\" <john@example.com>", false,
                FromOwnershipMode.ENFORCE, NOT_OWNED),
            row("A7: exempt address", john, "From: news@example.com", false, FromOwnershipMode.ENFORCE, PASS),
            row("missing From", john, "Subject: hi", false, FromOwnershipMode.ENFORCE, REFUSED + "missing From field"),
            row("several From fields", john, "From: john@example.com\r\nFrom: john@example.com", false, FromOwnershipMode.ENFORCE,
                REFUSED + "several From fields"),
            row("group syntax", john, "From: Team: john@example.com;", false, FromOwnershipMode.ENFORCE, REFUSED + "group syntax in From"),
            row("report-only is the recorder's business: the verdict still refuses", john, "From: ceo@example.com", false,
                FromOwnershipMode.REPORT_ONLY, NOT_OWNED),
            row("stamp-sender: someone else's address", john, "From: ceo@example.com", false, FromOwnershipMode.STAMP_SENDER, STAMPED),
            row("stamp-sender: malformed header", john, "Subject: hi", false, FromOwnershipMode.STAMP_SENDER, STAMPED),
            row("stamp-sender: own address", john, "From: john@example.com", false, FromOwnershipMode.STAMP_SENDER, PASS),
            row("A8: gateway mail is not parsed", john, null, true, FromOwnershipMode.ENFORCE, PASS),
            row("unauthenticated: not parsed", client().mailFrom(ACCOUNT), null, false, FromOwnershipMode.ENFORCE, PASS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, SessionSnapshot session, String headerSection, boolean gatewayMail, FromOwnershipMode mode,
                 String expected) {
        assertThat(check(session, headerSection, gatewayMail, mode)).hasToString(expected);
    }

    @Test
    void stampingReplacesAnySenderTheClientWrote() {
        Verdict verdict = check(client().authUser(ACCOUNT).build(), "From: ceo@example.com", false, FromOwnershipMode.STAMP_SENDER);

        assertThat(verdict.header()).contains(Header.replacing("Sender", ACCOUNT));
    }

    @Test
    void stampingUsesTheAccountNameAsAuthenticated() {
        Verdict verdict = check(client().authUser("John@Example.com").build(), "From: ceo@example.com", false,
            FromOwnershipMode.STAMP_SENDER);

        assertThat(verdict).hasToString("from-owned-by-auth-user: warn [Sender: John@Example.com]");
    }

    @Test
    void theRefusalNamesAccountAndAddressForTheAuditLog() {
        Verdict verdict = check(client().authUser(ACCOUNT).build(), "From: ceo@example.com", false, FromOwnershipMode.ENFORCE);

        assertThat(verdict.detail()).contains("john@example.com: From address ceo@example.com is not owned by the authenticated user");
    }

    @Test
    void theStampSaysWhatItReplacedForTheAuditLog() {
        Verdict verdict = check(client().authUser(ACCOUNT).build(), "From: ceo@example.com", false, FromOwnershipMode.STAMP_SENDER);

        assertThat(verdict.detail())
            .contains("From address ceo@example.com is not owned by the authenticated user; Sender set to john@example.com");
    }

    private static Verdict check(SessionSnapshot session, String headerSection, boolean gatewayMail, FromOwnershipMode mode) {
        return FromHeaderOwnedByAuthUserCheck.check(session, parsed(headerSection), OWNS, EXEMPT, gatewayMail, mode);
    }

    private static Supplier<FromHeaderAnalysis> parsed(String headerSection) {
        return () -> {
            if (headerSection == null) {
                throw new AssertionError("parsed the From header although the verdict does not depend on it");
            }
            return FromHeaderParser.parse(headerSection + "\r\n\r\nbody\r\n");
        };
    }
}
