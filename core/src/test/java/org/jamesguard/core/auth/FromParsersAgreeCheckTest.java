package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.core.auth.CheckTables.client;
import static org.jamesguard.core.auth.CheckTables.row;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.auth.from.FromHeaderAnalysis;
import org.jamesguard.core.auth.from.FromHeaderParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC H2: A6's reading of From must be javax.mail's and mime4j's, strict and lenient. */
class FromParsersAgreeCheckTest {
    private static final String ACCOUNT = "john@example.com";
    private static final String PASS = "from-parsers-agree: pass";
    private static final String REFUSED = "from-parsers-agree: reject 550 5.7.1 From: header refused: mail programs read different addresses in it";

    static Stream<Arguments> table() {
        SessionSnapshot.Builder john = client().authUser(ACCOUNT).mailFrom(ACCOUNT);
        return Stream.of(
            row("plain address", john, "From: john@example.com", false, FromOwnershipMode.ENFORCE, PASS),
            row("display name, comment and encoded-word", john, "From: =?UTF-8?Q?J=C3=B6rg?= (home) <john@example.com>", false,
                FromOwnershipMode.ENFORCE, PASS),
            row("quoted display name with a comma", john, "From: \"Smith, John\" <john@example.com>", false, FromOwnershipMode.ENFORCE, PASS),
            row("two mailboxes", john, "From: john@example.com, John <sales@example.com>", false, FromOwnershipMode.ENFORCE, PASS),
            row("folded", john, "From: John\r\n <john@example.com>", false, FromOwnershipMode.ENFORCE, PASS),
            row("raw UTF-8 display name: mime4j strict reads nothing", john, "From: J\u00f6rg <john@example.com>", false,
                FromOwnershipMode.ENFORCE, REFUSED),
            row("raw UTF-8 domain", john, "From: <john@b\u00fccher.example>", false, FromOwnershipMode.ENFORCE, REFUSED),
            row("unpadded base64 encoded-word: Java decodes it, mime4j throws", john, "From: =?UTF-8?B?Sm9obg?= <john@example.com>", false,
                FromOwnershipMode.ENFORCE, REFUSED),
            row("stamp-sender stamps", john, "From: J\u00f6rg <john@example.com>", false, FromOwnershipMode.STAMP_SENDER,
                "from-parsers-agree: warn [Sender: john@example.com]"),
            row("a header A6 refuses is A6's business", john, "From: a@example.com\r\nFrom: b@example.com", false,
                FromOwnershipMode.ENFORCE, PASS),
            row("gateway mail is not parsed", john, null, true, FromOwnershipMode.ENFORCE, PASS),
            row("unauthenticated: not parsed", client().mailFrom(ACCOUNT), null, false, FromOwnershipMode.ENFORCE, PASS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, SessionSnapshot session, String headerSection, boolean gatewayMail, FromOwnershipMode mode,
                 String expected) {
        assertThat(check(session, headerSection, gatewayMail, mode)).hasToString(expected);
    }

    @Test
    void theAuditLineSaysWhichParserReadWhat() {
        Verdict verdict = check(client().authUser(ACCOUNT).build(), "From: J\u00f6rg <john@example.com>", false, FromOwnershipMode.ENFORCE);

        assertThat(verdict.detail()).contains("john@example.com: mime4j strict reads no mailbox (parse error)");
    }

    private static Verdict check(SessionSnapshot session, String headerSection, boolean gatewayMail, FromOwnershipMode mode) {
        return FromParsersAgreeCheck.check(session, parsed(headerSection), gatewayMail, mode);
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
