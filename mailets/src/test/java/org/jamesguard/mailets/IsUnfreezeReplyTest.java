package org.jamesguard.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jamesguard.mailets.TestMails.mail;

import java.util.Locale;

import org.apache.james.core.MailAddress;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replies to freeze notices: the recipients that are token addresses of a local domain (example.com here). */
class IsUnfreezeReplyTest {
    private static final String TOKEN = "unfreeze-abcdefghijklmnop-t9h2kg-abcdefghijklmnopqrstuvwxyz";

    private final IsUnfreezeReply matcher = new IsUnfreezeReply();

    @BeforeEach
    void init() throws Exception {
        matcher.init(FakeMatcherConfig.builder().matcherName("IsUnfreezeReply")
            .mailetContext(TestMails.withLocalDomains(FakeMailContext.defaultContext(), "example.com")).build());
    }

    @Test
    void matchesATokenAddressOfALocalDomain() throws Exception {
        assertThat(matcher.match(mail(TOKEN + "@example.com").build())).containsExactly(new MailAddress(TOKEN + "@example.com"));
    }

    @Test
    void matchesOnlyTheTokenRecipients() throws Exception {
        assertThat(matcher.match(mail("friend@example.org", TOKEN + "@example.com", "jane@example.com").build()))
            .containsExactly(new MailAddress(TOKEN + "@example.com"));
    }

    @Test
    void matchesEveryTokenRecipientWhateverItsCase() throws Exception {
        String shouted = TOKEN.toUpperCase(Locale.ROOT) + "@EXAMPLE.COM";

        assertThat(matcher.match(mail(TOKEN + "@example.com", shouted).build()))
            .containsExactly(new MailAddress(TOKEN + "@example.com"), new MailAddress(shouted));
    }

    @Test
    void aTokenAddressOfAnotherDomainIsNotOurs() throws Exception {
        assertThat(matcher.match(mail(TOKEN + "@example.org").build())).isEmpty();
    }

    @Test
    void anythingThatDoesNotLookLikeATokenIsLeftAlone() throws Exception {
        assertThat(matcher.match(mail("unfreeze@example.com", "jane@example.com", "postmaster@example.com").build())).isEmpty();
    }

    @Test
    void aMalformedTokenAddressIsStillTakenSoThatItIsRefusedAndLogged() throws Exception {
        assertThat(matcher.match(mail("unfreeze-me@example.com").build())).containsExactly(new MailAddress("unfreeze-me@example.com"));
    }
}
