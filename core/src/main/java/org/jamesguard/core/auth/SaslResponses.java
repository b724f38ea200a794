package org.jamesguard.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The client's responses of the PLAIN (RFC 4616) and LOGIN mechanisms, decoded the same way for every protocol.
 * A response is base64; {@code =} stands for an empty one (RFC 4954). Anything else decodes to nothing, and the
 * exchange answers that it could not decode it.
 */
public final class SaslResponses {
    private SaslResponses() {
    }

    /** One base64 response, as UTF-8 text: a LOGIN user name or password. */
    public static Optional<String> decode(String base64) {
        if (base64.equals("=")) {
            return Optional.of("");
        }
        try {
            return Optional.of(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A LOGIN user name: decoded and not empty. */
    public static Optional<String> loginUser(String base64) {
        return decode(base64).filter(name -> !name.isEmpty());
    }

    /** A PLAIN response, {@code [authzid] NUL authcid NUL passwd}, with a non-empty authcid. */
    public static Optional<Plain> plain(String base64) {
        return decode(base64)
            .map(decoded -> decoded.split("\0", -1))
            .filter(parts -> parts.length == 3 && !parts[1].isEmpty())
            .map(Plain::new);
    }

    /** The three fields of a PLAIN response. */
    public static final class Plain {
        private final String[] fields;

        private Plain(String[] fields) {
            this.fields = fields;
        }

        /** The identity to act as; empty for the login itself. */
        public String authorizationId() {
            return fields[0];
        }

        public String user() {
            return fields[1];
        }

        public String password() {
            return fields[2];
        }
    }
}
