package org.jamesguard.harness;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test messages in RFC 5322 text form. */
public final class Messages {
    private Messages() {
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("(?mi)^Message-ID: (<[^>]+>)");

    /** The Message-ID of a message made here: James logs it when it accepts the message. */
    public static String messageId(String message) {
        Matcher matcher = MESSAGE_ID.matcher(message);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no Message-ID in " + message);
        }
        return matcher.group(1);
    }

    /** A minimal valid message with a unique Message-ID. */
    public static String simple(String from, String to, String subject) {
        return withFrom("From: <" + from + ">", to, subject);
    }

    /** A message whose From header line is given verbatim ({@code From: ...}), to test header parsing. */
    public static String withFrom(String fromHeaderLine, String to, String subject) {
        return fromHeaderLine + "\r\n"
            + "To: <" + to + ">\r\n"
            + "Subject: " + subject + "\r\n"
            + "Message-ID: <" + UUID.randomUUID() + "@jamesguard.test>\r\n"
            + "Date: Sun, 22 Nov 2026 12:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=us-ascii\r\n"
            + "\r\n"
            + "Sent by the James Guard tests.\r\n";
    }
}
