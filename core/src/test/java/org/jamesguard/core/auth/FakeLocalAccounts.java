package org.jamesguard.core.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jamesguard.core.net.EmailAddress;

/**
 * A {@link LocalAccounts} set up in a few lines, remembering every question it was asked, in order, so
 * tests can prove which look-ups a policy did and did not make. Addresses compare case-insensitively.
 * <pre>{@code
 * FakeLocalAccounts accounts = new FakeLocalAccounts().domain("example.com")
 *     .account("john@example.com").alias("sales@example.com", "john@example.com");
 * ...
 * assertThat(accounts.questions()).containsExactly("owns john@example.com ceo@example.com");
 * }</pre>
 */
final class FakeLocalAccounts implements LocalAccounts {
    private final Set<String> domains = new HashSet<>();
    private final Set<String> accounts = new HashSet<>();
    private final Map<String, List<EmailAddress>> mappings = new HashMap<>();
    private final Map<String, Set<String>> owned = new HashMap<>();
    private final List<String> questions = new ArrayList<>();
    private RuntimeException failure;

    FakeLocalAccounts domain(String domain) {
        domains.add(domain);
        return this;
    }

    /** A user of this server, who owns its own address. */
    FakeLocalAccounts account(String address) {
        accounts.add(key(address));
        return grant(address, address);
    }

    /** A mapping from {@code alias} to {@code target}; when the target is an account, it owns the alias. */
    FakeLocalAccounts alias(String alias, String target) {
        mappings.computeIfAbsent(key(alias), k -> new ArrayList<>()).add(EmailAddress.parse(target));
        return accounts.contains(key(target)) ? grant(target, alias) : this;
    }

    /** {@code account} may use {@code address} (a delegation, or James's CanSendFrom). */
    FakeLocalAccounts grant(String account, String address) {
        owned.computeIfAbsent(key(account), k -> new HashSet<>()).add(key(address));
        return this;
    }

    /** Every question from now on fails with {@code e}, as a repository outage would. */
    FakeLocalAccounts failWith(RuntimeException e) {
        this.failure = e;
        return this;
    }

    /** The questions asked so far, e.g. {@code isLocalDomain example.com}, oldest first. */
    synchronized List<String> questions() {
        return List.copyOf(questions);
    }

    @Override
    public boolean isLocalDomain(String domain) {
        ask("isLocalDomain " + domain);
        return domains.contains(domain);
    }

    @Override
    public boolean isLocalAccountOrAlias(EmailAddress address) {
        ask("isLocalAccountOrAlias " + address.asString());
        return accounts.contains(address.canonical()) || mappings.containsKey(address.canonical());
    }

    @Override
    public List<EmailAddress> mappingTargets(EmailAddress address) {
        ask("mappingTargets " + address.asString());
        return mappings.getOrDefault(address.canonical(), List.of());
    }

    @Override
    public boolean owns(String account, EmailAddress address) {
        ask("owns " + account + " " + address.asString());
        return owned.getOrDefault(key(account), Set.of()).contains(address.canonical());
    }

    private synchronized void ask(String question) {
        questions.add(question);
        if (failure != null) {
            throw failure;
        }
    }

    private static String key(String address) {
        return EmailAddress.parse(address).canonical();
    }
}
