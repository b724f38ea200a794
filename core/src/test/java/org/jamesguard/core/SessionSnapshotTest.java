package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.jamesguard.core.net.EmailAddress;
import org.jamesguard.core.testing.TestAddresses;
import org.junit.jupiter.api.Test;

class SessionSnapshotTest {
    private static final EmailAddress BOB = EmailAddress.parse("bob@example.org");

    @Test
    void aBareSnapshotKnowsOnlyTheClientIp() {
        SessionSnapshot session = SessionSnapshot.builder("192.0.2.1").build();

        assertThat(session.clientIpText()).isEqualTo("192.0.2.1");
        assertThat(session.sessionId()).isEqualTo("-");
        assertThat(session.listener()).isEqualTo("-");
        assertThat(session.trusted()).isFalse();
        assertThat(session.authUser()).isEmpty();
        assertThat(session.authenticated()).isFalse();
        assertThat(session.nullSender()).isFalse();
        assertThat(session.mailFrom()).isEmpty();
        assertThat(session.recipients()).isEmpty();
        assertThat(session).hasToString("SessionSnapshot{session=- ip=192.0.2.1 account=- listener=-, trusted=false,"
            + " mailFrom=null, recipients=[]}");
    }

    @Test
    void keepsEverythingTheBuilderWasGiven() {
        SessionSnapshot session = SessionSnapshot.builder("2001:DB8::25").sessionId("s-1").listener("submission")
            .trusted(true).authUser("alice@example.com")
            .mailFrom("Alice@Example.COM").recipients(List.of(BOB)).build();

        assertThat(session.clientIpText()).isEqualTo("2001:db8::25");
        assertThat(session.sessionId()).isEqualTo("s-1");
        assertThat(session.listener()).isEqualTo("submission");
        assertThat(session.trusted()).isTrue();
        assertThat(session.authUser()).contains("alice@example.com");
        assertThat(session.authenticated()).isTrue();
        assertThat(session.mailFrom()).contains(EmailAddress.parse("Alice@example.com"));
        assertThat(session.recipients()).containsExactly(BOB);
        assertThat(session.auditContext())
            .isEqualTo(AuditContext.of("s-1", "2001:db8::25", "alice@example.com", "submission"));
        assertThat(session).hasToString("SessionSnapshot{session=s-1 ip=2001:db8::25 account=alice@example.com"
            + " listener=submission, trusted=true, mailFrom=Alice@example.com,"
            + " recipients=[bob@example.org]}");
    }

    @Test
    void anIpv4MappedClientIsSeenAsIpv4() {
        assertThat(SessionSnapshot.builder(TestAddresses.ipv4Mapped("192.0.2.1")).build().clientIpText()).isEqualTo("192.0.2.1");
        assertThat(SessionSnapshot.builder("::ffff:192.0.2.1").build().clientIpText()).isEqualTo("192.0.2.1");
    }

    @Test
    void refusesAHostNameAsClientIp() {
        assertThatIllegalArgumentException().isThrownBy(() -> SessionSnapshot.builder("mx.example.com"))
            .withMessage("not an IP address: 'mx.example.com'");
    }

    @Test
    void requiresAClientIp() {
        assertThatNullPointerException().isThrownBy(() -> SessionSnapshot.builder((InetAddress) null).build())
            .withMessage("clientIp");
    }

    @Test
    void nullSenderAndMailFromReplaceEachOther() {
        SessionSnapshot nullSender = SessionSnapshot.builder("192.0.2.1").mailFrom("a@example.com").nullSender().build();
        SessionSnapshot sender = SessionSnapshot.builder("192.0.2.1").nullSender().mailFrom(BOB).build();

        assertThat(nullSender.nullSender()).isTrue();
        assertThat(nullSender.mailFrom()).isEmpty();
        assertThat(nullSender.toString()).contains("mailFrom=<>");
        assertThat(sender.nullSender()).isFalse();
        assertThat(sender.mailFrom()).contains(BOB);
    }

    @Test
    void recipientsAreCopiedAndUnmodifiable() {
        List<EmailAddress> recipients = new ArrayList<>(List.of(BOB));
        SessionSnapshot session = SessionSnapshot.builder("192.0.2.1").recipients(recipients).build();
        recipients.add(EmailAddress.parse("carol@example.org"));

        assertThat(session.recipients()).containsExactly(BOB);
        assertThatThrownBy(() -> session.recipients().add(BOB)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderCopiesEverythingAndLeavesTheOriginalAlone() {
        SessionSnapshot original = SessionSnapshot.builder("192.0.2.1").sessionId("s-1").listener("smtp").trusted(true)
            .authUser("alice").nullSender().recipients(List.of(BOB)).build();

        SessionSnapshot copy = original.toBuilder().build();
        SessionSnapshot changed = original.toBuilder().authUser("mallory").mailFrom(BOB).build();

        assertThat(copy).hasToString(original.toString());
        assertThat(copy.trusted()).isTrue();
        assertThat(changed.authUser()).contains("mallory");
        assertThat(changed.nullSender()).isFalse();
        assertThat(original.authUser()).contains("alice");
        assertThat(original.nullSender()).isTrue();
    }

    @Test
    void aDelegatingLoginIsKeptBesideTheAccountActedFor() {
        SessionSnapshot delegated = SessionSnapshot.builder("192.0.2.1").authUser("boss").delegatingLogin("alice").build();

        assertThat(delegated.delegatingLogin()).contains("alice");
        assertThat(delegated.accountsInvolved()).containsExactly("alice", "boss");
        assertThat(delegated.toBuilder().build().delegatingLogin()).contains("alice");
    }

    @Test
    void aLoginActingAsItselfOrNoLoginAtAllHasNoDelegatingLogin() {
        SessionSnapshot itself = SessionSnapshot.builder("192.0.2.1").authUser("alice").delegatingLogin("alice").build();
        SessionSnapshot anonymous = SessionSnapshot.builder("192.0.2.1").delegatingLogin("alice").build();

        assertThat(itself.delegatingLogin()).isEmpty();
        assertThat(itself.accountsInvolved()).containsExactly("alice");
        assertThat(anonymous.delegatingLogin()).isEmpty();
        assertThat(anonymous.accountsInvolved()).isEmpty();
    }
}
