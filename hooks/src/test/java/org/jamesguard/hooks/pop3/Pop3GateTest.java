package org.jamesguard.hooks.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.InetSocketAddress;

import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.pop3.POP3Response;
import org.apache.james.protocols.pop3.POP3Session;
import org.apache.james.protocols.pop3.core.AbstractPassCmdHandler;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.auth.PopLoginStore;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.memory.MemoryPopLoginStore;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.jamesguard.core.testing.UnavailableStores;
import org.junit.jupiter.api.Test;

/** SPEC A10: successful POP3 logins are recorded per client IP; a store outage never fails the login. */
class Pop3GateTest {
    private final MutableClock clock = new MutableClock();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final DecisionRecorder recorder = new DecisionRecorder(metrics, StoreFailurePolicy.FAIL_CLOSED, false, clock);
    private final POP3Session session = mock(POP3Session.class);
    private final ProtocolHandler pass = mock(AbstractPassCmdHandler.class);

    Pop3GateTest() {
        when(session.getRemoteAddress()).thenReturn(new InetSocketAddress("192.0.2.7", 40000));
        when(session.getSessionID()).thenReturn("s-1");
    }

    private static Response reply(String code) {
        return new POP3Response(code, "done");
    }

    @Test
    void aSuccessfulLoginIsRecordedForItsIp() {
        PopLoginStore logins = new MemoryPopLoginStore();
        Response ok = reply(POP3Response.OK_RESPONSE);

        assertThat(new Pop3Gate(logins, recorder, clock).onResponse(session, ok, 1, pass)).isSameAs(ok);

        assertThat(logins.lastLogin("192.0.2.7")).contains(clock.instant());
    }

    @Test
    void aRefusedLoginOrAnotherCommandIsNotRecorded() {
        PopLoginStore logins = new MemoryPopLoginStore();
        Pop3Gate gate = new Pop3Gate(logins, recorder, clock);

        gate.onResponse(session, reply(POP3Response.ERR_RESPONSE), 1, pass);
        gate.onResponse(session, reply(POP3Response.OK_RESPONSE), 1, mock(ProtocolHandler.class));

        assertThat(logins.lastLogin("192.0.2.7")).isEmpty();
    }

    @Test
    void aStoreOutageLeavesTheLoginAloneAndIsCounted() {
        Response ok = reply(POP3Response.OK_RESPONSE);

        assertThat(new Pop3Gate(UnavailableStores.popLogins(), recorder, clock).onResponse(session, ok, 1, pass)).isSameAs(ok);

        assertThat(metrics.count("jamesguard_pop_before_smtp_store_failure")).isEqualTo(1);
    }
}
