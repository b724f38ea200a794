package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.StoreUnavailableException;
import org.jamesguard.core.testing.LogCapture;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

class DecisionRecorderTest {
    private static final CheckId CHECK = CheckId.of("sender-owned");
    private static final Reply NOT_OWNED = Reply.of(550, "5.7.1", "Sender address not owned by authenticated user");
    private static final Reply DNS_TEMPFAIL = Reply.of(451, "4.4.3", "DNS lookup failed, try again later");
    private static final Header WARNING = Header.of("X-Guard-Reverse-Lookup", "ptr=fail; ip=192.0.2.1");
    private static final AuditContext CONTEXT = AuditContext.of("s-1", "192.0.2.1", "alice@example.com", "submission");
    private static final String CONTEXT_TEXT = "session=s-1 ip=192.0.2.1 account=alice@example.com listener=submission";
    private static final String REPORT_HEADER = "X-Guard-Report-Only: sender-owned; "
        + "would-reply=\"550 5.7.1 Sender address not owned by authenticated user\"";
    private static final String TEMPORARY_LOCAL_PROBLEM = "451 4.3.0 Temporary local problem, try again later";

    @RegisterExtension
    final LogCapture audit = LogCapture.of(AuditLog.LOGGER_NAME);
    @RegisterExtension
    final LogCapture log = LogCapture.of(DecisionRecorder.class);

    private final RecordingMetrics metrics = new RecordingMetrics();
    private final MutableClock clock = new MutableClock();
    private final DecisionRecorder failOpen = recorder(StoreFailurePolicy.FAIL_OPEN, false);
    private final DecisionRecorder failClosed = recorder(StoreFailurePolicy.FAIL_CLOSED, false);
    private final DecisionRecorder globalReportOnly = recorder(StoreFailurePolicy.FAIL_OPEN, true);

    private DecisionRecorder recorder(StoreFailurePolicy policy, boolean reportOnly) {
        return new DecisionRecorder(metrics, policy, reportOnly, clock);
    }

    private static Verdict reject() {
        return Verdict.reject(CHECK, NOT_OWNED).withDetail("MAIL FROM bob@example.com");
    }

    private static Supplier<Verdict> failing(RuntimeException e) {
        return () -> {
            throw e;
        };
    }

    @Test
    void theConsequenceFollowsOnlyAnEnforcedRefusalOfTheCheckItself() {
        List<String> consequences = new ArrayList<>();

        failOpen.decide(CHECK, Mode.ENFORCE, CONTEXT, DecisionRecorderTest::reject, verdict -> consequences.add("enforced"));
        failOpen.decide(CHECK, Mode.REPORT_ONLY, CONTEXT, DecisionRecorderTest::reject, verdict -> consequences.add("report-only"));
        globalReportOnly.decide(CHECK, Mode.ENFORCE, CONTEXT, DecisionRecorderTest::reject, verdict -> consequences.add("global"));
        failOpen.decide(CHECK, Mode.ENFORCE, CONTEXT, () -> Verdict.pass(CHECK), verdict -> consequences.add("pass"));
        failClosed.decide(CHECK, Mode.ENFORCE, CONTEXT, failing(new StoreUnavailableException("down")),
            verdict -> consequences.add("store outage"));
        failOpen.decide(CHECK, Mode.ENFORCE, CONTEXT, failing(new IllegalStateException("bug")), verdict -> consequences.add("bug"));

        assertThat(consequences).containsExactly("enforced");
    }

    @Test
    void theConsequenceReceivesTheVerdictWithItsCounts() {
        List<Verdict> seen = new ArrayList<>();
        Verdict counted = reject().withCount("messages within 1h", 101);

        failOpen.decide(CHECK, Mode.ENFORCE, CONTEXT, () -> counted, seen::add);

        assertThat(seen).containsExactly(counted);
    }

    @Test
    void aStoreOutageInTheConsequenceIsCountedAndChangesNoDecision() {
        Decision decision = failOpen.decide(CHECK, Mode.ENFORCE, CONTEXT, DecisionRecorderTest::reject, verdict -> {
            throw new StoreUnavailableException("down");
        });

        assertThat(decision).hasToString("550 5.7.1 Sender address not owned by authenticated user");
        assertThat(metrics.increments()).containsExactly("jamesguard_sender_owned_reject", "jamesguard_sender_owned_store_failure");
    }

