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
            .map(parts -> new Plain(parts[0], parts[1], parts[2]));
    }

    /** The three fields of a PLAIN response. */
    public static final class Plain {
        private final String authorizationId;
        private final String user;
        private final String password;

        private Plain(String authorizationId, String user, String password) {
            this.authorizationId = authorizationId;
            this.user = user;
            this.password = password;
        }

        /** The identity to act as; empty for the login itself. */
        public String authorizationId() {
            return authorizationId;
        }

        public String user() {
            return user;
        }

        public String password() {
            return password;
        }
    }
}
