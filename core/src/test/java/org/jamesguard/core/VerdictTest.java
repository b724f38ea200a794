package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.entry;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import nl.jqno.equalsverifier.EqualsVerifier;

class VerdictTest {
    private static final CheckId CHECK = CheckId.of("sender-owned");
    private static final Reply NOT_OWNED = Reply.of(550, "5.7.1", "Sender address not owned by authenticated user");
    private static final Reply DNS_TEMPFAIL = Reply.of(451, "4.4.3", "DNS lookup failed, try again later");
    private static final Header WARNING = Header.of("X-Guard-Reverse-Lookup", "ptr=fail; ip=192.0.2.1");

    @Test
    void passHasNoReplyNoHeaderAndDoesNotRefuse() {
        Verdict verdict = Verdict.pass(CHECK);

        assertThat(verdict.check()).isEqualTo(CHECK);
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.PASS);
        assertThat(verdict.refuses()).isFalse();
        assertThat(verdict.reply()).isEmpty();
        assertThat(verdict.header()).isEmpty();
        assertThat(verdict.detail()).isEmpty();
        assertThat(verdict.closes()).isFalse();
        assertThat(verdict).hasToString("sender-owned: pass");
    }

    @Test
    void warnCarriesItsHeaderAndDetailAndDoesNotRefuse() {
        Verdict verdict = Verdict.warn(CHECK, WARNING, "no PTR for 192.0.2.1");

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.WARN);
        assertThat(verdict.refuses()).isFalse();
        assertThat(verdict.reply()).isEmpty();
        assertThat(verdict.header()).contains(WARNING);
        assertThat(verdict.detail()).contains("no PTR for 192.0.2.1");
        assertThat(verdict).hasToString("sender-owned: warn [X-Guard-Reverse-Lookup: ptr=fail; ip=192.0.2.1]");
    }

    @Test
    void warnMayHaveNoDetail() {
        assertThat(Verdict.warn(CHECK, WARNING, null).detail()).isEmpty();
    }

    @Test
    void rejectRefusesWithItsReply() {
        Verdict verdict = Verdict.reject(CHECK, NOT_OWNED);

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.REJECT);
        assertThat(verdict.refuses()).isTrue();
        assertThat(verdict.reply()).contains(NOT_OWNED);
        assertThat(verdict.closes()).isFalse();
        assertThat(verdict).hasToString("sender-owned: reject 550 5.7.1 Sender address not owned by authenticated user");
    }

    @Test
    void rejectMayUseATransientReplyWhenTheOptionPicksTheFourHundredClass() {
        Reply limit = Reply.of(450, "4.7.1", "Sending limit reached");

        assertThat(Verdict.reject(CHECK, limit)).hasToString("sender-owned: reject 450 4.7.1 Sending limit reached");
    }

    @Test
    void tempfailRefusesWithATransientReply() {
        Verdict verdict = Verdict.tempfail(CHECK, DNS_TEMPFAIL);

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.TEMPFAIL);
        assertThat(verdict.refuses()).isTrue();
        assertThat(verdict.reply()).contains(DNS_TEMPFAIL);
        assertThat(verdict).hasToString("sender-owned: tempfail 451 4.4.3 DNS lookup failed, try again later");
    }

    @Test
    void tempfailRefusesAPermanentReply() {
        assertThatIllegalArgumentException().isThrownBy(() -> Verdict.tempfail(CHECK, NOT_OWNED))
            .withMessage("a temporary failure needs a 4xx reply, got 550 5.7.1 Sender address not owned by authenticated user");
    }

    @Test
    void rejectsMissingParts() {
        assertThatNullPointerException().isThrownBy(() -> Verdict.pass(null)).withMessage("check");
        assertThatNullPointerException().isThrownBy(() -> Verdict.reject(CHECK, null)).withMessage("reply");
        assertThatNullPointerException().isThrownBy(() -> Verdict.warn(CHECK, null, "d")).withMessage("header");
        assertThatNullPointerException().isThrownBy(() -> Verdict.tempfail(CHECK, null));
        assertThatNullPointerException().isThrownBy(() -> Verdict.reject(CHECK, NOT_OWNED).withHeader(null))
            .withMessage("header");
    }

    @Test
    void andCloseMarksARefusalAsClosingAndKeepsTheRest() {
        Verdict verdict = Verdict.reject(CHECK, NOT_OWNED).withDetail("MAIL FROM bob@example.com").andClose();

        assertThat(verdict.closes()).isTrue();
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.REJECT);
        assertThat(verdict.reply()).contains(NOT_OWNED);
        assertThat(verdict.detail()).contains("MAIL FROM bob@example.com");
        assertThat(verdict).hasToString("sender-owned: reject 550 5.7.1 Sender address not owned by authenticated user (close)");
        assertThat(Verdict.tempfail(CHECK, DNS_TEMPFAIL).andClose().closes()).isTrue();
    }

    @Test
    void andCloseIsRefusedOnAPass() {
        assertThatIllegalStateException().isThrownBy(() -> Verdict.pass(CHECK).andClose())
            .withMessage("only a refusal can close the session: sender-owned: pass");
    }

    @Test
    void andCloseIsRefusedOnAWarning() {
        assertThatIllegalStateException().isThrownBy(() -> Verdict.warn(CHECK, WARNING, null).andClose())
            .withMessage("only a refusal can close the session: sender-owned: warn [X-Guard-Reverse-Lookup: ptr=fail; ip=192.0.2.1]");
    }

    @Test
    void withHeaderSetsTheReportOnlyHeaderOfARefusal() {
        Header report = Header.of("X-Guard-Reverse-Lookup", "ptr=none; ip=192.0.2.1");
        Verdict verdict = Verdict.reject(CHECK, NOT_OWNED).andClose().withHeader(report);

        assertThat(verdict.header()).contains(report);
        assertThat(verdict.closes()).isTrue();
        assertThat(verdict).hasToString("sender-owned: reject 550 5.7.1 Sender address not owned by authenticated user"
            + " [X-Guard-Reverse-Lookup: ptr=none; ip=192.0.2.1] (close)");
    }

    @Test
    void withDetailReplacesTheDetail() {
        Verdict verdict = Verdict.warn(CHECK, WARNING, "first").withDetail("second");

        assertThat(verdict.detail()).contains("second");
        assertThat(verdict.withDetail(null).detail()).isEmpty();
    }

    @Test
    void derivingLeavesTheOriginalUnchanged() {
        Verdict original = Verdict.reject(CHECK, NOT_OWNED);
        original.andClose();
        original.withHeader(WARNING);
        original.withDetail("detail");

        assertThat(original).isEqualTo(Verdict.reject(CHECK, NOT_OWNED));
    }

    @Test
    void toStringDoesNotDependOnTheDefaultLocale() {
        Locale previous = Locale.getDefault();
        Locale.setDefault(new Locale("tr", "TR"));
        try {
            assertThat(Verdict.tempfail(CHECK, DNS_TEMPFAIL))
                .hasToString("sender-owned: tempfail 451 4.4.3 DNS lookup failed, try again later");
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void carriesTheCountsThatDecidedItInOrder() {
        Verdict verdict = Verdict.reject(CHECK, NOT_OWNED).withCount("messages within 1h", 101).withCount("ips", 3)
            .andClose().withDetail("over the limit");

        assertThat(verdict.counts()).containsExactly(entry("messages within 1h", 101L), entry("ips", 3L));
        assertThat(Verdict.pass(CHECK).counts()).isEmpty();
        assertThat(verdict).isNotEqualTo(verdict.withCount("more", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> verdict.withCount("ips", 4))
            .withMessage("count 'ips' given twice");
    }

    @Test
    void honoursEqualsContract() {
        EqualsVerifier.forClass(Verdict.class).withNonnullFields("check", "counts").verify();
    }
}
