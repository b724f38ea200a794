package org.jamesguard.core;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per decision that refuses, warns, reports, freezes, unfreezes or screens, on a
 * dedicated logger ({@value #LOGGER_NAME}) so administrators can route it to its own file.
 * <p>
 * The line is space-separated {@code key=value} fields. A value is written bare when it is made of printable
 * ASCII other than space, {@code "}, {@code =} and {@code \}; otherwise it is a JSON string literal (double-quoted,
 * with {@code \\}, {@code \"}, {@code \n}, {@code \r}, {@code \t} and {@code \}{@code uXXXX} for any other control
 * or line-separating character). An absent value is {@code -}. {@code reply} and {@code detail} are always
 * quoted. So a client's text (an AUTH name, a HELO name, an address) can neither end the line nor forge a
 * field: every value passes through {@link #value} or {@link #quoted} here.
 */
public final class AuditLog {
    public static final String LOGGER_NAME = "org.jamesguard.audit";
    private static final Logger LOGGER = LoggerFactory.getLogger(LOGGER_NAME);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AuditLog() {
    }

    /** {@code check=... verdict=... reply="..." session=... ip=... account=... listener=... detail="..."} */
    public static void decision(CheckId check, String verdict, Optional<Reply> reply, AuditContext context,
                                Optional<String> detail) {
        if (!LOGGER.isInfoEnabled()) {
            return;
        }
        StringBuilder line = new StringBuilder("check=").append(value(check.name()))
            .append(" verdict=").append(value(verdict));
        reply.ifPresent(r -> line.append(" reply=").append(quoted(r.toString())));
        line.append(' ').append(context);
        detail.ifPresent(d -> line.append(" detail=").append(quoted(d)));
        LOGGER.info(line.toString());
    }

    /** {@code event=... session=... ip=... account=... listener=... detail="..."} for actions on state. */
    public static void event(String event, AuditContext context, String detail) {
        if (LOGGER.isInfoEnabled()) {
            LOGGER.info("event=" + value(event) + " " + context + " detail=" + quoted(detail));
        }
    }

    /** A field's value: bare when it cannot be misread, quoted and escaped otherwise; {@code -} when absent. */
    public static String value(String text) {
        if (text == null || text.isEmpty()) {
            return "-";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '"' || c == '=' || c == '\\') {
                return quoted(text);
            }
        }
        return text;
    }

    /** {@code text} double-quoted, with quotes, backslashes and every control or line-separating character escaped. */
    public static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                            .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }
}
