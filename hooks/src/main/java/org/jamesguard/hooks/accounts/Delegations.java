package org.jamesguard.hooks.accounts;

import org.apache.james.core.Username;
import org.apache.james.user.api.DelegationStore;

import reactor.core.publisher.Flux;

/** James's delegation: an account owner lets other accounts act as it. */
final class Delegations {
    private Delegations() {
    }

    static boolean allows(DelegationStore delegations, Username owner, Username acting) {
        return Boolean.TRUE.equals(Flux.from(delegations.authorizedUsers(owner)).any(acting::equals).block());
    }
}
