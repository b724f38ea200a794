package org.jamesguard.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.core.auth.CheckTables.client;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.function.Predicate;

import javax.mail.Address;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.auth.from.FromHeaderAnalysis;
import org.jamesguard.core.auth.from.FromHeaderParser;
import org.jamesguard.core.auth.from.FromReaders;
import org.jamesguard.core.net.EmailAddress;
import org.junit.jupiter.api.Test;

/**
 * SPEC A6 with H2 against generated From fields: the RFC 5322 grammar (display names, quoted strings,
 * comments, encoded-words, folding) with mutations (NUL, bare CR and LF, Unicode look-alikes, stray
 * specials, second and look-alike From fields). Property: a message A6 and H2 accept is read by every
 * parser it will meet (javax.mail and mime4j, on the field value and on the whole message) as mailboxes
 * of the account only. The seed is printed on failure; replay with {@code -Djamesguard.fuzz.seed=...}
 * (and {@code -Djamesguard.fuzz.cases=...} for a longer run).
 */
class FromSpoofingPropertyTest {
    private static final String ACCOUNT = "alice@example.test";
    private static final SessionSnapshot ALICE = client().authUser(ACCOUNT).mailFrom(ACCOUNT).build();
    private static final Predicate<EmailAddress> OWNS = address -> address.localPart().equalsIgnoreCase("alice")
        && address.domain().equals("example.test");

    private static final String[] OWNED = {"alice@example.test", "Alice@Example.Test", "ALICE@EXAMPLE.TEST"};
    private static final String[] FOREIGN = {"bob@example.test", "alice@example.test.evil", "alice@ex\u0430mple.test",
        "alice@b\u00fccher.example", "alice.@example.test", "\"alice\"@example.test", "alice@[127.0.0.1]", "alice@sub.example.test",
        "alice%bob@example.test", "bob@example.test@example.test", "alice"};
    private static final String[] WORDS = {"Alice", "Bob", "J.", "Smith", "O'Brien", "Team", "CEO", "x", "Support-Desk"};
    private static final String[] INSERTS = {"\u0000", "\r", "\n", "\r\n ", "\r\n", " ", "\t", "\uFF20", "\uFF0E", "\u200B",
        "\u0430", "\u00a0", "<", ">", ",", ";", ":", "\"", "\\", "(", ")", "@", "=?", "?=", "bob@example.test", "\u00f6"};

    @Test
    void noAcceptedFromIsReadAsAnotherMailboxByAnyParser() {
        long seed = Long.getLong("jamesguard.fuzz.seed", System.nanoTime());
        int cases = Integer.getInteger("jamesguard.fuzz.cases", 2000);
        Random random = new Random(seed);
        int accepted = 0;
        for (int i = 0; i < cases; i++) {
            String section = new Generator(random).headerSection();
            String replay = "seed " + seed + ", case " + i + ": " + escape(section);
            List<String> readings;
            try {
                if (!accepted(section)) {
                    continue;
                }
                accepted++;
                readings = readings(section);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("failed at " + replay, e);
            }
            assertThat(readings).as("accepted, but some parser reads another mailbox; " + replay)
                .allSatisfy(read -> assertThat(EmailAddress.tryParse(read)).as(read).hasValueSatisfying(a -> assertThat(OWNS).accepts(a)));
        }
        assertThat(accepted).as("seed " + seed + ": the generator must also make acceptable From fields").isGreaterThan(cases / 50);
    }

    /** A6, then H2, as {@link SenderPolicy#atData} runs them in enforce mode. */
    private static boolean accepted(String section) {
        FromHeaderAnalysis analysis = FromHeaderParser.parse(section);
        Verdict a6 = FromHeaderOwnedByAuthUserCheck.check(ALICE, () -> analysis, OWNS, address -> false, false, FromOwnershipMode.ENFORCE);
        return !a6.refuses()
            && !FromParsersAgreeCheck.check(ALICE, () -> analysis, false, FromOwnershipMode.ENFORCE).refuses();
    }

