package org.jamesguard.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The outcome of running the checks of one SMTP stage (connect, HELO, MAIL, RCPT, DATA) in order, as
 * Postfix's {@code smtpd_check_*} entry points do: the first refusal stops the stage; headers from
 * warnings and report-only refusals before it are kept.
 */
public final class StageResult {
    public static final StageResult PROCEED = new StageResult(null, List.of());

    private final Decision refusal;
    private final List<Header> headers;

    private StageResult(Decision refusal, List<Header> headers) {
        this.refusal = refusal;
        this.headers = List.copyOf(headers);
    }

    public Optional<Decision> refusal() {
        return Optional.ofNullable(refusal);
    }

    public List<Header> headers() {
        return headers;
    }

    /** The decision an adapter turns into a reply: the refusal, or proceed. */
    public Decision decision() {
        return refusal != null ? refusal : Decision.PROCEED;
    }

    public static Builder builder(DecisionRecorder recorder, AuditContext context) {
        return new Builder(recorder, context);
    }

    /** Runs checks one by one until one refuses. */
    public static final class Builder {
        private final DecisionRecorder recorder;
        private final AuditContext context;
        private final List<Header> headers = new ArrayList<>();
        private Decision refusal;

        private Builder(DecisionRecorder recorder, AuditContext context) {
            this.recorder = recorder;
            this.context = context;
        }

        /** Runs {@code check} under {@code mode}, unless an earlier check refused. */
        public Builder check(CheckId id, Mode mode, Supplier<Verdict> check) {
            if (refusal == null && mode.isActive()) {
                add(recorder.decide(id, mode, context, check));
            }
            return this;
        }

        /** Adds a decision taken elsewhere (e.g. through {@link DecisionRecorder#storeFailure}). */
        public Builder add(Decision decision) {
            if (refusal == null) {
                decision.header().ifPresent(headers::add);
                if (decision.refuses()) {
                    refusal = decision;
                }
            }
            return this;
        }

        public StageResult build() {
            if (refusal == null && headers.isEmpty()) {
                return PROCEED;
            }
            return new StageResult(refusal, headers);
        }
    }
}
