package org.jamesguard.hooks.pop3;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.api.handler.ExtensibleHandler;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.api.handler.ProtocolHandlerResultHandler;
import org.apache.james.protocols.pop3.POP3Response;
import org.apache.james.protocols.pop3.POP3Session;
import org.apache.james.protocols.pop3.core.AbstractApopCmdHandler;
import org.apache.james.protocols.pop3.core.AbstractPassCmdHandler;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Reply;
import org.jamesguard.core.auth.Pop3Logins;
import org.jamesguard.core.hijack.FrozenLogins;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.screen.ScreenedLogins;
import org.jamesguard.core.store.PopLoginStore;
import org.jamesguard.hooks.Listeners;

import com.google.common.collect.ImmutableList;

/**
 * James Guard on a POP3 listener: {@code PASS} and {@code APOP} from a screened client IP or for a frozen account
 * are refused ({@code -ERR Client host blocked by the dynamic screen}, {@code -ERR Account frozen: contact your
 * postmaster}), and successful logins recorded for POP-before-SMTP, as {@link Pop3Logins} decides.
 * <pre>{@code
 * <handlerchain>
 *     <handler class="org.jamesguard.hooks.pop3.Pop3Gate"/>
 *     <handler class="org.apache.james.pop3server.core.CoreCmdHandlerLoader"/>
 * </handlerchain>
 * }</pre>
 * Configured handlers run before James's core ones, so the gate answers first; when it has nothing
 * to say, James's handler for the command answers. James 3.8.1 has no APOP command: the gate takes
 * {@code APOP} only when another handler of the chain implements it (otherwise nobody would answer).
 */
// Typed on Response, not POP3Response: James passes immutable Response wrappers too, and the generic
// bridge method would fail to cast them.
public class Pop3Gate implements CommandHandler<POP3Session>, ExtensibleHandler,
    ProtocolHandlerResultHandler<Response, POP3Session> {
    static final String PASS = "PASS";
    static final String APOP = "APOP";

    private final Pop3Logins logins;
    private volatile boolean apopImplemented;

    @Inject
    public Pop3Gate(PopLoginStore logins, FrozenLogins frozenLogins, ScreenedLogins screenedLogins, DecisionRecorder recorder,
                    Clock clock) {
        this.logins = new Pop3Logins(screenedLogins, frozenLogins, logins, recorder, clock);
    }

    @Override
    public Collection<String> getImplCommands() {
        return apopImplemented ? ImmutableList.of(PASS, APOP) : ImmutableList.of(PASS);
    }

    @Override
    public List<Class<?>> getMarkerInterfaces() {
        return ImmutableList.of(CommandHandler.class);
    }

    /** Called before James's command dispatcher asks {@link #getImplCommands()}: the chain lists us first. */
    @Override
    public void wireExtensions(Class<?> interfaceName, List<?> extensions) {
        if (interfaceName.equals(CommandHandler.class)) {
            apopImplemented = extensions.stream()
                .filter(handler -> handler != this)
                .map(handler -> ((CommandHandler<?>) handler).getImplCommands())
                .anyMatch(commands -> commands.stream().anyMatch(APOP::equalsIgnoreCase));
        }
    }

    @Override
    public Response onCommand(POP3Session session, Request request) {
        boolean apop = request.getCommand().toUpperCase(Locale.US).equals(APOP);
        Optional<Reply> refusal = apop ? apop(session, request.getArgument()) : pass(session, request.getArgument());
        if (refusal.isEmpty()) {
            return null;
        }
        session.setHandlerState(POP3Session.AUTHENTICATION_READY);
        return new POP3Response(POP3Response.ERR_RESPONSE, refusal.get().text());
    }

    /** {@code PASS password} after {@code USER}: the same preconditions as James's PassCmdHandler. */
    private Optional<Reply> pass(POP3Session session, String password) {
        Username user = session.getUsername();
        if (session.getHandlerState() != POP3Session.AUTHENTICATION_USERSET || password == null || user == null) {
            return Optional.empty();
        }
        return logins.withPassword(clientAddress(session), user.asString(), password, context(session, user.asString()));
    }

    /** {@code APOP name digest}: the same preconditions as James's AbstractApopCmdHandler. */
    private Optional<Reply> apop(POP3Session session, String arguments) {
        String[] parts = arguments == null ? new String[0] : arguments.trim().split(" +");
        if (session.getHandlerState() != POP3Session.AUTHENTICATION_READY || parts.length != 2) {
            return Optional.empty();
        }
        Optional<String> user = username(parts[0]).map(Username::asString);
        return logins.withDigest(clientAddress(session), user, context(session, user.orElse(null)));
    }

    @Override
    public Response onResponse(ProtocolSession session, Response response, long executionTime, ProtocolHandler handler) {
        boolean login = handler instanceof AbstractPassCmdHandler || handler instanceof AbstractApopCmdHandler;
        if (login && POP3Response.OK_RESPONSE.equals(response.getRetCode())) {
            logins.loggedIn(clientIp(session), context((POP3Session) session, null));
        }
        return response;
    }

    static String listener(POP3Session session) {
        return Listeners.name("pop3", session);
    }

    private static AuditContext context(POP3Session session, String account) {
        return AuditContext.of(session.getSessionID(), clientIp(session), account, listener(session));
    }

    private static String clientIp(ProtocolSession session) {
        return IpAddresses.format(clientAddress(session));
    }

    private static InetAddress clientAddress(ProtocolSession session) {
        return IpAddresses.normalize(session.getRemoteAddress().getAddress());
    }

    private static Optional<Username> username(String name) {
        try {
            return Optional.of(Username.of(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
