package org.jamesguard.hooks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.auth.Credentials;
import org.jamesguard.core.hijack.FreezeRecord;
import org.jamesguard.core.hijack.FrozenAccounts;
import org.jamesguard.core.hijack.FrozenLogins;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.memory.MemoryFreezeStore;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;

/**
 * The real {@link FrozenLogins} over a memory freeze store, for the login gates' tests: every account
 * has the password {@value #PASSWORD}; {@link #freeze} freezes one.
 */
public final class FrozenAccountsFixture {
    public static final String PASSWORD = "secret";

    private final MutableClock clock = new MutableClock();
    private final MemoryFreezeStore store = new MemoryFreezeStore();
    private final FrozenLogins logins;

    public FrozenAccountsFixture() {
        DecisionRecorder recorder = new DecisionRecorder(new RecordingMetrics(), StoreFailurePolicy.FAIL_OPEN, false, clock);
        logins = new FrozenLogins(new FrozenAccounts(store, recorder, clock), new OnePasswordCredentials());
    }

    public FrozenAccountsFixture freeze(String account) {
        store.freeze(new FreezeRecord(account, "freeze-1", "frozen by a test", false, Map.of(), List.of(), clock.instant(),
            Optional.empty()), clock.instant());
        return this;
    }

    public FrozenLogins logins() {
        return logins;
    }

    private static final class OnePasswordCredentials implements Credentials {
        @Override
        public Optional<String> verify(String user, String password) {
            return PASSWORD.equals(password) ? Optional.of(user) : Optional.empty();
        }

        @Override
        public Optional<String> delegatedAccount(String account, String target) {
            return Optional.empty();
        }
    }
}
