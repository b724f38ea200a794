package org.jamesguard.hooks.testing;

import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.hijack.FrozenAccounts;
import org.jamesguard.core.hijack.FrozenLogins;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.memory.MemoryFreezeStore;
import org.jamesguard.core.testing.FakeCredentials;
import org.jamesguard.core.testing.FreezeRecords;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;

/**
 * The real {@link FrozenLogins} over a memory freeze store, for the login gates' tests: the accounts
 * given all have the password {@value #PASSWORD}; {@link #freeze} freezes one.
 */
public final class FrozenAccountsFixture {
    public static final String PASSWORD = "secret";

    private final MutableClock clock = new MutableClock();
    private final MemoryFreezeStore store = new MemoryFreezeStore();
    private final FrozenLogins logins;

    public FrozenAccountsFixture(String... accounts) {
        FakeCredentials credentials = new FakeCredentials();
        for (String account : accounts) {
            credentials.account(account, PASSWORD);
        }
        DecisionRecorder recorder = new DecisionRecorder(new RecordingMetrics(), StoreFailurePolicy.FAIL_OPEN, false, clock);
        logins = new FrozenLogins(new FrozenAccounts(store, recorder), credentials);
    }

    public FrozenAccountsFixture freeze(String account) {
        store.freeze(FreezeRecords.of(account).reason("frozen by a test").build());
        return this;
    }

    public FrozenLogins logins() {
        return logins;
    }
}
