package org.jamesguard.core.auth.from;

/** One lexical unit of an RFC 5322 address list; quoted strings and comments hold their unescaped text. */
final class Token {
    enum Type { ATOM, QUOTED_STRING, COMMENT, SPACE, DOMAIN_LITERAL, SPECIAL }

    final Type type;
    final String text;

    Token(Type type, String text) {
        this.type = type;
        this.text = text;
    }

    boolean isSpecial(char c) {
        return type == Type.SPECIAL && text.charAt(0) == c;
    }

    boolean isCfws() {
        return type == Type.SPACE || type == Type.COMMENT;
    }

    boolean isWord() {
        return type == Type.ATOM || type == Type.QUOTED_STRING;
    }
}
