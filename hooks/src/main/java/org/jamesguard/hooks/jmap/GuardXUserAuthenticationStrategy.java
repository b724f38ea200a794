package org.jamesguard.hooks.jmap;

import javax.inject.Inject;

import org.apache.james.jmap.http.XUserAuthenticationStrategy;
import org.jamesguard.core.hijack.FrozenLogins;

/**
 * James's {@code X-User} authentication for JMAP (a reverse proxy authenticated the user and names it in
 * the header), refusing frozen accounts: the proxy's login is one more way in. Listed in
 * {@code authentication.strategy.rfc8621} in place of {@code XUserAuthenticationStrategy} (see
 * {@link GuardBasicAuthenticationStrategy}).
 */
public class GuardXUserAuthenticationStrategy extends FrozenAccountStrategy {
    @Inject
    public GuardXUserAuthenticationStrategy(XUserAuthenticationStrategy xUser, FrozenLogins frozenLogins) {
        super(xUser, frozenLogins);
    }
}
