package org.jamesguard.hooks.accounts;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.DelegationStore;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.jamesguard.core.auth.Credentials;

/** {@link Credentials} over James's UsersRepository (the password check James itself does) and DelegationStore. */
public class JamesCredentials implements Credentials {
    private final UsersRepository users;
    private final DelegationStore delegations;

    @Inject
    public JamesCredentials(UsersRepository users, DelegationStore delegations) {
        this.users = users;
        this.delegations = delegations;
    }

    @Override
    public Optional<String> verify(String user, String password) {
        Optional<Username> username = parse(user);
        try {
            return username.isPresent() && users.test(username.get(), password)
                ? Optional.of(username.get().asString())
                : Optional.empty();
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("UsersRepository failed for " + user, e);
        }
    }

    @Override
    public Optional<String> delegatedAccount(String account, String target) {
        Optional<Username> delegating = parse(target);
        Username acting = Username.of(account);
        return delegating.filter(owner -> Delegations.allows(delegations, owner, acting)).map(Username::asString);
    }

    private static Optional<Username> parse(String user) {
        try {
            return Optional.of(Username.of(user));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
