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
import org.jamesguard.core.auth.PopBeforeSmtpCheck;
import org.jamesguard.core.hijack.FrozenLogins;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.screen.ScreenedLogins;
import org.jamesguard.core.store.PopLoginStore;
import org.jamesguard.core.store.StoreUnavailableException;
import org.jamesguard.hooks.Listeners;

import com.google.common.collect.ImmutableList;

/**
 * James Guard on a POP3 listener:
 * <ul>
 * <li>refuses {@code PASS} and {@code APOP} from a client IP on the dynamic screen ({@code -ERR Client host
 * blocked by the dynamic screen}), before the password is checked: a screened IP cannot go on guessing here
 * what it guessed over SMTP;</li>
 * <li>refuses a frozen account at {@code PASS} (SPEC C7) with {@code -ERR Account frozen: contact your
 * postmaster}, but only when the password is right: a wrong one gets James's usual
 * {@code -ERR Authentication failed.}; at {@code APOP}, whose digest cannot be checked without the
 * clear-text password, a frozen account is refused outright;</li>
 * <li>records each successful POP3 login per client IP, for POP-before-SMTP (SPEC A10). A store outage never
 * fails the login: it is logged and counted, and the POP-before-SMTP check that later needs the login meets
 * the outage and applies the failure policy.</li>
 * </ul>
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

    private final PopLoginStore logins;
    private final FrozenLogins frozenLogins;
    private final ScreenedLogins screenedLogins;
    private final DecisionRecorder recorder;
    private final Clock clock;
    private volatile boolean apopImplemented;

    @Inject
    public Pop3Gate(PopLoginStore logins, FrozenLogins frozenLogins, ScreenedLogins screenedLogins, DecisionRecorder recorder,
                    Clock clock) {
        this.logins = logins;
        this.frozenLogins = frozenLogins;
        this.screenedLogins = screenedLogins;
        this.recorder = recorder;
        this.clock = clock;
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
        return screenedLogins.atLogin(clientAddress(session), context(session, user))
            .or(() -> frozenLogins.withPassword(user.asString(), password, context(session, user)));
    }

    /** {@code APOP name digest}: the same preconditions as James's AbstractApopCmdHandler. */
    private Optional<Reply> apop(POP3Session session, String arguments) {
        String[] parts = arguments == null ? new String[0] : arguments.trim().split(" +");
        if (session.getHandlerState() != POP3Session.AUTHENTICATION_READY || parts.length != 2) {
            return Optional.empty();
        }
        Optional<Username> user = username(parts[0]);
        return screenedLogins.atLogin(clientAddress(session), AuditContext.of(session.getSessionID(), clientIp(session),
                user.map(Username::asString).orElse(null), listener(session)))
            .or(() -> user.flatMap(name -> frozenLogins.authenticated(name.asString(), context(session, name))));
    }

    @Override
    public Response onResponse(ProtocolSession session, Response response, long executionTime, ProtocolHandler handler) {
        boolean login = handler instanceof AbstractPassCmdHandler || handler instanceof AbstractApopCmdHandler;
        if (login && POP3Response.OK_RESPONSE.equals(response.getRetCode())) {
            String ip = clientIp(session);
            try {
                logins.recordLogin(ip, clock.instant());
            } catch (StoreUnavailableException e) {
                recorder.storeOutage(PopBeforeSmtpCheck.ID, AuditContext.of(session.getSessionID(), ip, null,
                    listener((POP3Session) session)), e);
            }
        }
        return response;
    }

    static String listener(POP3Session session) {
        return Listeners.name("pop3", session);
    }

    private static AuditContext context(POP3Session session, Username user) {
        return AuditContext.of(session.getSessionID(), clientIp(session), user.asString(), listener(session));
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
