package org.jamesguard.hooks.jmap;

import javax.inject.Inject;

import org.apache.james.jmap.http.BasicAuthenticationStrategy;
import org.jamesguard.core.hijack.FrozenLogins;

/**
 * James's HTTP Basic authentication for JMAP (RFC 8621), refusing frozen accounts once their password
 * is verified. In {@code jmap.properties}, in place of {@code BasicAuthenticationStrategy}:
 * <pre>
 * authentication.strategy.rfc8621=org.jamesguard.hooks.jmap.GuardBasicAuthenticationStrategy,\
 *     org.jamesguard.hooks.jmap.GuardJwtAuthenticationStrategy
 * </pre>
 */
public class GuardBasicAuthenticationStrategy extends FrozenAccountStrategy {
    @Inject
    public GuardBasicAuthenticationStrategy(BasicAuthenticationStrategy basic, FrozenLogins frozenLogins) {
        super(basic, frozenLogins);
    }
}
