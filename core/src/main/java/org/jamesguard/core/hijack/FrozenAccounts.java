package org.jamesguard.core.hijack;

import java.util.Optional;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.Decision;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Mode;
import org.jamesguard.core.Replies;
import org.jamesguard.core.Reply;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.store.FreezeStore;
import org.jamesguard.core.store.StoreUnavailableException;

/**
 * The one question every login path asks before letting an account in: is it frozen? Decided through
 * the {@link DecisionRecorder}, so each refusal is audit-logged and counted, and a store outage follows
 * the failure policy. A freeze is an explicit state, like a wrong password: report-only mode never lets
 * a frozen account in.
 */
public final class FrozenAccounts {
    private final FreezeStore store;
    private final DecisionRecorder recorder;

    public FrozenAccounts(FreezeStore store, DecisionRecorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    /**
     * A login (after its password was verified) by {@code account}, over any protocol: refused with
     * {@link Replies#ACCOUNT_FROZEN} while frozen. POP3 and IMAP adapters use only the reply's text.
     */
    public Decision atLogin(String account, AuditContext context) {
        return atStep(account, context, Replies.ACCOUNT_FROZEN);
    }

    /** A step of a session that logged in before the freeze (SMTP MAIL). */
    public Decision atStep(String account, AuditContext context, Reply refusal) {
        Optional<FreezeRecord> freeze;
        try {
            freeze = find(account);
        } catch (StoreUnavailableException e) {
            return recorder.storeFailure(FrozenAccountCheck.ID, context, e);
        } catch (RuntimeException e) {
            return recorder.failure(FrozenAccountCheck.ID, context, e);
        }
        Verdict verdict = FrozenAccountCheck.check(freeze, refusal);
        return verdict.refuses() ? recorder.refuse(verdict, context) : recorder.record(verdict, Mode.ENFORCE, context);
    }

    public Optional<FreezeRecord> find(String account) {
        return store.find(account);
    }
}
