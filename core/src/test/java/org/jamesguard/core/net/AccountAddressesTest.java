package org.jamesguard.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountAddressesTest {
    private final AccountAddresses addresses = AccountAddresses.withDefaultDomain("Example.COM");

    @Test
    void anAddressIsItsOwn() {
        assertThat(addresses.of("john@example.org")).contains(EmailAddress.parse("john@example.org"));
        assertThat(addresses.domainOf("john@example.org")).isEqualTo("example.org");
    }

    @Test
    void aPlainNameLivesInTheDefaultDomain() {
        assertThat(addresses.of("john")).contains(EmailAddress.parse("john@example.com"));
        assertThat(addresses.domainOf("john")).isEqualTo("example.com");
    }

    @Test
    void aNameNoAddressCanCarryStillHasTheDefaultDomain() {
        assertThat(addresses.of("jo hn")).isEmpty();
        assertThat(addresses.domainOf("jo hn")).isEqualTo("example.com");
    }

    @Test
    void refusesADefaultDomainThatIsNotADomain() {
        assertThatThrownBy(() -> AccountAddresses.withDefaultDomain("a@b")).hasMessage("James's default domain 'a@b' is not a domain");
    }
}
