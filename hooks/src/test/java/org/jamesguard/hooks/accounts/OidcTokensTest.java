package org.jamesguard.hooks.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import java.net.URL;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.user.api.InvalidUsernameException;
import org.apache.james.user.api.UsersRepository;
import org.jamesguard.testing.oidc.TestOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The token check against a JWKS endpoint of the test ({@link TestOidcProvider}), claim {@code email}. */
class OidcTokensTest {
    private static final String ALICE = "alice@example.test";

    private static final TestOidcProvider PROVIDER = TestOidcProvider.start();
    private final UsersRepository users = mock(UsersRepository.class);
    private final OidcTokens tokens = new OidcTokens(users);

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    private static OidcSASLConfiguration oidc(URL jwks) throws Exception {
        return new OidcSASLConfiguration(jwks, "email", new URL("http://127.0.0.1:1/oidc"), "email",
            Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void aTokenSignedWithAPublishedKeyProvesItsClaim() throws Exception {
        assertThat(tokens.verify(oidc(PROVIDER.jwksUrl()), PROVIDER.token(ALICE))).contains(ALICE);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        assertThat(tokens.verify(oidc(PROVIDER.jwksUrl()), PROVIDER.forgedToken(ALICE))).isEmpty();
    }

    @Test
    void somethingThatIsNoTokenIsRefused() throws Exception {
        assertThat(tokens.verify(oidc(PROVIDER.jwksUrl()), "not-a-token")).isEmpty();
    }

    @Test
    void aClaimThatIsNoValidUserHereIsRefused() throws Exception {
        doThrow(new InvalidUsernameException("not a local domain")).when(users).assertValid(Username.of(ALICE));

        assertThat(tokens.verify(oidc(PROVIDER.jwksUrl()), PROVIDER.token(ALICE))).isEmpty();
    }

    @Test
    void anUnreachableJwksIsNoRefusalButAFailure() throws Exception {
        OidcSASLConfiguration nobodyListens = oidc(new URL("http://127.0.0.1:1/jwks"));

        assertThatThrownBy(() -> tokens.verify(nobodyListens, PROVIDER.token(ALICE)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("could not be read");
    }
}
