package org.jamesguard.core.auth.from;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.jamesguard.core.net.EmailAddress;

/**
 * What {@link FromHeaderParser} found: either a rejection, or the non-empty list of every address
 * the strict or the display view revealed (domains as lower-case A-labels), without duplicates, in
 * order of appearance. An accepted analysis also keeps the field's unfolded value and the mailboxes
 * of the strict view alone, for comparison with other parsers. A rejected analysis has no addresses.
 */
public final class FromHeaderAnalysis {
    private final List<EmailAddress> addresses;
    private final List<EmailAddress> mailboxes;
    private final String value;
    private final String rejection;

    private FromHeaderAnalysis(List<EmailAddress> addresses, List<EmailAddress> mailboxes, String value, String rejection) {
        this.addresses = addresses;
        this.mailboxes = mailboxes;
        this.value = value;
        this.rejection = rejection;
    }

    static FromHeaderAnalysis accepted(String value, Collection<EmailAddress> mailboxes, Collection<EmailAddress> addresses) {
        if (addresses.isEmpty() || mailboxes.isEmpty()) {
            throw new IllegalArgumentException("an accepted From header has at least one address");
        }
        return new FromHeaderAnalysis(List.copyOf(addresses), List.copyOf(mailboxes), Objects.requireNonNull(value, "value"), null);
    }

    static FromHeaderAnalysis rejected(String reason) {
        return new FromHeaderAnalysis(List.of(), List.of(), null, Objects.requireNonNull(reason, "reason"));
    }

    public List<EmailAddress> addresses() {
        return addresses;
    }

    /** The mailboxes of the {@code mailbox-list} itself (no display-name or comment text); empty when rejected. */
    public List<EmailAddress> mailboxes() {
        return mailboxes;
    }

    /** The unfolded field value as the client wrote it; empty when rejected. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** A short reason, fit for a log line, when the header is refused whoever the account is. */
    public Optional<String> rejection() {
        return Optional.ofNullable(rejection);
    }

    /**
     * The whole A6 decision for one account: the rejection if any, else the first address it does not
     * own, else empty (the account owns every address). The caller supplies ownership because only it
     * knows the account's aliases and delegations.
     */
    public Optional<String> refusalFor(Predicate<? super EmailAddress> owns) {
        if (rejection != null) {
            return Optional.of(rejection);
        }
        return addresses.stream()
            .filter(owns.negate())
            .findFirst()
            .map(address -> "From address " + address + " is not owned by the authenticated user");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FromHeaderAnalysis && ((FromHeaderAnalysis) o).addresses.equals(addresses)
            && ((FromHeaderAnalysis) o).mailboxes.equals(mailboxes) && Objects.equals(((FromHeaderAnalysis) o).value, value)
            && Objects.equals(((FromHeaderAnalysis) o).rejection, rejection);
    }

    @Override
    public int hashCode() {
        return Objects.hash(addresses, mailboxes, value, rejection);
    }

    @Override
    public String toString() {
        return rejection != null ? "rejected: " + rejection : "addresses: " + addresses;
    }
}
