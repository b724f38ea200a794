package org.jamesguard.core.net;

import java.util.Optional;
import java.util.function.Supplier;

import com.google.common.base.Suppliers;

/**
 * The mail address of an account as James itself reads it. With virtual hosting the account name is the
 * address; without it (James's default, no usersrepository.xml) accounts are plain names living in James's
 * default domain, where James sends their postmaster's mail and where {@code name@default-domain} is theirs.
 */
public final class AccountAddresses {
    private final Supplier<String> defaultDomain;

    private AccountAddresses(Supplier<String> defaultDomain) {
        this.defaultDomain = Suppliers.memoize(() -> checked(defaultDomain.get()));
    }

    /** @param defaultDomain James's {@code DomainList.getDefaultDomain()} */
    public static AccountAddresses withDefaultDomain(String defaultDomain) {
        checked(defaultDomain);
        return new AccountAddresses(() -> defaultDomain);
    }

    /**
     * For James, whose domain list is configured after its extensions are wired: the default domain is asked
     * once, when first needed ({@link #defaultDomain()} at start-up).
     */
    public static AccountAddresses withDefaultDomain(Supplier<String> defaultDomain) {
        return new AccountAddresses(defaultDomain);
    }

    private static String checked(String defaultDomain) {
        if (defaultDomain == null || defaultDomain.isBlank() || defaultDomain.contains("@")) {
            throw new IllegalArgumentException("James's default domain '" + defaultDomain + "' is not a domain");
        }
        return Domains.normalize(defaultDomain);
    }

    /** The account's address; empty only for a name no address can carry (a space, a control character). */
    public Optional<EmailAddress> of(String account) {
        return EmailAddress.tryParse(account.indexOf('@') >= 0 ? account : account + "@" + defaultDomain());
    }

    /** The domain whose postmaster answers for the account: its address's, else James's default domain. */
    public String domainOf(String account) {
        return of(account).map(EmailAddress::domain).orElseGet(this::defaultDomain);
    }

    /** @throws IllegalStateException (or what the supplier throws) when James has no usable default domain */
    public String defaultDomain() {
        return defaultDomain.get();
    }
}
