package org.jamesguard.hooks.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;

/** An EHLO reply without its AUTH lines: where AUTH is not offered (A11), EHLO must not list it. */
final class EhloWithoutAuth {
    private EhloWithoutAuth() {
    }

    static Response of(Response response) {
        List<String> kept = new ArrayList<>();
        for (CharSequence line : response.getLines()) {
            String text = line.toString().substring(Math.min(4, line.length()));
            if (!text.toUpperCase(Locale.ROOT).startsWith("AUTH")) {
                kept.add(text);
            }
        }
        if (kept.size() == response.getLines().size()) {
            return response;
        }
        SMTPResponse stripped = new SMTPResponse(response.getRetCode(), kept.get(0));
        kept.subList(1, kept.size()).forEach(stripped::appendLine);
        stripped.setEndSession(response.isEndSession());
        return stripped;
    }
}
