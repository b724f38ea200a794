package org.jamesguard.hooks.jmap;

import java.net.InetSocketAddress;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.jmap.exceptions.UnauthorizedException;
import org.apache.james.jmap.http.AuthenticationChallenge;
import org.apache.james.jmap.http.AuthenticationStrategy;
import org.apache.james.mailbox.MailboxSession;
import org.jamesguard.core.AuditContext;
import org.jamesguard.core.Reply;
import org.jamesguard.core.hijack.FrozenLogins;
import org.jamesguard.core.net.IpAddresses;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;

/**
 * One of James's JMAP authentication strategies, refusing frozen accounts (SPEC C7). James's strategy
 * checks the credentials first, so a wrong password or token keeps its usual answer; an account it
 * authenticates that is frozen gets {@code 401} with the detail
 * {@code Account frozen: contact your postmaster}. The account checked is the one that authenticated and,
 * when the session acts for another account (a delegation), that one too.
 */
public abstract class FrozenAccountStrategy implements AuthenticationStrategy {
    static final String LISTENER = "jmap";

    private final AuthenticationStrategy strategy;
    private final FrozenLogins frozenLogins;

    protected FrozenAccountStrategy(AuthenticationStrategy strategy, FrozenLogins frozenLogins) {
        this.strategy = strategy;
        this.frozenLogins = frozenLogins;
    }

    @Override
    public Mono<MailboxSession> createMailboxSession(HttpServerRequest request) {
        return strategy.createMailboxSession(request)
            .flatMap(session -> Mono.fromCallable(() -> admitted(session, request))
                // the freeze store may block (a remote store): off the event loop
                .subscribeOn(Schedulers.boundedElastic()));
    }

    private MailboxSession admitted(MailboxSession session, HttpServerRequest request) {
        Username login = session.getLoggedInUser().orElse(session.getUser());
        Optional<Reply> refusal = frozenLogins.authenticated(login.asString(), context(session, request, login));
        if (refusal.isEmpty() && !login.equals(session.getUser())) {
            refusal = frozenLogins.authenticated(session.getUser().asString(), context(session, request, session.getUser()));
        }
        if (refusal.isPresent()) {
            throw new UnauthorizedException(refusal.get().text());
        }
        return session;
    }

    @Override
    public AuthenticationChallenge correspondingChallenge() {
        return strategy.correspondingChallenge();
    }

    private static AuditContext context(MailboxSession session, HttpServerRequest request, Username account) {
        InetSocketAddress remote = request.remoteAddress();
        String ip = remote == null || remote.getAddress() == null
            ? null
            : IpAddresses.format(IpAddresses.normalize(remote.getAddress()));
        return AuditContext.of("jmap-" + Long.toHexString(session.getSessionId().getValue()), ip, account.asString(), LISTENER);
    }
}
