package org.jamesguard.hooks.accounts;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.internet.AddressException;

import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.rrt.api.CanSendFrom;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.api.RecipientRewriteTableException;
import org.apache.james.rrt.lib.Mapping;
import org.apache.james.user.api.DelegationStore;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.jamesguard.core.auth.LocalAccounts;
import org.jamesguard.core.net.EmailAddress;

/**
 * {@link LocalAccounts} over James's own repositories, so ownership means exactly what it means to James:
 * the account, its aliases ({@link CanSendFrom}), and the accounts that delegated to it.
 * A repository failure propagates and becomes {@code 451 4.3.0} at the decision choke point.
 */
public class JamesLocalAccounts implements LocalAccounts {
    private final DomainList domains;
    private final UsersRepository users;
    private final RecipientRewriteTable mappings;
    private final CanSendFrom canSendFrom;
    private final DelegationStore delegations;

    @Inject
    public JamesLocalAccounts(DomainList domains, UsersRepository users, RecipientRewriteTable mappings,
                              CanSendFrom canSendFrom, DelegationStore delegations) {
        this.domains = domains;
        this.users = users;
        this.mappings = mappings;
        this.canSendFrom = canSendFrom;
        this.delegations = delegations;
    }

    @Override
    public boolean isLocalDomain(String domain) {
        try {
            return domains.containsDomain(Domain.of(domain));
        } catch (DomainListException e) {
            throw new IllegalStateException("DomainList failed for " + domain, e);
        }
    }

    @Override
    public boolean isLocalAccountOrAlias(EmailAddress address) {
        Optional<Username> username = username(address);
        try {
            return username.isPresent() && users.contains(username.get()) || !mappingTargets(address).isEmpty();
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("UsersRepository failed for " + address, e);
        }
    }

    @Override
    public List<EmailAddress> mappingTargets(EmailAddress address) {
        try {
            return mappings.getResolvedMappings(address.localPart(), Domain.of(address.domain())).asStream()
                .map(Mapping::asMailAddress)
                .flatMap(Optional::stream)
                .map(target -> EmailAddress.of(target.getLocalPart(), target.getDomain().asString()))
                .collect(Collectors.toUnmodifiableList());
        } catch (RecipientRewriteTable.ErrorMappingException e) {
            // an error mapping refuses mail to the address: it leads nowhere
            return List.of();
        } catch (RecipientRewriteTableException e) {
            throw new IllegalStateException("RecipientRewriteTable failed for " + address, e);
        }
    }

    @Override
    public boolean owns(String account, EmailAddress address) {
        Optional<Username> sender = username(address);
        if (sender.isEmpty()) {
            return false;
        }
        Username user = Username.of(account);
        return canSendFrom.userCanSendFrom(user, sender.get())
            || Delegations.allows(delegations, sender.get(), user);
    }

    /** The James user an address designates; empty for an address James cannot represent. */
    private Optional<Username> username(EmailAddress address) {
        try {
            return Optional.of(users.getUsername(new MailAddress(address.localPart(), address.domain())));
        } catch (AddressException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException("UsersRepository failed for " + address, e);
        }
    }
}
