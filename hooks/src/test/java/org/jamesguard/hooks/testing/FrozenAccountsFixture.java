package org.jamesguard.hooks.testing;

import java.time.Duration;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.hijack.FrozenAccounts;
import org.jamesguard.core.hijack.FrozenLogins;
import org.jamesguard.core.screen.DynamicScreen;
import org.jamesguard.core.screen.ScreenedLogins;
import org.jamesguard.core.store.StoreFailurePolicy;
import org.jamesguard.core.store.memory.MemoryFreezeStore;
import org.jamesguard.core.store.memory.MemoryScreenStore;
import org.jamesguard.core.testing.FakeCredentials;
import org.jamesguard.core.testing.FreezeRecords;
import org.jamesguard.core.testing.MutableClock;
import org.jamesguard.core.testing.RecordingMetrics;

/**
 * The real {@link FrozenLogins} over a memory freeze store, for the login gates' tests: the accounts
 * given all have the password {@value #PASSWORD}; {@link #freeze} freezes one. And the dynamic screen's
 * {@link ScreenedLogins} over a memory screen: {@link #screen} screens an IP.
 */
public final class FrozenAccountsFixture {
    public static final String PASSWORD = "secret";

    private final MutableClock clock = new MutableClock();
    private final MemoryFreezeStore store = new MemoryFreezeStore();
    private final FakeCredentials credentials = new FakeCredentials();
    private final FrozenLogins logins;
    private final DynamicScreen screen = new DynamicScreen(new MemoryScreenStore(), clock);
    private final ScreenedLogins screenedLogins;

    public FrozenAccountsFixture(String... accounts) {
        for (String account : accounts) {
            credentials.account(account, PASSWORD);
        }
        DecisionRecorder recorder = new DecisionRecorder(new RecordingMetrics(), StoreFailurePolicy.FAIL_OPEN, false, clock);
        logins = new FrozenLogins(new FrozenAccounts(store, recorder), credentials);
        screenedLogins = new ScreenedLogins(screen, recorder);
    }

    /** {@code owner} lets {@code acting} act as it (a James delegation). */
    public FrozenAccountsFixture delegation(String owner, String acting) {
        credentials.delegation(owner, acting);
        return this;
    }

    public FrozenAccountsFixture screen(String ip) {
        screen.screen(ip, false, Duration.ofMinutes(10), "screened by a test", AuditContext.forIp(ip));
        return this;
    }

    public ScreenedLogins screenedLogins() {
        return screenedLogins;
    }

    public FrozenAccountsFixture freeze(String account) {
        store.freeze(FreezeRecords.of(account).reason("frozen by a test").build());
        return this;
    }

    public FrozenLogins logins() {
        return logins;
    }
}
