package org.jamesguard.core.auth;

import java.util.Optional;

/** Password checks and delegations, implemented over James's UsersRepository and DelegationStore. */
public interface Credentials {
    /** The account's canonical name when {@code password} is the password of {@code user}. */
    Optional<String> verify(String user, String password);

    /**
     * The canonical name of {@code target} when {@code account} may act as it (the target delegated its
     * account to it); empty otherwise.
     */
    Optional<String> delegatedAccount(String account, String target);
}
