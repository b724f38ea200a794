package org.jamesguard.hooks.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.hooks.testing.FrozenAccountsFixture.PASSWORD;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;

import org.apache.james.core.Username;
import org.apache.james.protocols.api.Request;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.CommandHandler;
import org.apache.james.protocols.api.handler.ProtocolHandler;
import org.apache.james.protocols.pop3.POP3Response;
import org.apache.james.protocols.pop3.POP3Session;
import org.apache.james.protocols.pop3.core.AbstractPassCmdHandler;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.memory.MemoryPopLoginStore;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.jamesguard.core.testing.UnavailableStores;
import org.jamesguard.hooks.testing.FrozenAccountsFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC C7 on POP3 logins, and A10: successful logins recorded per client IP, a store outage never failing one. */
class Pop3GateTest {
    private static final String ALICE = "alice@example.test";

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);

    private final FrozenAccountsFixture accounts = new FrozenAccountsFixture(ALICE, "bob@example.test");
    private final MutableClock clock = new MutableClock();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final DecisionRecorder recorder = new DecisionRecorder(metrics, StoreFailurePolicy.FAIL_CLOSED, false, clock);
    private final MemoryPopLoginStore logins = new MemoryPopLoginStore();
    private final Pop3Gate gate = new Pop3Gate(logins, accounts.logins(), accounts.screenedLogins(), recorder, clock);

    private static POP3Session session(int state, String user) {
        POP3Session session = mock(POP3Session.class);
        when(session.getHandlerState()).thenReturn(state);
        when(session.getUsername()).thenReturn(user == null ? null : Username.of(user));
        when(session.getSessionID()).thenReturn("pop3-1");
        when(session.getRemoteAddress()).thenReturn(new InetSocketAddress("192.0.2.9", 40000));
        when(session.getLocalAddress()).thenReturn(new InetSocketAddress("127.0.0.1", 110));
        return session;
    }

    private static POP3Session afterUser(String user) {
        return session(POP3Session.AUTHENTICATION_USERSET, user);
    }

    private static Request command(String name, String argument) {
        Request request = mock(Request.class);
        when(request.getCommand()).thenReturn(name);
        when(request.getArgument()).thenReturn(argument);
        return request;
    }

    @Test
    void passOfAFrozenAccountWithTheRightPasswordIsRefused() {
        accounts.freeze(ALICE);
        POP3Session session = afterUser(ALICE);

        Response response = gate.onCommand(session, command("PASS", PASSWORD));

        assertThat(response.getLines()).map(CharSequence::toString).containsExactly("-ERR Account frozen: contact your postmaster");
        verify(session).setHandlerState(POP3Session.AUTHENTICATION_READY);
        assertThat(audit.messages()).singleElement().asString()
            .startsWith("check=frozen-account verdict=reject reply=\"535 5.7.8 Account frozen: contact your postmaster\" "
                + "session=pop3-1 ip=192.0.2.9 account=alice@example.test listener=pop3:110");
    }

    /** Issue 12, hole 6: an IP screened for guessing SMTP passwords cannot go on guessing over POP3. */
    @Test
    void passFromAScreenedIpIsRefusedBeforeThePasswordIsChecked() {
        accounts.screen("192.0.2.9");
        audit.clear();
        POP3Session session = afterUser(ALICE);

        Response response = gate.onCommand(session, command("PASS", "guess"));

        assertThat(response.getLines()).map(CharSequence::toString).containsExactly("-ERR Client host blocked by the dynamic screen");
        verify(session).setHandlerState(POP3Session.AUTHENTICATION_READY);
        assertThat(audit.messages()).singleElement().asString()
            .startsWith("check=screened-ip verdict=reject reply=\"554 5.7.1 Client host blocked by the dynamic screen\" "
                + "session=pop3-1 ip=192.0.2.9 account=alice@example.test listener=pop3:110");
    }

    @Test
    void passOfAFrozenAccountWithAWrongPasswordIsLeftToJames() {
        accounts.freeze(ALICE);
        POP3Session session = afterUser(ALICE);

        assertThat(gate.onCommand(session, command("PASS", "wrong"))).isNull();
        verify(session, never()).setHandlerState(POP3Session.AUTHENTICATION_READY);
        assertThat(audit.messages()).isEmpty();
    }

    @Test
    void passOfAnAccountThatIsNotFrozenIsLeftToJames() {
        accounts.freeze("bob@example.test");

        assertThat(gate.onCommand(afterUser(ALICE), command("pass", PASSWORD))).isNull();
    }

    @Test
    void passWithoutUserOrPasswordIsLeftToJames() {
        accounts.freeze(ALICE);

        assertThat(gate.onCommand(session(POP3Session.AUTHENTICATION_READY, ALICE), command("PASS", PASSWORD))).isNull();
        assertThat(gate.onCommand(afterUser(ALICE), command("PASS", null))).isNull();
        assertThat(gate.onCommand(session(POP3Session.TRANSACTION, ALICE), command("PASS", PASSWORD))).isNull();
    }

    @Test
    void apopOfAFrozenAccountIsRefused() {
        accounts.freeze(ALICE);
        POP3Session session = session(POP3Session.AUTHENTICATION_READY, null);

        Response response = gate.onCommand(session, command("APOP", "Alice@Example.test c4c9334bac560ecc979e58001b3e22fb"));

        assertThat(response.getLines()).map(CharSequence::toString).containsExactly("-ERR Account frozen: contact your postmaster");
    }

    @Test
    void apopOfAnAccountThatIsNotFrozenOrMalformedIsLeftToJames() {
        accounts.freeze(ALICE);
        POP3Session ready = session(POP3Session.AUTHENTICATION_READY, null);

        assertThat(gate.onCommand(ready, command("APOP", "bob@example.test c4c9334bac560ecc979e58001b3e22fb"))).isNull();
        assertThat(gate.onCommand(ready, command("APOP", ALICE))).isNull();
        assertThat(gate.onCommand(ready, command("APOP", null))).isNull();
    }

    @Test
    void theGateTakesOnlyPassWhenNoOtherHandlerImplementsApop() {
        gate.wireExtensions(CommandHandler.class, List.of(gate, handlerOf("USER"), handlerOf("PASS")));

        assertThat(gate.getImplCommands()).containsExactly("PASS");
    }

    @Test
    void theGateAlsoTakesApopWhenAnotherHandlerImplementsIt() {
        gate.wireExtensions(CommandHandler.class, List.of(gate, handlerOf("PASS"), handlerOf("apop")));

        assertThat(gate.getImplCommands()).containsExactly("PASS", "APOP");
    }

    @Test
    void aSuccessfulLoginIsRecordedForItsIp() {
        Response ok = new POP3Response(POP3Response.OK_RESPONSE, "welcome");

        assertThat(gate.onResponse(afterUser(ALICE), ok, 1, mock(AbstractPassCmdHandler.class))).isSameAs(ok);

        assertThat(logins.lastLogin("192.0.2.9")).contains(clock.instant());
    }

    @Test
    void aRefusedLoginOrAnotherCommandIsNotRecorded() {
        gate.onResponse(afterUser(ALICE), new POP3Response(POP3Response.ERR_RESPONSE, "no"), 1, mock(AbstractPassCmdHandler.class));
        gate.onResponse(afterUser(ALICE), new POP3Response(POP3Response.OK_RESPONSE, "ok"), 1, mock(ProtocolHandler.class));

        assertThat(logins.lastLogin("192.0.2.9")).isEmpty();
    }

    @Test
    void aStoreOutageLeavesTheLoginAloneAndIsCounted() {
        Pop3Gate unavailable = new Pop3Gate(UnavailableStores.popLogins(), accounts.logins(), accounts.screenedLogins(), recorder, clock);
        Response ok = new POP3Response(POP3Response.OK_RESPONSE, "welcome");

        assertThat(unavailable.onResponse(afterUser(ALICE), ok, 1, mock(AbstractPassCmdHandler.class))).isSameAs(ok);

        assertThat(metrics.count("jamesguard_pop_before_smtp_store_failure")).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static CommandHandler<POP3Session> handlerOf(String command) {
        CommandHandler<POP3Session> handler = mock(CommandHandler.class);
        when(handler.getImplCommands()).thenReturn((Collection<String>) List.of(command));
        return handler;
    }
}
