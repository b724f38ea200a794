package org.jamesguard.core.hijack;

import java.time.Instant;
import java.util.Map;

import org.jamesguard.core.hijack.FreezeNotifier.FreezeNotice;
import org.jamesguard.core.net.EmailAddress;

/** The wording of freeze notices and unfreeze confirmations. */
final class FreezeNotices {
    private FreezeNotices() {
    }

    static FreezeNotice frozen(FreezeRecord record, EmailAddress to, EmailAddress replyTo, Instant tokenExpires) {
        StringBuilder text = new StringBuilder();
        text.append("James Guard froze the account ").append(record.account()).append(" at ").append(record.frozenAt())
            .append(".\n\nReason: ").append(record.reason()).append("\n\nCounts:\n");
        for (Map.Entry<String, Long> count : record.counts().entrySet()) {
            text.append("  ").append(count.getKey()).append(": ").append(count.getValue()).append('\n');
        }
        text.append("\nClient IPs seen in the last 24 hours:\n");
        if (record.ips().isEmpty()) {
            text.append("  (none recorded)\n");
        }
        record.ips().forEach(ip -> text.append("  ").append(ip).append('\n'));
        text.append("\nWhile frozen the account cannot log in over SMTP, IMAP, POP3 or JMAP; mail to it is still delivered.\n\n");
        if (record.requiresAdministrator()) {
            text.append("This freeze needs an administrator: check the account (its password is probably known to someone else),\nthen ");
        } else {
            text.append("If this was the account's owner, ");
        }
        text.append("unfreeze it by replying to this message from an authenticated postmaster or administrator account\n")
            .append("(the reply goes to ").append(replyTo).append(", valid until ").append(tokenExpires).append(", once),\n")
            .append("or over WebAdmin: DELETE /guard/frozen/").append(record.account()).append('\n');
        record.expires().ifPresent(expires -> text.append("\nThe freeze lifts itself at ").append(expires).append(".\n"));
        return new FreezeNotice(to, replyTo,
            "[James Guard] Account " + record.account() + " frozen: " + record.reason(), text.toString());
    }

    static FreezeNotice unfrozen(FreezeRecord record, EmailAddress to, String by) {
        return new FreezeNotice(to, null, "[James Guard] Account " + record.account() + " unfrozen",
            "The account " + record.account() + " was unfrozen by " + by + ".\n"
                + "It had been frozen at " + record.frozenAt() + " (" + record.reason() + ").\n"
                + "Its counters start again from zero.\n");
    }
}
