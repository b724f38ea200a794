package org.jamesguard.core.net;

import java.util.Optional;

/**
 * The mail address of an account as James itself reads it. With virtual hosting the account name is the
 * address; without it (James's default, no usersrepository.xml) accounts are plain names living in James's
 * default domain, where James sends their postmaster's mail and where {@code name@default-domain} is theirs.
 */
public final class AccountAddresses {
    private final String defaultDomain;

    private AccountAddresses(String defaultDomain) {
        this.defaultDomain = Domains.normalize(defaultDomain);
    }

    /** @param defaultDomain James's {@code DomainList.getDefaultDomain()} */
    public static AccountAddresses withDefaultDomain(String defaultDomain) {
        if (defaultDomain == null || defaultDomain.isBlank() || defaultDomain.contains("@")) {
            throw new IllegalArgumentException("James's default domain '" + defaultDomain + "' is not a domain");
        }
        return new AccountAddresses(defaultDomain);
    }

    /** The account's address; empty only for a name no address can carry (a space, a control character). */
    public Optional<EmailAddress> of(String account) {
        return EmailAddress.tryParse(account.indexOf('@') >= 0 ? account : account + "@" + defaultDomain);
    }

    /** The domain whose postmaster answers for the account: its address's, else James's default domain. */
    public String domainOf(String account) {
        return of(account).map(EmailAddress::domain).orElse(defaultDomain);
    }

    public String defaultDomain() {
        return defaultDomain;
    }
}
