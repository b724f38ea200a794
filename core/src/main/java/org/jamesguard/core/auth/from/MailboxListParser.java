package org.jamesguard.core.auth.from;

import java.util.ArrayList;
import java.util.List;

import org.jamesguard.core.net.EmailAddress;

/**
 * The strict view: an RFC 5322 {@code mailbox-list}. Where the grammar has an obsolete or rarely
 * used branch that parsers implement differently, it refuses instead of guessing: groups, source
 * routes, quoted local parts, domain literals, comments or whitespace inside an address, empty list
 * elements. Display names and comments are left to {@link DisplayView}.
 */
final class MailboxListParser {
    private static final String INSIDE_ADDRESS = "obsolete syntax in From: whitespace or comment inside an address";

    private final List<Token> tokens;
    private int pos;

    private MailboxListParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static List<EmailAddress> parse(String unfoldedValue) {
        return new MailboxListParser(AddressTokenizer.tokenize(unfoldedValue)).mailboxList();
    }

    private List<EmailAddress> mailboxList() {
        List<EmailAddress> addresses = new ArrayList<>();
        skipCfws();
        if (atEnd()) {
            throw new Refusal("empty From field");
        }
        do {
            addresses.add(mailbox());
            skipCfws();
        } while (consume(','));
        if (!atEnd()) {
            throw new Refusal("malformed From: unexpected text after an address");
        }
        return addresses;
    }

    private EmailAddress mailbox() {
        int start = pos;
        while (!atEnd() && (tokens.get(pos).isWord() || tokens.get(pos).isCfws() || tokens.get(pos).isSpecial('.'))) {
            pos++;
        }
        List<Token> phrase = tokens.subList(start, pos);
        if (atEnd() || tokens.get(pos).isSpecial(',')) {
            if (phrase.stream().anyMatch(Token::isWord)) {
                throw new Refusal("malformed From: display name without an address");
            }
            throw new Refusal("obsolete syntax in From: empty element in the address list");
        }
        Token stop = tokens.get(pos++);
        if (stop.isSpecial('<')) {
            return angleAddr();
        }
        if (stop.isSpecial('@')) {
            // Comments before a bare address are display text; CFWS just before '@' is obsolete syntax.
            return addrSpec(phrase.subList(leadingCfws(phrase), phrase.size()), bareDomain());
        }
        if (stop.isSpecial(':') || stop.isSpecial(';')) {
            throw new Refusal("group syntax in From");
        }
        throw new Refusal("malformed From: unexpected character");
    }

    private EmailAddress angleAddr() {
        int start = pos;
        while (!atEnd() && !tokens.get(pos).isSpecial('>')) {
            pos++;
        }
        List<Token> inner = tokens.subList(start, pos);
        if (!consume('>')) {
            throw new Refusal("malformed From: unterminated angle address");
        }
        requireNoEncodedWord(inner);
        if (inner.stream().anyMatch(t -> t.type == Token.Type.COMMENT)) {
            throw new Refusal(INSIDE_ADDRESS);
        }
        inner = trimCfws(inner);
        if (inner.isEmpty()) {
            throw new Refusal("empty From address <>");
        }
        if (inner.get(0).isSpecial('@') || inner.stream().anyMatch(t -> t.isSpecial(':'))) {
            throw new Refusal("source route in From");
        }
        int at = 0;
        while (at < inner.size() && !inner.get(at).isSpecial('@')) {
            at++;
        }
        if (at == inner.size()) {
            throw new Refusal("malformed From: angle address without '@'");
        }
        return addrSpec(inner.subList(0, at), inner.subList(at + 1, inner.size()));
    }

    /** After a bare {@code local@}: the domain runs to the next special but a dot; trailing comments belong to the display. */
    private List<Token> bareDomain() {
        int start = pos;
        while (!atEnd() && (tokens.get(pos).type != Token.Type.SPECIAL || tokens.get(pos).isSpecial('.'))) {
            pos++;
        }
        return trimCfws(tokens.subList(start, pos));
    }

    private static EmailAddress addrSpec(List<Token> local, List<Token> domain) {
        requireNoEncodedWord(local);
        requireNoEncodedWord(domain);
        return Addresses.fromParts(dotAtom(local, true), dotAtom(domain, false), "invalid address in From");
    }

    /** Some clients decode {@code =?charset?q?...?=} even inside an address; the grammar calls it an atom. */
    private static void requireNoEncodedWord(List<Token> addressTokens) {
        if (addressTokens.stream().anyMatch(t -> t.type == Token.Type.ATOM && t.text.contains("=?"))) {
            throw new Refusal("encoded-word in the address part of From");
        }
    }

    private static String dotAtom(List<Token> parts, boolean localPart) {
        if (parts.isEmpty()) {
            throw new Refusal("malformed From: address without " + (localPart ? "local part" : "domain"));
        }
        StringBuilder text = new StringBuilder();
        boolean expectAtom = true;
        for (Token token : parts) {
            switch (token.type) {
                case ATOM:
                    text.append(token.text);
                    expectAtom = false;
                    break;
                case QUOTED_STRING:
                    throw new Refusal(localPart ? "quoted local part in From" : "malformed From: quoted domain");
                case DOMAIN_LITERAL:
                    throw new Refusal("domain literal in From");
                case SPACE:
                case COMMENT:
                    throw new Refusal(INSIDE_ADDRESS);
                default:
                    if (!token.isSpecial('.')) {
                        throw new Refusal("malformed From: unexpected character in an address");
                    }
                    if (expectAtom) {
                        throw new Refusal("obsolete syntax in From: misplaced dot in an address");
                    }
                    text.append('.');
                    expectAtom = true;
            }
        }
        if (expectAtom) {
            throw new Refusal("obsolete syntax in From: misplaced dot in an address");
        }
        return text.toString();
    }

    private static int leadingCfws(List<Token> list) {
        int count = 0;
        while (count < list.size() && list.get(count).isCfws()) {
            count++;
        }
        return count;
    }

    private static List<Token> trimCfws(List<Token> list) {
        int from = leadingCfws(list);
        int to = list.size();
        while (to > from && list.get(to - 1).isCfws()) {
            to--;
        }
        return list.subList(from, to);
    }

    private void skipCfws() {
        while (!atEnd() && tokens.get(pos).isCfws()) {
            pos++;
        }
    }

    private boolean consume(char special) {
        if (!atEnd() && tokens.get(pos).isSpecial(special)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean atEnd() {
        return pos == tokens.size();
    }
}
