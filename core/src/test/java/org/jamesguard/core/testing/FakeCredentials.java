package org.jamesguard.core.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jamesguard.core.auth.Credentials;

/**
 * {@link Credentials} set up in a few lines: accounts with passwords (logins compare case-insensitively
 * and answer the name as registered) and delegations. Remembers every question, oldest first.
 */
public final class FakeCredentials implements Credentials {
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, Set<String>> delegations = new HashMap<>();
    private final List<String> questions = new ArrayList<>();

    /**
     * The accounts the AUTH tests share: john@example.com (password {@code secret}), boss@example.com
     * ({@code boss-secret}), who delegated to john, and ceo@example.com ({@code ceo-secret}), who did not.
     */
    public static FakeCredentials exampleAccounts() {
        return new FakeCredentials()
            .account("john@example.com", "secret").account("boss@example.com", "boss-secret").account("ceo@example.com", "ceo-secret")
            .delegation("boss@example.com", "john@example.com");
    }

    public FakeCredentials account(String name, String password) {
        names.put(key(name), name);
        passwords.put(key(name), password);
        return this;
    }

    /** {@code owner} lets {@code acting} act as it. */
    public FakeCredentials delegation(String owner, String acting) {
        delegations.computeIfAbsent(key(owner), k -> new HashSet<>()).add(key(acting));
        return this;
    }

    /** The questions asked so far, e.g. {@code verify john@example.com}, oldest first. */
    public synchronized List<String> questions() {
        return List.copyOf(questions);
    }

    @Override
    public synchronized Optional<String> verify(String user, String password) {
        questions.add("verify " + user);
        return password.equals(passwords.get(key(user))) ? Optional.of(names.get(key(user))) : Optional.empty();
    }

    @Override
    public synchronized Optional<String> delegatedAccount(String account, String target) {
        questions.add("delegatedAccount " + account + " " + target);
        return delegations.getOrDefault(key(target), Set.of()).contains(key(account))
            ? Optional.of(names.get(key(target)))
            : Optional.empty();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
