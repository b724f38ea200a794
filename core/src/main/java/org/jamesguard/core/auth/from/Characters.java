package org.jamesguard.core.auth.from;

/**
 * Characters a From header may not carry anywhere: they end lines for some parsers (CR, LF, NEL,
 * U+2028), truncate strings for others (NUL), or change what is displayed without being seen
 * (bidi overrides, zero-width characters, soft hyphen).
 */
final class Characters {
    private Characters() {
    }

    static void requireVisible(String text, String where) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isForbidden(cp)) {
                throw new Refusal("control or invisible character in " + where);
            }
            i += Character.charCount(cp);
        }
    }

    private static boolean isForbidden(int cp) {
        if (cp == '\t') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
            || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
            || cp == 0xFFFD;
    }
}
