package org.jamesguard.hooks.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.apache.james.protocols.api.OIDCSASLParser;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.LineHandler;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPSession;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Reply;
import org.jamesguard.core.auth.SaslResponses;
import org.jamesguard.core.net.IpAddresses;

/**
 * The SASL exchanges of SMTP AUTH (RFC 4954): PLAIN and LOGIN where James allows them, OAUTHBEARER (RFC 7628) and
 * Google's XOAUTH2 where James offers them ({@code <auth><oidc>}). Each ends in credentials handed to
 * {@link Logins}; challenges are {@code 334} lines, the client's next line is read by a line handler pushed for
 * that line, and {@code *} cancels.
 */
final class SaslExchange {
    /** Where the credentials go once the client has given them. */
    interface Logins {
        Response password(SMTPSession session, String authorizationId, String user, String password);

        /** A bearer token, as James reads it: {@code [n,]user=<account>^Aauth=Bearer <token>^A^A}, base64. */
        Response token(SMTPSession session, String mechanism, OidcSASLConfiguration oidc,
                       OIDCSASLParser.OIDCInitialResponse response);
    }

    // protocol steps, not refusals: they live here rather than in Replies
    static final Response AUTHENTICATED = new SMTPResponse("235", "2.7.0 Authentication successful").immutable();
    private static final Response EMPTY_CHALLENGE = new SMTPResponse("334", "").immutable();
    private static final Response USERNAME_CHALLENGE = new SMTPResponse("334", "VXNlcm5hbWU6").immutable();
    private static final Response PASSWORD_CHALLENGE = new SMTPResponse("334", "UGFzc3dvcmQ6").immutable();

    private final Logins logins;

    SaslExchange(Logins logins) {
        this.logins = logins;
    }

    /** Whether this session, which was not offered AUTH, would be once it started TLS (James's {@code requireSSL}). */
    static boolean offeredAfterStartTls(SMTPSession session) {
        String clientIp = IpAddresses.normalize(session.getRemoteAddress().getAddress()).getHostAddress();
        return !session.isTLSStarted() && session.isStartTLSSupported() && session.getConfiguration().isAuthAnnounced(clientIp, true);
    }

        /** {@code AUTH mechanism [initial-response]}, where AUTH is offered to this session. */
    Response start(SMTPSession session, String argument) {
        String[] arguments = Optional.ofNullable(argument).orElse("").trim().split("\\s+");
        String mechanism = arguments[0].toUpperCase(Locale.ROOT);
        Optional<String> initial = arguments.length > 1 ? Optional.of(arguments[1]) : Optional.empty();
        if (mechanism.isEmpty() || arguments.length > 2) {
            return reply(Replies.AUTH_SYNTAX);
        }
        if (mechanism.equals("OAUTHBEARER") || mechanism.equals("XOAUTH2")) {
            return session.getConfiguration().saslConfiguration()
                .map(oidc -> respond(session, initial, EMPTY_CHALLENGE, line -> bearer(session, mechanism, oidc, line)))
                .orElseGet(() -> reply(Replies.AUTH_MECHANISM_UNKNOWN));
        }
        if (!session.getConfiguration().isPlainAuthEnabled() || !(mechanism.equals("PLAIN") || mechanism.equals("LOGIN"))) {
            return reply(Replies.AUTH_MECHANISM_UNKNOWN);
        }
        if (mechanism.equals("PLAIN")) {
            return respond(session, initial, EMPTY_CHALLENGE, line -> plain(session, line));
        }
        return respond(session, initial, USERNAME_CHALLENGE, line -> loginUser(session, line));
    }

    private Response plain(SMTPSession session, String encoded) {
        return SaslResponses.plain(encoded)
            .map(plain -> logins.password(session, plain.authorizationId(), plain.user(), plain.password()))
            .orElseGet(() -> reply(Replies.AUTH_MALFORMED));
    }

    private Response loginUser(SMTPSession session, String encodedUser) {
        return SaslResponses.loginUser(encodedUser)
            .map(user -> challenge(session, PASSWORD_CHALLENGE, password -> SaslResponses.decode(password)
                .map(decoded -> logins.password(session, "", user, decoded))
                .orElseGet(() -> reply(Replies.AUTH_MALFORMED))))
            .orElseGet(() -> reply(Replies.AUTH_MALFORMED));
    }

    private Response bearer(SMTPSession session, String mechanism, OidcSASLConfiguration oidc, String encoded) {
        return OIDCSASLParser.parse(encoded)
            .map(response -> logins.token(session, mechanism, oidc, response))
            .orElseGet(() -> reply(Replies.AUTH_MALFORMED));
    }

    /** The initial response when the client gave one; otherwise {@code prompt}, and the next line. */
    private static Response respond(SMTPSession session, Optional<String> initial, Response prompt,
                                    Function<String, Response> next) {
        return initial.map(next).orElseGet(() -> challenge(session, prompt, next));
    }

    private static Response challenge(SMTPSession session, Response prompt, Function<String, Response> next) {
        session.pushLineHandler(new LineHandler<SMTPSession>() {
            @Override
            public Response onLine(SMTPSession s, byte[] line) {
                s.popLineHandler();
                String text = new String(line, StandardCharsets.US_ASCII).trim();
                return text.equals("*") ? reply(Replies.AUTH_CANCELLED) : next.apply(text);
            }
        });
        return prompt;
    }

    private static Response reply(Reply reply) {
        return SmtpReplies.response(reply, false);
    }
}