    @Test
    void namesItsReportHeader() {
        assertThat(DecisionRecorder.REPORT_HEADER).isEqualTo("X-Guard-Report-Only");
    }

    @Test
    void offNeverRunsTheCheck() {
        AtomicBoolean ran = new AtomicBoolean();

        Decision decision = failOpen.decide(CHECK, Mode.OFF, CONTEXT, () -> {
            ran.set(true);
            return reject();
        });

        assertThat(decision).isEqualTo(Decision.PROCEED);
        assertThat(ran).isFalse();
        assertThat(metrics.counts()).isEmpty();
        assertThat(audit.messages()).isEmpty();
    }

    @Test
    void offIgnoresARecordedVerdictEvenUnderGlobalReportOnly() {
        assertThat(globalReportOnly.record(reject().andClose(), Mode.OFF, CONTEXT)).isEqualTo(Decision.PROCEED);
        assertThat(metrics.counts()).isEmpty();
        assertThat(audit.messages()).isEmpty();
    }

    @Test
    void offDoesNotRunACheckThatWouldFail() {
        Decision decision = failClosed.decide(CHECK, Mode.OFF, CONTEXT, failing(new StoreUnavailableException("down")));

        assertThat(decision).isEqualTo(Decision.PROCEED);
        assertThat(metrics.counts()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"REPORT_ONLY", "ENFORCE"})
    void passProceedsCountsAndWritesNoAuditLine(Mode mode) {
        Decision decision = failOpen.decide(CHECK, mode, CONTEXT, () -> Verdict.pass(CHECK));

        assertThat(decision).isEqualTo(Decision.PROCEED);
        assertThat(metrics.counts()).containsExactly(entry("jamesguard_sender_owned_pass", 1L));
        assertThat(audit.messages()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"REPORT_ONLY", "ENFORCE"})
    void warnProceedsWithItsHeaderInEveryActiveMode(Mode mode) {
        Decision decision = failOpen.decide(CHECK, mode, CONTEXT, () -> Verdict.warn(CHECK, WARNING, "no PTR"));

        assertThat(decision).isEqualTo(Decision.proceedWith(WARNING));
        assertThat(metrics.counts()).containsExactly(entry("jamesguard_sender_owned_warn", 1L));
        assertThat(audit.messages()).containsExactly("check=sender-owned verdict=warn " + CONTEXT_TEXT + " detail=\"no PTR\"");
    }

    @Test
    void warnWithoutDetailLogsNoDetail() {
        failOpen.record(Verdict.warn(CHECK, WARNING, null), Mode.ENFORCE, CONTEXT);

        assertThat(audit.messages()).containsExactly("check=sender-owned verdict=warn " + CONTEXT_TEXT);
    }

    @Test
    void globalReportOnlyLeavesAWarningAsItIs() {
        assertThat(globalReportOnly.record(Verdict.warn(CHECK, WARNING, null), Mode.ENFORCE, CONTEXT))
            .isEqualTo(Decision.proceedWith(WARNING));
        assertThat(metrics.counts()).containsExactly(entry("jamesguard_sender_owned_warn", 1L));
    }

    @Test
    void enforceRefusesWithTheVerdictsReply() {
        Decision decision = failOpen.decide(CHECK, Mode.ENFORCE, CONTEXT, DecisionRecorderTest::reject);

        assertThat(decision).isEqualTo(Decision.refuse(NOT_OWNED, false));
        assertThat(decision.cause()).contains(Decision.Cause.POLICY);
        assertThat(decision).hasToString("550 5.7.1 Sender address not owned by authenticated user");
        assertThat(metrics.counts()).containsExactly(entry("jamesguard_sender_owned_reject", 1L));
        assertThat(audit.messages()).containsExactly("check=sender-owned verdict=reject"
            + " reply=\"550 5.7.1 Sender address not owned by authenticated user\" " + CONTEXT_TEXT
            + " detail=\"MAIL FROM bob@example.com\"");
    }

    @Test
    void enforceClosesWhenTheVerdictCloses() {
        Decision decision = failOpen.record(reject().andClose(), Mode.ENFORCE, CONTEXT);

        assertThat(decision).isEqualTo(Decision.refuse(NOT_OWNED, true));
        assertThat(decision).hasToString("550 5.7.1 Sender address not owned by authenticated user (close)");
    }

