package org.jamesguard.hooks.jmap;

import javax.inject.Inject;

import org.apache.james.jmap.http.JWTAuthenticationStrategy;
import org.jamesguard.core.hijack.FrozenLogins;

/**
 * James's JWT bearer authentication for JMAP, refusing frozen accounts once the token is verified: a
 * token issued before the freeze must not outlive it. Listed in
 * {@code authentication.strategy.rfc8621} in place of {@code JWTAuthenticationStrategy} (see
 * {@link GuardBasicAuthenticationStrategy}).
 */
public class GuardJwtAuthenticationStrategy extends FrozenAccountStrategy {
    @Inject
    public GuardJwtAuthenticationStrategy(JWTAuthenticationStrategy jwt, FrozenLogins frozenLogins) {
        super(jwt, frozenLogins);
    }
}
