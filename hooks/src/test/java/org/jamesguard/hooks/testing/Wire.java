package org.jamesguard.hooks.testing;

import java.util.stream.Collectors;

import org.apache.james.protocols.api.Response;

/** What a client would read for a {@link Response}, for full-string assertions. */
public final class Wire {
    private Wire() {
    }

    /**
     * The response's lines joined by CRLF, followed by {@code " (close)"} when the session ends after it,
     * e.g. {@code 421 4.7.0 Too many authentication attempts, try again later (close)}. A null response
     * (a handler that leaves the command to James) reads {@code "null"}.
     */
    public static String of(Response response) {
        if (response == null) {
            return "null";
        }
        String lines = response.getLines().stream().map(CharSequence::toString).collect(Collectors.joining("\r\n"));
        return response.isEndSession() ? lines + " (close)" : lines;
    }
}