    @Test
    void enforceRefusesATemporaryFailureAsTemporary() {
        Decision decision = failOpen.record(Verdict.tempfail(CHECK, DNS_TEMPFAIL).andClose(), Mode.ENFORCE, CONTEXT);

        assertThat(decision).isEqualTo(Decision.refuse(DNS_TEMPFAIL, true));
        assertThat(metrics.counts()).containsExactly(entry("jamesguard_sender_owned_tempfail", 1L));
        assertThat(audit.messages()).containsExactly("check=sender-owned verdict=tempfail"
            + " reply=\"451 4.4.3 DNS lookup failed, try again later\" " + CONTEXT_TEXT);
    }

    @Test
    void aRejectWithATransientReplyIsStillCountedAsAReject() {
        Reply limit = Reply.of(450, "4.7.1", "Sending limit reached");

        assertThat(failOpen.record(Verdict.reject(CHECK, limit), Mode.ENFORCE, CONTEXT)).isEqualTo(Decision.refuse(limit, false));
        assertThat(metrics.counts()).containsExactly(entry("jamesguard_sender_owned_reject", 1L));
    }

    @Test
    void reportOnlyProceedsWithTheDefaultReportHeader() {
        Decision decision = failOpen.decide(CHECK, Mode.REPORT_ONLY, CONTEXT, DecisionRecorderTest::reject);

        assertThat(decision.refuses()).isFalse();
        assertThat(decision.closes()).isFalse();
        assertThat(decision.header().orElseThrow()).hasToString(REPORT_HEADER);
        assertThat(metrics.counts()).containsExactly(entry("jamesguard_sender_owned_report_only", 1L));
        assertThat(audit.messages()).containsExactly("check=sender-owned verdict=report-only"
            + " reply=\"550 5.7.1 Sender address not owned by authenticated user\" " + CONTEXT_TEXT
            + " detail=\"MAIL FROM bob@example.com\"");
    }

    @Test
    void reportOnlyNeverCloses() {
        Decision decision = failOpen.record(reject().andClose(), Mode.REPORT_ONLY, CONTEXT);

        assertThat(decision.closes()).isFalse();
        assertThat(decision.header().orElseThrow()).hasToString(REPORT_HEADER);
    }

    @Test
    void reportOnlyUsesTheHeaderTheVerdictCarries() {
        Header own = Header.of("X-Guard-Reverse-Lookup", "ptr=none; ip=192.0.2.1");

        assertThat(failOpen.record(reject().withHeader(own), Mode.REPORT_ONLY, CONTEXT))
            .isEqualTo(Decision.proceedWith(own));
    }

    @Test
    void reportOnlyReportsATemporaryFailureToo() {
        Decision decision = failOpen.record(Verdict.tempfail(CHECK, DNS_TEMPFAIL), Mode.REPORT_ONLY, CONTEXT);

        assertThat(decision.header().orElseThrow())
            .hasToString("X-Guard-Report-Only: sender-owned; would-reply=\"451 4.4.3 DNS lookup failed, try again later\"");
        assertThat(metrics.counts()).containsExactly(entry("jamesguard_sender_owned_report_only", 1L));
    }

    @Test
    void reportHeaderEscapesQuotesInTheReplyText() {
        Reply quoted = Reply.of(550, "5.7.1", "Sender \"bob\" refused");

        assertThat(failOpen.record(Verdict.reject(CHECK, quoted), Mode.REPORT_ONLY, CONTEXT).header().orElseThrow())
            .hasToString("X-Guard-Report-Only: sender-owned; would-reply=\"550 5.7.1 Sender \\\"bob\\\" refused\"");
    }