    /** Every mailbox any parser reads: in the value (each reader), and in the whole message (javax.mail, mime4j). */
    private static List<String> readings(String section) {
        List<String> read = new ArrayList<>();
        String value = FromHeaderParser.parse(section).value().orElseThrow();
        for (FromReaders.Reader reader : FromReaders.Reader.values()) {
            try {
                FromReaders.read(reader, value).forEach(address -> read.add(address.asString()));
            } catch (FromReaders.Unreadable e) {
                throw new AssertionError(reader + " reads " + e.getMessage() + " in an accepted From");
            }
        }
        byte[] message = (section + "\r\nbody\r\n").getBytes(StandardCharsets.UTF_8);
        try {
            MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message));
            for (Address address : mime.getFrom()) {
                read.add(((InternetAddress) address).getAddress());
            }
            Message parsed = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(message));
            MailboxList from = parsed.getFrom();
            if (from != null) {
                for (Mailbox mailbox : from) {
                    read.add(mailbox.getAddress());
                }
            }
        } catch (Exception e) {
            throw new AssertionError("a parser fails on an accepted message", e);
        }
        return read;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    /** One header section from the grammar, then zero to two mutations. */
    private static final class Generator {
        private final Random random;

        Generator(Random random) {
            this.random = random;
        }

        String headerSection() {
            String from = "From: " + mailboxList();
            String section = "Subject: hi\r\n" + from + "\r\nTo: bob@example.test\r\n";
            switch (random.nextInt(12)) {
                case 0:
                    section = mutate(section);
                    break;
                case 1:
                    section = mutate(mutate(section));
                    break;
                case 2:
                    section = fieldTrick(section);
                    break;
                default:
            }
            return section;
        }

        private String fieldTrick(String section) {
            String foreign = pick(FOREIGN);
            switch (random.nextInt(6)) {
                case 0:
                    return section + "From: " + foreign + "\r\n";
                case 1:
                    return section + "From : " + foreign + "\r\n";
                case 2:
                    return " From: " + foreign + "\r\n" + section;
                case 3:
                    return section + "Fr\u043Em: " + foreign + "\r\n";
                case 4:
                    return section + "X-Note: a\u0000\r\nFrom: " + foreign + "\r\n";
                default:
                    return section + " \r\nFrom: " + foreign + "\r\n";
            }
        }

        private String mutate(String text) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(3)) {
                case 0:
                    return text.substring(0, at) + pick(INSERTS) + text.substring(at);
                case 1:
                    return at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
                default:
                    int end = at + random.nextInt(Math.max(1, text.length() - at));
                    return text.substring(0, end) + text.substring(at, end) + text.substring(end);
            }
        }

        private String mailboxList() {
            StringBuilder list = new StringBuilder(mailbox());
            int more = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
            for (int i = 0; i < more; i++) {
                list.append(',').append(fws()).append(mailbox());
            }
            return list.toString();
        }

        private String mailbox() {
            String address = random.nextInt(3) == 0 ? pick(FOREIGN) : pick(OWNED);
            if (random.nextBoolean()) {
                return address + (random.nextInt(3) == 0 ? fws() + comment(2) : "");
            }
            String name = random.nextInt(4) == 0 ? "" : displayName() + fws();
            return name + "<" + address + ">" + (random.nextInt(4) == 0 ? fws() + comment(2) : "");
        }

        private String displayName() {
            StringBuilder name = new StringBuilder();
            int words = 1 + random.nextInt(3);
            for (int i = 0; i < words; i++) {
                if (i > 0) {
                    name.append(fws());
                }
                switch (random.nextInt(5)) {
                    case 0:
                        name.append(quotedString());
                        break;
                    case 1:
                        name.append(encodedWord());
                        break;
                    case 2:
                        name.append(comment(2));
                        break;
                    default:
                        name.append(pick(WORDS));
                }
            }
            return name.toString();
        }

        private String quotedString() {
            String[] parts = {pick(WORDS), " ", ",", "\\\"", "\\\\", "<", ">", "@", pick(OWNED), pick(FOREIGN), "(", ";"};
            StringBuilder text = new StringBuilder("\"");
            int length = 1 + random.nextInt(3);
            for (int i = 0; i < length; i++) {
                text.append(pick(parts).replace("\"", "\\\""));
            }
            return text.append('"').toString();
        }

        private String encodedWord() {
            String[] texts = {pick(WORDS), pick(OWNED), pick(FOREIGN), "J\u00f6rg", "bob\uFF20example.test", "x\r\nFrom: bob@example.test",
                "<bob@example.test>", "\u202Ebob"};
            byte[] bytes = pick(texts).getBytes(StandardCharsets.UTF_8);
            if (random.nextBoolean()) {
                return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(bytes) + "?=";
            }
            StringBuilder q = new StringBuilder("=?UTF-8?Q?");
            for (byte b : bytes) {
                int c = b & 0xff;
                q.append(Character.isLetterOrDigit(c) && c < 0x80 ? String.valueOf((char) c) : String.format("=%02X", c));
            }
            return q.append("?=").toString();
        }

        private String comment(int depth) {
            String[] parts = {pick(WORDS), " ", pick(OWNED), pick(FOREIGN), "\\)", "\"", "<", ">"};
            StringBuilder text = new StringBuilder("(");
            text.append(pick(parts));
            if (depth > 0 && random.nextInt(4) == 0) {
                text.append(' ').append(comment(depth - 1));
            }
            return text.append(')').toString();
        }

        private String fws() {
            switch (random.nextInt(6)) {
                case 0:
                    return "";
                case 1:
                    return "\r\n ";
                case 2:
                    return "\t";
                default:
                    return " ";
            }
        }

        private String pick(String[] choices) {
            return choices[random.nextInt(choices.length)];
        }
    }
}
