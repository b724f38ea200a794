package org.jamesguard.hooks.accounts;

import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.jwt.JwtTokenVerifier;
import org.apache.james.jwt.OidcJwtTokenVerifier;
import org.apache.james.jwt.introspection.IntrospectionEndpoint;
import org.apache.james.jwt.introspection.TokenIntrospectionResponse;
import org.apache.james.protocols.api.OidcSASLConfiguration;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;

import com.auth0.jwk.Jwk;
import com.auth0.jwk.JwkException;
import com.auth0.jwk.NetworkException;
import com.auth0.jwk.SigningKeyNotFoundException;
import com.auth0.jwk.UrlJwkProvider;

import reactor.core.publisher.Mono;

/**
 * The token check James 3.8.1 does for {@code OAUTHBEARER} and {@code XOAUTH2} (SMTP's
 * UsersRepositoryAuthHook, IMAP's AuthenticateProcessor), with the listener's {@code <auth><oidc>}: the
 * signature against the JWKS (the key named by the token's {@code kid}, else every key), the configured
 * claim as the account, then, when configured, the introspection or userinfo endpoint must confirm that
 * claim. James Guard's login gates run it themselves so that a token login is counted and gated like a
 * password login. Unlike James's, it tells a refused token from an identity provider that could not be
 * asked (unreachable, slower than {@link #TIMEOUT}, erroring): the latter throws, and is no failed login.
 */
public class OidcTokens {
    /** Connect and read timeout of each request to the identity provider (James's own have none). */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final UsersRepository users;

    @Inject
    public OidcTokens(UsersRepository users) {
        this.users = users;
    }

    /**
     * The account {@code token} proves, empty when the token is refused or names no valid user of this
     * server (James's SMTP check: a token of another domain's user must not log in here).
     *
     * @throws IllegalStateException when the identity provider could not be asked
     */
    public Optional<String> verify(OidcSASLConfiguration configuration, String token) {
        return claim(configuration, token).filter(this::validUser);
    }

    private boolean validUser(String account) {
        try {
            users.assertValid(Username.of(account));
            return true;
        } catch (UsersRepositoryException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<String> claim(OidcSASLConfiguration configuration, String token) {
        Optional<String> claim = new JwtTokenVerifier(() -> publicKeys(configuration, token))
            .verifyAndExtractClaim(token, configuration.getClaim(), String.class);
        if (claim.isEmpty()) {
            return claim;
        }
        if (configuration.isCheckTokenByIntrospectionEndpoint()) {
            IntrospectionEndpoint endpoint = new IntrospectionEndpoint(configuration.getIntrospectionEndpoint().orElseThrow(),
                configuration.getIntrospectionEndpointAuthorization());
            return ask(Mono.from(OidcJwtTokenVerifier.CHECK_TOKEN_CLIENT.introspect(endpoint, token))
                .filter(TokenIntrospectionResponse::active)
                .filter(response -> response.claimByPropertyName(configuration.getClaim()).equals(claim))
                .map(response -> claim.get()));
        }
        if (configuration.isCheckTokenByUserinfoEndpoint()) {
            return ask(Mono.from(OidcJwtTokenVerifier.CHECK_TOKEN_CLIENT.userInfo(configuration.getUserInfoEndpoint().orElseThrow(), token))
                .filter(response -> response.claimByPropertyName(configuration.getClaim()).equals(claim))
                .map(response -> claim.get()));
        }
        return claim;
    }

    private static Optional<String> ask(Mono<String> endpoint) {
        try {
            return endpoint.blockOptional(TIMEOUT);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the identity provider's endpoint did not answer: " + e.getMessage(), e);
        }
    }

    /** The signing keys the token may use; none when its {@code kid} is not published. */
    private static List<PublicKey> publicKeys(OidcSASLConfiguration configuration, String token) {
        UrlJwkProvider provider = new UrlJwkProvider(configuration.getJwksURL(), (int) TIMEOUT.toMillis(), (int) TIMEOUT.toMillis());
        Optional<String> keyId = OidcJwtTokenVerifier.getClaimWithoutSignatureVerification(token, "kid");
        try {
            List<PublicKey> keys = new ArrayList<>();
            for (Jwk jwk : keyId.isPresent() ? List.of(provider.get(keyId.get())) : provider.getAll()) {
                keys.add(jwk.getPublicKey());
            }
            return keys;
        } catch (NetworkException e) {
            throw new IllegalStateException("the JWKS at " + configuration.getJwksURL() + " could not be read", e);
        } catch (SigningKeyNotFoundException e) {
            return List.of();
        } catch (JwkException e) {
            throw new IllegalStateException("the JWKS at " + configuration.getJwksURL() + " is not usable", e);
        }
    }
}