    @Test
    void globalReportOnlyTurnsAnEnforcedRefusalIntoAReport() {
        Decision decision = globalReportOnly.decide(CHECK, Mode.ENFORCE, CONTEXT, () -> reject().andClose());

        assertThat(decision.refuses()).isFalse();
        assertThat(decision.closes()).isFalse();
        assertThat(decision.header().orElseThrow()).hasToString(REPORT_HEADER);
        assertThat(metrics.counts()).containsExactly(entry("jamesguard_sender_owned_report_only", 1L));
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"REPORT_ONLY", "ENFORCE"})
    void failOpenProceedsWhenTheStoreIsUnavailable(Mode mode) {
        Decision decision = failOpen.decide(CHECK, mode, CONTEXT, failing(new StoreUnavailableException("redis down")));

        assertThat(decision).isEqualTo(Decision.PROCEED);
        assertThat(metrics.counts()).containsExactly(entry("jamesguard_sender_owned_store_failure", 1L));
        assertThat(audit.messages()).isEmpty();
        assertThat(log.messages()).containsExactly("state store unavailable during check sender-owned ("
            + CONTEXT_TEXT + "), policy fail-open: redis down");
        assertThat(log.events()).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"REPORT_ONLY", "ENFORCE"})
    void failClosedRefusesWith451WhenTheStoreIsUnavailableEvenInReportOnly(Mode mode) {
        Decision decision = failClosed.decide(CHECK, mode, CONTEXT,
            failing(new StoreUnavailableException("redis down", new java.io.IOException("connection refused"))));

        assertThat(decision).isEqualTo(Decision.storeFailure());
        assertThat(decision).hasToString(TEMPORARY_LOCAL_PROBLEM);
        assertThat(metrics.counts()).containsExactly(entry("jamesguard_sender_owned_store_failure", 1L));
        assertThat(audit.messages()).containsExactly("check=sender-owned verdict=store-failure reply=\""
            + TEMPORARY_LOCAL_PROBLEM + "\" " + CONTEXT_TEXT + " detail=\"redis down\"");
        assertThat(log.messages()).containsExactly("state store unavailable during check sender-owned ("
            + CONTEXT_TEXT + "), policy fail-closed: redis down");
    }

    @Test
    void globalReportOnlyNeverHidesAStoreFailure() {
        DecisionRecorder recorder = recorder(StoreFailurePolicy.FAIL_CLOSED, true);

        Decision decision = recorder.decide(CHECK, Mode.ENFORCE, CONTEXT, failing(new StoreUnavailableException("down")));

        assertThat(decision.cause()).contains(Decision.Cause.STORE_FAILURE);
        assertThat(decision.reply()).contains(Replies.STORE_UNAVAILABLE);
        assertThat(decision).isNotEqualTo(Decision.internalError());
    }

    @Test
    void storeFailureWithoutMessageLogsNoDetail() {
        failClosed.storeFailure(CHECK, CONTEXT, new StoreUnavailableException(null));

        assertThat(audit.messages()).containsExactly("check=sender-owned verdict=store-failure reply=\""
            + TEMPORARY_LOCAL_PROBLEM + "\" " + CONTEXT_TEXT);
    }

    @Test
    void storeFailureCanBeAppliedByACallerOutsideDecide() {
        assertThat(failClosed.storeFailure(CHECK, AuditContext.NONE, new StoreUnavailableException("disk full")))
            .isEqualTo(Decision.storeFailure());
        assertThat(failOpen.storeFailure(CHECK, AuditContext.NONE, new StoreUnavailableException("disk full")))
            .isEqualTo(Decision.PROCEED);
        assertThat(metrics.counts()).containsExactly(entry("jamesguard_sender_owned_store_failure", 2L));
    }

    @Test
    void storeFailureWarnsAtMostOnceAMinuteButCountsEveryTime() {
        StoreUnavailableException down = new StoreUnavailableException("redis down");

        failOpen.storeFailure(CHECK, CONTEXT, down);
        clock.advance(Duration.ofSeconds(30));
        failOpen.storeFailure(CHECK, CONTEXT, down);
        clock.advance(Duration.ofSeconds(30));
        failOpen.storeFailure(CHECK, CONTEXT, down);
        clock.advance(Duration.ofMillis(1));
        failOpen.storeFailure(CHECK, CONTEXT, down);
        failOpen.storeFailure(CHECK, CONTEXT, down);

        assertThat(metrics.count("jamesguard_sender_owned_store_failure")).isEqualTo(5);
        assertThat(log.messages()).hasSize(2);
    }

    @Test
    void aStoreOutageOutsideADecisionIsLoggedAndCountedWithoutAnAuditLine() {
        StoreUnavailableException down = new StoreUnavailableException("redis down");

        failClosed.storeOutage(CHECK, CONTEXT, down);
        failClosed.storeOutage(CHECK, CONTEXT, down);

        assertThat(metrics.counts()).containsExactly(entry("jamesguard_sender_owned_store_failure", 2L));
        assertThat(log.messages()).containsExactly("state store unavailable during check sender-owned (" + CONTEXT_TEXT
            + "), policy fail-closed: redis down");
        assertThat(audit.messages()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"REPORT_ONLY", "ENFORCE"})
    void anUnexpectedExceptionBecomes451AndCountsAnError(Mode mode) {
        Decision decision = failOpen.decide(CHECK, mode, CONTEXT, failing(new IllegalStateException("boom")));

        assertThat(decision).isEqualTo(Decision.internalError());
        assertThat(decision).hasToString(TEMPORARY_LOCAL_PROBLEM);
        assertThat(metrics.counts()).containsExactly(entry("jamesguard_sender_owned_error", 1L));
        assertThat(audit.messages()).containsExactly("check=sender-owned verdict=error reply=\""
            + TEMPORARY_LOCAL_PROBLEM + "\" " + CONTEXT_TEXT + " detail=\"java.lang.IllegalStateException: boom\"");
        ILoggingEvent error = log.events().get(0);
        assertThat(error.getLevel()).isEqualTo(Level.ERROR);
        assertThat(error.getFormattedMessage()).isEqualTo("check sender-owned failed unexpectedly (" + CONTEXT_TEXT + ")");
        assertThat(error.getThrowableProxy().getClassName()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void globalReportOnlyNeverHidesAnUnexpectedException() {
        Decision decision = globalReportOnly.decide(CHECK, Mode.ENFORCE, CONTEXT, failing(new NullPointerException()));

        assertThat(decision.cause()).contains(Decision.Cause.INTERNAL_ERROR);
        assertThat(decision.reply()).contains(Replies.INTERNAL_ERROR);
        assertThat(audit.messages()).containsExactly("check=sender-owned verdict=error reply=\""
            + TEMPORARY_LOCAL_PROBLEM + "\" " + CONTEXT_TEXT + " detail=\"java.lang.NullPointerException\"");
    }

    @Test
    void unexpectedExceptionTextCannotForgeAnAuditLine() {
        failOpen.decide(CHECK, Mode.ENFORCE, CONTEXT, failing(new IllegalArgumentException("bad\ncheck=x verdict=pass")));

        assertThat(audit.messages()).containsExactly("check=sender-owned verdict=error reply=\""
            + TEMPORARY_LOCAL_PROBLEM + "\" " + CONTEXT_TEXT + " detail=\"java.lang.IllegalArgumentException: bad\\ncheck=x verdict=pass\"");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "ptr, PASS, ENFORCE, jamesguard_ptr_pass",
        "ptr, WARN, ENFORCE, jamesguard_ptr_warn",
        "ptr, REJECT, ENFORCE, jamesguard_ptr_reject",
        "ptr, TEMPFAIL, ENFORCE, jamesguard_ptr_tempfail",
        "ptr, REJECT, REPORT_ONLY, jamesguard_ptr_report_only",
        "screened-ip, REJECT, ENFORCE, jamesguard_screened_ip_reject",
        "helo-resolves-to-client, WARN, REPORT_ONLY, jamesguard_helo_resolves_to_client_warn",
        "account-send-limit, TEMPFAIL, REPORT_ONLY, jamesguard_account_send_limit_report_only",
    })
    void namesMetricsAfterCheckAndOutcome(String check, Verdict.Kind kind, Mode mode, String metric) {
        CheckId id = CheckId.of(check);

        failOpen.record(verdictOf(id, kind), mode, CONTEXT);

        assertThat(metrics.increments()).containsExactly(metric);
    }

    @ParameterizedTest
    @CsvSource({
        "screened-ip, jamesguard_screened_ip_store_failure, jamesguard_screened_ip_error",
        "a5, jamesguard_a5_store_failure, jamesguard_a5_error",
    })
    void namesFailureMetricsAfterTheCheck(String check, String storeFailure, String error) {
        CheckId id = CheckId.of(check);

        failOpen.decide(id, Mode.ENFORCE, CONTEXT, failing(new StoreUnavailableException("down")));
        failOpen.decide(id, Mode.ENFORCE, CONTEXT, failing(new IllegalStateException("bug")));

        assertThat(metrics.increments()).containsExactly(storeFailure, error);
    }

    private static Verdict verdictOf(CheckId id, Verdict.Kind kind) {
        switch (kind) {
            case PASS:
                return Verdict.pass(id);
            case WARN:
                return Verdict.warn(id, WARNING, null);
            case TEMPFAIL:
                return Verdict.tempfail(id, DNS_TEMPFAIL);
            default:
                return Verdict.reject(id, NOT_OWNED);
        }
    }
}
