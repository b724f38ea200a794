package org.jamesguard.hooks.pop3;

import java.time.Clock;

import javax.inject.Inject;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.api.handler.ProtocolHandlerResultHandler;
import org.apache.james.protocols.pop3.POP3Response;
import org.apache.james.protocols.pop3.POP3Session;
import org.apache.james.protocols.pop3.core.AbstractApopCmdHandler;
import org.apache.james.protocols.pop3.core.AbstractPassCmdHandler;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.auth.PopBeforeSmtpCheck;
import org.jamesguard.core.auth.PopLoginStore;
import org.jamesguard.core.net.IpAddresses;
import org.jamesguard.core.store.StoreUnavailableException;

/**
 * James Guard on a POP3 listener. Records each successful POP3 login per client IP, for
 * POP-before-SMTP (SPEC A10). A store outage never fails the login: it is logged and counted, and the
 * POP-before-SMTP check that later needs the login meets the outage and applies the failure policy.
 * <pre>{@code
 * <handlerchain>
 *     <handler class="org.jamesguard.hooks.pop3.Pop3Gate"/>
 *     <handler class="org.apache.james.pop3server.core.CoreCmdHandlerLoader"/>
 * </handlerchain>
 * }</pre>
 */
// Typed on Response, not POP3Response: James passes immutable Response wrappers too, and the generic
// bridge method would fail to cast them.
public class Pop3Gate implements ProtocolHandlerResultHandler<Response, POP3Session> {
    private final PopLoginStore logins;
    private final DecisionRecorder recorder;
    private final Clock clock;

    @Inject
    public Pop3Gate(PopLoginStore logins, DecisionRecorder recorder, Clock clock) {
        this.logins = logins;
        this.recorder = recorder;
        this.clock = clock;
    }

    @Override
    public Response onResponse(ProtocolSession session, Response response, long executionTime, ProtocolHandler handler) {
        boolean login = handler instanceof AbstractPassCmdHandler || handler instanceof AbstractApopCmdHandler;
        if (login && POP3Response.OK_RESPONSE.equals(response.getRetCode())) {
            String ip = IpAddresses.format(IpAddresses.normalize(session.getRemoteAddress().getAddress()));
            try {
                logins.recordLogin(ip, clock.instant());
            } catch (StoreUnavailableException e) {
                recorder.storeOutage(PopBeforeSmtpCheck.ID, AuditContext.of(session.getSessionID(), ip, null, "pop3"), e);
            }
        }
        return response;
    }
}
