package org.jamesguard.core.auth;

import java.util.List;

import org.jamesguard.core.net.EmailAddress;

/**
 * What the authentication policy asks about this server's domains and accounts. Implemented over
 * James's DomainList, UsersRepository, RecipientRewriteTable, CanSendFrom and DelegationStore.
 */
public interface LocalAccounts {
    boolean isLocalDomain(String domain);

    /** A user of this server, or an address James's mappings (aliases, forwards, groups) rewrite. */
    boolean isLocalAccountOrAlias(EmailAddress address);

    /** The addresses {@code address} is rewritten to by James's mappings; empty when it has none. */
    List<EmailAddress> mappingTargets(EmailAddress address);

    /**
     * Whether {@code account} may use {@code address} as its sender: the account's own address, an alias of
     * it (James's {@code CanSendFrom}), or an account that delegated to it.
     */
    boolean owns(String account, EmailAddress address);
}
