package org.jamesguard.hooks.jmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.jmap.exceptions.UnauthorizedException;
import org.apache.james.jmap.http.AuthenticationChallenge;
import org.apache.james.jmap.http.AuthenticationScheme;
import org.apache.james.jmap.http.BasicAuthenticationStrategy;
import org.apache.james.jmap.http.XUserAuthenticationStrategy;
import org.apache.james.mailbox.MailboxSession;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.hooks.testing.FrozenAccountsFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.google.common.collect.ImmutableMap;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

class FrozenAccountStrategyTest {
    private static final Username ALICE = Username.of("alice@example.test");
    private static final Username BOB = Username.of("bob@example.test");

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);

    private final FrozenAccountsFixture accounts = new FrozenAccountsFixture(ALICE.asString(), BOB.asString());
    private final BasicAuthenticationStrategy basic = mock(BasicAuthenticationStrategy.class);
    private final HttpServerRequest request = mock(HttpServerRequest.class);
    private final GuardBasicAuthenticationStrategy strategy = new GuardBasicAuthenticationStrategy(basic, accounts.logins());

    private static MailboxSession session(Username user, Optional<Username> loggedIn) {
        return new MailboxSession(MailboxSession.SessionId.of(42), user, loggedIn, List.of(Locale.ROOT), '.',
            MailboxSession.SessionType.User);
    }

    private void authenticates(MailboxSession session) {
        when(request.remoteAddress()).thenReturn(new InetSocketAddress("192.0.2.8", 50000));
        when(basic.createMailboxSession(request)).thenReturn(Mono.just(session));
    }

    @Test
    void aFrozenAccountThatJamesAuthenticatedIsRefused() {
        accounts.freeze(ALICE.asString());
        authenticates(session(ALICE, Optional.empty()));

        assertThatThrownBy(() -> strategy.createMailboxSession(request).block())
            .isInstanceOf(UnauthorizedException.class)
            .hasMessage("Account frozen: contact your postmaster");
        assertThat(audit.messages()).singleElement().asString()
            .startsWith("check=frozen-account verdict=reject reply=\"535 5.7.8 Account frozen: contact your postmaster\" "
                + "session=jmap-2a ip=192.0.2.8 account=alice@example.test listener=jmap");
    }

    @Test
    void aFrozenAccountNamedByAnAuthenticatingProxyIsRefused() {
        XUserAuthenticationStrategy xUser = mock(XUserAuthenticationStrategy.class);
        when(xUser.createMailboxSession(request)).thenReturn(Mono.just(session(ALICE, Optional.empty())));
        accounts.freeze(ALICE.asString());

        assertThatThrownBy(() -> new GuardXUserAuthenticationStrategy(xUser, accounts.logins()).createMailboxSession(request).block())
            .isInstanceOf(UnauthorizedException.class)
            .hasMessage("Account frozen: contact your postmaster");
    }

    @Test
    void anAccountThatIsNotFrozenGetsItsSession() {
        accounts.freeze(BOB.asString());
        MailboxSession session = session(ALICE, Optional.empty());
        authenticates(session);

        assertThat(strategy.createMailboxSession(request).block()).isSameAs(session);
    }

    @Test
    void jamesRefusalOfWrongCredentialsIsKept() {
        accounts.freeze(ALICE.asString());
        when(basic.createMailboxSession(request)).thenReturn(Mono.error(new UnauthorizedException("Wrong credentials provided")));

        assertThatThrownBy(() -> strategy.createMailboxSession(request).block()).hasMessage("Wrong credentials provided");
        assertThat(audit.messages()).isEmpty();
    }

    @Test
    void aRequestWithoutCredentialsForThisStrategyStaysEmpty() {
        when(basic.createMailboxSession(request)).thenReturn(Mono.empty());

        assertThat(strategy.createMailboxSession(request).blockOptional()).isEmpty();
    }

    /** As over SMTP and IMAP, a frozen login cannot act for another account (issue 12, hole 2)... */
    @Test
    void aFrozenLoginActingForAnotherAccountIsRefused() {
        MailboxSession aliceActingForBob = session(BOB, Optional.of(ALICE));
        authenticates(aliceActingForBob);
        assertThat(strategy.createMailboxSession(request).block()).isSameAs(aliceActingForBob);

        accounts.freeze(ALICE.asString());
        assertThatThrownBy(() -> strategy.createMailboxSession(request).block()).isInstanceOf(UnauthorizedException.class);
    }

    /** ...nor may anyone act for a frozen account. */
    @Test
    void actingForAFrozenAccountIsRefused() {
        accounts.freeze(BOB.asString());
        authenticates(session(BOB, Optional.of(ALICE)));

        assertThatThrownBy(() -> strategy.createMailboxSession(request).block()).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void theChallengeIsJamesOwn() {
        AuthenticationChallenge challenge = AuthenticationChallenge.of(AuthenticationScheme.of("Basic"),
            ImmutableMap.of("realm", "simple"));
        when(basic.correspondingChallenge()).thenReturn(challenge);

        assertThat(strategy.correspondingChallenge()).isEqualTo(challenge);
    }
}
