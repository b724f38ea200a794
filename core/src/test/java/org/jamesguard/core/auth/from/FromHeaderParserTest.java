package org.jamesguard.core.auth.from;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jamesguard.core.net.EmailAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC A6. The account is john@example.com with the aliases sales@, o'brien@ and
 * user@bücher.example; the attacker wants mail to read as coming from ceo@example.com. Case names
 * start with the attack class they belong to.
 */
class FromHeaderParserTest {
    private static final List<EmailAddress> ACCOUNT = Stream.of(
            "john@example.com", "sales@example.com", "o'brien@example.com", "user@xn--bcher-kva.example")
        .map(EmailAddress::parse)
        .collect(Collectors.toList());
    private static final Predicate<EmailAddress> OWNED = address -> ACCOUNT.stream().anyMatch(own -> own.sameMailbox(address, false));

    private static final String CYRILLIC_A = "\u0430";

    static Stream<Arguments> refusedCases() {
        return Stream.of(
            refused("several From: identical fields", message("From: john@example.com", "From: john@example.com"), "several From fields"),
            refused("several From: upper-case second field", message("From: john@example.com", "FROM: ceo@example.com"), "several From fields"),
            refused("several From: lower-case field after another header", message("From: john@example.com", "To: x@example.org", "from: ceo@example.com"), "several From fields"),
            refused("several From: own address last", message("From: ceo@example.com", "Subject: x", "From: john@example.com"), "several From fields"),
            refused("several From: second field empty", message("From: john@example.com", "From:"), "several From fields"),

            refused("address in display name: spaces around @", from("\"ceo @ example.com\" <john@example.com>"), "address-like text"),
            refused("address in display name: two @ in one word", from("\"ceo@example.com@evil\" <john@example.com>"), "address-like text"),
            refused("address in display name: not a valid domain", from("\"ceo@example.com!\" <john@example.com>"), "address-like text"),
            refused("address in display name: unquoted before the angle address", from("ceo@example.com <john@example.com>"), "malformed From"),
            refused("address in comment: comment inside the address", from("john(ceo@example.com)@example.com"), "comment inside an address"),

            refused("encoded-word in address part: local part", from("=?UTF-8?Q?ceo?=@example.com"), "encoded-word in the address part"),
            refused("encoded-word in address part: whole angle address", from("<=?UTF-8?B?Y2VvQGV4YW1wbGUuY29t?=>"), "encoded-word in the address part"),
            refused("encoded-word in address part: domain", from("John <john@=?UTF-8?Q?example.com?=>"), "encoded-word in the address part"),
            refused("encoded-word in address part: local part in angle address", from("CEO <=?UTF-8?Q?ceo?=@example.com>"), "encoded-word in the address part"),
            refused("malformed encoded-word: unknown charset", from("=?X-UNKNOWN?Q?ceo?= <john@example.com>"), "unknown charset in an encoded-word"),
            refused("malformed encoded-word: UTF-7 is not decoded", from("=?UTF-7?Q?+AEA-?= <john@example.com>"), "unknown charset in an encoded-word"),
            refused("malformed encoded-word: bad base64", from("=?UTF-8?B?!!!?= <john@example.com>"), "malformed encoded-word"),
            refused("malformed encoded-word: space inside", from("=?UTF-8?Q?ceo =40example.com?= <john@example.com>"), "malformed encoded-word"),
            refused("malformed encoded-word: invalid UTF-8", from("=?UTF-8?Q?=FF?= <john@example.com>"), "malformed encoded-word"),
            refused("malformed encoded-word: truncated escape", from("=?UTF-8?Q?ceo=4?= <john@example.com>"), "malformed encoded-word"),

            refused("control in encoded-word: NUL in Q", from("=?UTF-8?Q?a=00b?= <john@example.com>"), "control or invisible character in an encoded-word"),
            refused("control in encoded-word: CRLF and a From line in B", from("=?UTF-8?B?eA0KRnJvbTogY2VvQGNvcnA=?= <john@example.com>"), "control or invisible character in an encoded-word"),
            refused("control in encoded-word: LF", from("=?UTF-8?Q?x=0Ay?= <john@example.com>"), "control or invisible character in an encoded-word"),
            refused("control in encoded-word: CR", from("=?UTF-8?Q?x=0Dy?= <john@example.com>"), "control or invisible character in an encoded-word"),
            refused("control in encoded-word: NUL in a comment", from("john@example.com (=?UTF-8?Q?=00ceo=40example.com?=)"), "control or invisible character in an encoded-word"),
            refused("control in encoded-word: NUL in ISO-8859-1", from("=?ISO-8859-1?Q?x=00?= <john@example.com>"), "control or invisible character in an encoded-word"),
            refused("control in encoded-word: NEL", from("=?UTF-8?Q?x=C2=85y?= <john@example.com>"), "control or invisible character in an encoded-word"),
            refused("control in encoded-word: right-to-left override", from("=?UTF-8?Q?=E2=80=AEmoc.elpmaxe=40oec?= <john@example.com>"), "control or invisible character in an encoded-word"),

            refused("quoted local part: containing the victim's address", from("\"ceo@example.com\"@evil.example"), "quoted local part"),
            refused("quoted local part: in angle address", from("<\"ceo\"@example.com>"), "quoted local part"),
            refused("quoted local part: even the account's own", from("\"john\"@example.com"), "quoted local part"),
            refused("quoted local part: with a space", from("John <\"john doe\"@example.com>"), "quoted local part"),
            refused("quoted local part: with an escaped quote", from("\"ceo\\\"@example.com\"@evil.example"), "quoted local part"),

            refused("group syntax: empty group", from("Undisclosed recipients:;"), "group syntax"),
            refused("group syntax: group of two", from("Team: john@example.com, ceo@example.com;"), "group syntax"),
            refused("group syntax: after an address", from("john@example.com, Board: ceo@example.com;"), "group syntax"),
            refused("group syntax: quoted group name", from("\"CEO\":john@example.com;"), "group syntax"),
            refused("group syntax: angle address in group", from("Team: <ceo@example.com>;"), "group syntax"),

            refused("source route: one hop", from("<@relay.example:ceo@example.com>"), "source route"),
            refused("source route: two hops", from("John <@a.example,@b.example:john@example.com>"), "source route"),
            refused("source route: space after <", from("CEO < @relay.example:ceo@example.com>"), "source route"),
            refused("source route: route without @", from("<relay.example:john@example.com>"), "source route"),

            refused("obsolete syntax: spaces around a dot in the local part", from("john . doe@example.com"), "obsolete syntax"),
            refused("obsolete syntax: spaces around a dot in the domain", from("john@example . com"), "obsolete syntax"),
            refused("obsolete syntax: space before @", from("john @example.com"), "obsolete syntax"),
            refused("obsolete syntax: comment in angle address", from("John <john (x) @example.com>"), "obsolete syntax"),
            refused("obsolete syntax: empty list element", from("john@example.com,,ceo@example.com"), "obsolete syntax"),
            refused("obsolete syntax: leading comma", from(", john@example.com"), "obsolete syntax"),
            refused("obsolete syntax: trailing comma", from("john@example.com,"), "obsolete syntax"),
            refused("obsolete syntax: two dots in the local part", from("john..doe@example.com"), "obsolete syntax"),
            refused("obsolete syntax: leading dot", from(".john@example.com"), "obsolete syntax"),
            refused("obsolete syntax: trailing dot in the domain", from("John <john@example.com.>"), "obsolete syntax"),
            refused("obsolete syntax: whitespace-only folded line", from("John\r\n \r\n <john@example.com>"), "obsolete syntax"),
            refused("obsolete syntax: folded inside the domain", from("john@exam\r\n ple.com"), "obsolete syntax"),

            refused("whitespace before colon: space", message("From : ceo@example.com"), "whitespace before the colon"),
            refused("whitespace before colon: tab", message("From\t: ceo@example.com"), "whitespace before the colon"),
            refused("whitespace before colon: next to a valid From", message("From: john@example.com", "From : ceo@example.com"), "whitespace before the colon"),
            refused("whitespace before colon: upper-case name", message("FROM  : john@example.com"), "whitespace before the colon"),

            refused("bare CR or LF: LF starts a second From", "Received: x\r\nFrom: john@example.com\nFrom: ceo@example.com\r\n\r\nbody", "bare CR or LF"),
            refused("bare CR or LF: LF LF ends the section early for some", "Received: x\r\nSubject: hi\n\r\nFrom: ceo@example.com\r\n\r\nbody", "bare CR or LF"),
            refused("bare CR or LF: CR inside From", from("john@example.com\r ceo@example.com"), "bare CR or LF"),
            refused("bare CR or LF: Unix line endings", "From: john@example.com\nSubject: hi\n\nbody\n", "bare CR or LF"),
            refused("bare CR or LF: CR in another field", message("X-Note: a\rFrom: ceo@example.com", "From: john@example.com"), "bare CR or LF"),
            refused("bare CR or LF: CR at the end of the text", "From: john@example.com\r", "bare CR or LF"),

            refused("non-ASCII: IDNA deviation sharp s", from("john@fa\u00DF.example"), "IDNA deviation"),
            refused("non-ASCII: IDNA deviation final sigma", from("John <john@\u03C3\u03BF\u03C2.example>"), "IDNA deviation"),
            refused("non-ASCII: zero-width space in the domain", from("John <john@exam\u200Bple.com>"), "control or invisible character in From"),
            refused("non-ASCII: right-to-left override in the display name", from("\u202Emoc.elpmaxe@oec\u202C <john@example.com>"), "control or invisible character in From"),
            refused("non-ASCII: 8-bit text that was not UTF-8", from("J\uFFFDrg <john@example.com>"), "not UTF-8"),
            refused("non-ASCII: NUL outside an encoded-word", from("John\u0000 <john@example.com>"), "NUL in the header section"),
            refused("NUL in another field's value", message("X-Note: a\u0000b", "From: john@example.com"), "NUL in the header section"),
            refused("non-ASCII: line separator", from("John\u2028From: ceo@example.com <john@example.com>"), "control or invisible character in From"),

            refused("overlong: From line over 998 octets", from("\"" + "x".repeat(1000) + "\" <john@example.com>"), "longer than 998"),
            refused("overlong: another field over 998 octets", message("Subject: " + "x".repeat(1200), "From: john@example.com"), "longer than 998"),
            refused("overlong: From folded past 2048 octets", from("\"" + ("x".repeat(80) + "\r\n ").repeat(30) + "\" <john@example.com>"), "longer than 2048"),
            refused("overlong: 530 characters but over 998 octets", from("\"" + "\u00F6".repeat(500) + "\" <john@example.com>"), "longer than 998"),
            refused("overlong: four-octet characters", from("\"" + "\uD83D\uDE00".repeat(250) + "\" <john@example.com>"), "longer than 998"),

            refused("missing From: no field", message("Sender: john@example.com"), "missing From"),
            refused("missing From: empty header section", "\r\nFrom: john@example.com\r\n", "missing From"),
            refused("missing From: only in the body", "Subject: hi\r\n\r\nFrom: john@example.com\r\n", "missing From"),
            refused("empty From: nothing after the colon", from(""), "empty From"),
            refused("empty From: only spaces", from("   "), "empty From"),
            refused("empty From: only a comment", from("(john@example.com)"), "empty From"),
            refused("empty From: null address", from("<>"), "empty From"),

            refused("malformed header: line without colon", message("Subject hi", "From: john@example.com"), "without a colon"),
            refused("malformed header: continuation before any field", " x\r\nFrom: john@example.com\r\n\r\n", "continuation line"),
            refused("malformed header: space inside a field name", message("Fr om: ceo@example.com", "From: john@example.com"), "field name"),
            refused("malformed header: NUL in a field name", message("From\u0000: ceo@example.com", "From: john@example.com"), "NUL in the header section"),
            refused("malformed header: 8-bit in a field name", message("Fr\u00f6m: ceo@example.com", "From: john@example.com"), "field name"),
            refused("malformed header: look-alike From field", message("Fr\u043Em: ceo@example.com", "From: john@example.com"), "field name"),
            refused("malformed header: tab before the colon of a second From", message("From: john@example.com", "From\t: ceo@example.com"), "whitespace before the colon"),
            refused("malformed header: mbox separator line", "From ceo@example.com Mon Jan  1 00:00:00 2024\r\nFrom: john@example.com\r\n\r\n", "field name"),
            refused("malformed From: unterminated quoted display name", from("\"John <john@example.com>"), "unterminated"),
            refused("malformed From: unbalanced comment", from("john@example.com (John"), "unterminated"),
            refused("malformed From: domain literal", from("John <john@[192.0.2.1]>"), "domain literal"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCases")
    void refusesHeadersThatHideOrConfuseTheSender(String name, String message, String reason) {
        FromHeaderAnalysis analysis = FromHeaderParser.parse(message);

        assertThat(analysis.rejection()).hasValueSatisfying(r -> assertThat(r).contains(reason).doesNotContain("ceo"));
        assertThat(analysis.addresses()).isEmpty();
        assertThat(analysis.refusalFor(address -> true)).isEqualTo(analysis.rejection());
    }

    static Stream<Arguments> hiddenAddressCases() {
        return Stream.of(
            found("several addresses: comma and space", from("john@example.com, ceo@example.com"), "john@example.com", "ceo@example.com"),
            found("several addresses: two name-addrs", from("\"John\" <john@example.com>, \"CEO\" <ceo@example.com>"), "john@example.com", "ceo@example.com"),
            found("several addresses: no space", from("john@example.com,ceo@example.com"), "john@example.com", "ceo@example.com"),
            found("several addresses: folded list", from("ceo@example.com,\r\n john@example.com"), "ceo@example.com", "john@example.com"),

            found("address in display name: quoted", from("\"ceo@example.com\" <john@example.com>"), "ceo@example.com", "john@example.com"),
            found("address in display name: angle brackets inside quotes", from("\"CEO <ceo@example.com>\" <john@example.com>"), "ceo@example.com", "john@example.com"),
            found("address in display name: escaped @", from("\"ceo\\@example.com\" <john@example.com>"), "ceo@example.com", "john@example.com"),
            found("address in display name: full-width @ and dot", from("\"ceo\uFF20example\uFF0Ecom\" <john@example.com>"), "ceo@example.com", "john@example.com"),
            found("address in display name: mailto prefix", from("\"mailto:ceo@example.com\" <john@example.com>"), "ceo@example.com", "john@example.com"),
            found("address in comment: after a bare address", from("john@example.com (ceo@example.com)"), "john@example.com", "ceo@example.com"),
            found("address in comment: after an angle address", from("John <john@example.com> (CEO ceo@example.com)"), "john@example.com", "ceo@example.com"),
            found("address in comment: before a bare address", from("(ceo@example.com) john@example.com"), "john@example.com", "ceo@example.com"),
            found("address in comment: folded comment", from("john@example.com\r\n\t(ceo@example.com)"), "john@example.com", "ceo@example.com"),

            found("encoded-word in display name: base64 address", from("=?UTF-8?B?Y2VvQGV4YW1wbGUuY29t?= <john@example.com>"), "ceo@example.com", "john@example.com"),
            found("encoded-word in display name: Q address", from("=?UTF-8?Q?ceo=40example.com?= <john@example.com>"), "ceo@example.com", "john@example.com"),
            found("encoded-word in display name: split over two words", from("=?UTF-8?Q?ceo?= =?UTF-8?Q?=40example.com?= <john@example.com>"), "ceo@example.com", "john@example.com"),
            found("encoded-word in display name: inside a comment", from("john@example.com (=?UTF-8?Q?ceo=40example.com?=)"), "john@example.com", "ceo@example.com"),
            found("encoded-word in display name: inside quotes", from("\"=?UTF-8?Q?ceo=40example.com?=\" <john@example.com>"), "ceo@example.com", "john@example.com"),
            found("encoded-word in display name: encoded full-width @", from("=?UTF-8?Q?ceo=EF=BC=A0example.com?= <john@example.com>"), "ceo@example.com", "john@example.com"),

            found("non-ASCII: Cyrillic a in a bare address", from("ceo@ex" + CYRILLIC_A + "mple.com"), "ceo@xn--exmple-4nf.com"),
            found("non-ASCII: look-alike of the account's own domain", from("John <john@ex" + CYRILLIC_A + "mple.com>"), "john@xn--exmple-4nf.com"),
            found("non-ASCII: three Cyrillic letters", from("ceo@\u0435\u0445" + CYRILLIC_A + "mple.com"), "ceo@xn--mple-43d3a6i.com"),
            found("non-ASCII: Greek omicron in the TLD", from("John <john@example.c\u03BFm>"), "john@example.xn--cm-jbc"),
            found("non-ASCII: look-alike in the display name", from("\"ceo@ex" + CYRILLIC_A + "mple.com\" <john@example.com>"), "ceo@xn--exmple-4nf.com", "john@example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hiddenAddressCases")
    void revealsEveryAddressSoTheOwnershipCheckSeesIt(String name, String message, List<String> expected) {
        FromHeaderAnalysis analysis = FromHeaderParser.parse(message);

        assertThat(analysis.rejection()).isEmpty();
        assertThat(asStrings(analysis)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(analysis.refusalFor(OWNED)).hasValueSatisfying(r -> assertThat(r).contains("is not owned"));
    }

    static Stream<Arguments> legitimateCases() {
        String folded = "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s1;\r\n\th=from:to:subject; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\r\n\tb=dGVzdA==";
        return Stream.of(
            found("quoted display name with a comma", from("\"Doe, John\" <john@example.com>"), "john@example.com"),
            found("quoted display name with escaped quotes", from("\"John \\\"Johnny\\\" Doe\" <john@example.com>"), "john@example.com"),
            found("quoted display name with an apostrophe", from("\"O'Brien, Pat\" <o'brien@example.com>"), "o'brien@example.com"),
            found("plain display name", from("John Doe <john@example.com>"), "john@example.com"),
            found("display name with an initial", from("J. Doe <john@example.com>"), "john@example.com"),
            found("base64 encoded non-ASCII display name", from("=?UTF-8?B?SsO2aG4gRMO2ZQ==?= <john@example.com>"), "john@example.com"),
            found("ISO-8859-1 Q-encoded display name", from("=?ISO-8859-1?Q?J=F6rg_M=FCller?= <john@example.com>"), "john@example.com"),
            found("raw UTF-8 display name", from("J\u00F6hn D\u00F6e <john@example.com>"), "john@example.com"),
            found("display name equal to the address, Outlook style", from("\"john@example.com\" <john@example.com>"), "john@example.com"),
            found("address in apostrophes as display name", from("\"'john@example.com'\" <john@example.com>"), "john@example.com"),
            found("bare address", from("john@example.com"), "john@example.com"),
            found("bare address with a name comment", from("john@example.com (John Doe)"), "john@example.com"),
            found("angle address only", from("<john@example.com>"), "john@example.com"),
            found("no space after the colon", message("From:john@example.com"), "john@example.com"),
            found("upper-case domain", from("John <john@EXAMPLE.COM>"), "john@example.com"),
            found("upper-case local part", from("\"Doe, John\" <JOHN@Example.Com>"), "JOHN@example.com"),
            found("upper-case field name", message("FROM: john@example.com"), "john@example.com"),
            found("lower-case field name", message("from: john@example.com"), "john@example.com"),
            found("alias", from("Sales <sales@example.com>"), "sales@example.com"),
            found("two owned addresses", from("john@example.com, Sales <sales@example.com>"), "john@example.com", "sales@example.com"),
            found("Unicode domain of the account", from("User <user@b\u00FCcher.example>"), "user@xn--bcher-kva.example"),
            found("full-width domain maps to the account's", from("John <john@\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45.com>"), "john@example.com"),
            found("folded long display name", from("\"John Doe, Senior Vice President of Rather Long Titles\"\r\n <john@example.com>"), "john@example.com"),
            found("folded with a tab", from("John Doe\r\n\t<john@example.com>"), "john@example.com"),
            found("folded encoded-words", from("=?UTF-8?Q?J=C3=B6hn?=\r\n =?UTF-8?Q?_D=C3=B6e?= <john@example.com>"), "john@example.com"),
            found("folded Subject line that reads From: is not a field", message("Subject: fwd\r\n From: ceo@example.com", "From: john@example.com"), "john@example.com"),
            found("From line of exactly 998 octets", from(paddedTo998("From: \"", "\" <john@example.com>")), "john@example.com"),
            found("typical client header section", message(folded, "MIME-Version: 1.0", "From: John Doe <john@example.com>",
                "Message-ID: <abc@mail.example.com>", "To: ceo@example.com"), "john@example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legitimateCases")
    void acceptsWhatNormalClientsSend(String name, String message, List<String> expected) {
        FromHeaderAnalysis analysis = FromHeaderParser.parse(message);

        assertThat(analysis.rejection()).isEmpty();
        assertThat(asStrings(analysis)).containsExactlyElementsOf(expected);
        assertThat(analysis.refusalFor(OWNED)).isEmpty();
    }

    @Test
    void lookAlikeDomainIsAnotherALabelAndNotTheOwnedAddress() {
        EmailAddress owned = EmailAddress.parse("ceo@example.com");

        FromHeaderAnalysis analysis = FromHeaderParser.parse(from("ceo@ex" + CYRILLIC_A + "mple.com"));

        assertThat(analysis.addresses()).singleElement().satisfies(address -> {
            assertThat(address.domain()).startsWith("xn--");
            assertThat(address.sameMailbox(owned, false)).isFalse();
        });
        assertThat(analysis.refusalFor(owned::equals)).isPresent();
    }

    @Test
    void unicodeDomainEqualsTheOwnedALabel() {
        EmailAddress owned = EmailAddress.parse("user@xn--bcher-kva.example");

        FromHeaderAnalysis analysis = FromHeaderParser.parse(from("user@b\u00FCcher.example"));

        assertThat(analysis.addresses()).containsExactly(owned);
        assertThat(analysis.refusalFor(owned::equals)).isEmpty();
    }

    @Test
    void refusalForNamesTheFirstAddressNotOwned() {
        FromHeaderAnalysis analysis = FromHeaderParser.parse(from("john@example.com, ceo@example.com, cfo@example.com"));

        assertThat(analysis.refusalFor(OWNED)).contains("From address ceo@example.com is not owned by the authenticated user");
    }

    @Test
    void onlyTheHeaderSectionIsRead() {
        String message = "From: john@example.com\r\n\r\nbody\nFrom: ceo@example.com\r\n" + "x".repeat(2000) + "\r";

        assertThat(FromHeaderParser.parse(message).refusalFor(OWNED)).isEmpty();
    }

    @Test
    void headerSectionWithoutBodyIsAccepted() {
        assertThat(asStrings(FromHeaderParser.parse("From: john@example.com"))).containsExactly("john@example.com");
    }

    private static Arguments refused(String name, String message, String reason) {
        return Arguments.of(name, message, reason);
    }

    private static Arguments found(String name, String message, String... addresses) {
        return Arguments.of(name, message, List.of(addresses));
    }

    /** A header section around the given lines, as James sees it after DATA. */
    private static String message(String... headerLines) {
        return "Received: from client.example ([192.0.2.10]) by mx.example.com; Mon, 1 Jan 2024 10:00:00 +0000\r\n"
            + String.join("\r\n", headerLines) + "\r\nSubject: hello\r\n\r\nbody\r\n";
    }

    private static String from(String value) {
        return message("From: " + value);
    }

    private static String paddedTo998(String prefix, String suffix) {
        return (prefix + "x".repeat(998 - prefix.length() - suffix.length()) + suffix).substring("From: ".length());
    }

    private static List<String> asStrings(FromHeaderAnalysis analysis) {
        return analysis.addresses().stream().map(EmailAddress::asString).collect(Collectors.toList());
    }
}
