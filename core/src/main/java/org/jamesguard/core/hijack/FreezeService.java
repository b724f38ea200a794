package org.jamesguard.core.hijack;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jamesguard.core.AuditContext;
import org.jamesguard.core.AuditLog;
import org.jamesguard.core.hijack.FreezeNotifier.FreezeNotice;
import org.jamesguard.core.net.AccountAddresses;
import org.jamesguard.core.net.EmailAddress;
import org.jamesguard.core.store.FreezeStore;
import org.jamesguard.core.store.StoreUnavailableException;
import org.jamesguard.core.store.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Freezing and unfreezing accounts (SPEC C7, C8): the record, the postmaster notice with its signed
 * single-use token, the confirmation, the counters reset, the audit lines. Every path (a limit, a
 * WebAdmin call, a postmaster's reply) goes through here.
 */
public final class FreezeService {
    private static final Logger LOGGER = LoggerFactory.getLogger(FreezeService.class);

    private final FreezeStore freezes;
    private final TokenStore tokens;
    private final HijackCounters counters;
    private final UnfreezeTokens tokenSigner;
    private final FreezeNotifier notifier;
    private final HijackConfig config;
    private final AccountAddresses addresses;
    private final Clock clock;

    public FreezeService(FreezeStore freezes, TokenStore tokens, HijackCounters counters, UnfreezeTokens tokenSigner,
                         FreezeNotifier notifier, HijackConfig config,
                         AccountAddresses addresses, Clock clock) {
        this.freezes = freezes;
        this.tokens = tokens;
        this.counters = counters;
        this.tokenSigner = tokenSigner;
        this.notifier = notifier;
        this.config = config;
        this.addresses = addresses;
        this.clock = clock;
    }

    /**
     * Freezes {@code account} and tells the postmaster, unless it is frozen already.
     *
     * @return the new freeze, or empty when one was in force
     */
    public Optional<FreezeRecord> freeze(String account, String reason, boolean requiresAdministrator,
                                         Map<String, Long> counts, AuditContext context) {
        Instant now = clock.instant();
        FreezeRecord record = new FreezeRecord(account, UnfreezeTokens.newFreezeId(), reason, requiresAdministrator, counts,
            counters.ipsSeen(account, now), now, config.freezeExpiry().map(now::plus));
        if (!freezes.freeze(record)) {
            return Optional.empty();
        }
        AuditLog.event("freeze", context, record.toString());
        notify(record, domain -> {
            Instant tokenExpires = now.plus(config.tokenValidity());
            EmailAddress replyTo = EmailAddress.of(tokenSigner.localPart(record, tokenExpires), domain);
            return FreezeNotices.frozen(record, config.noticeRecipient(domain), replyTo, tokenExpires);
        });
        return Optional.of(record);
    }

    /** Lifts the freeze of {@code account} (an administrator's decision), resets its counters and confirms. */
    public Optional<FreezeRecord> unfreeze(String account, String by, AuditContext context) {
        return freezes.find(account).flatMap(record -> lift(record, by, context));
    }

    /** Lifts the freezes whose time ran out ({@code <freezeExpiry>}), as an unfreeze does. */
    public void liftExpired() {
        for (FreezeRecord record : freezes.expired(clock.instant())) {
            lift(record, "its expiry", AuditContext.forAccount(record.account()));
        }
    }

    private Optional<FreezeRecord> lift(FreezeRecord record, String by, AuditContext context) {
        if (!freezes.unfreeze(record)) {
            return Optional.empty();
        }
        try {
            counters.reset(record.account());
        } catch (StoreUnavailableException e) {
            // the freeze is lifted: its counters expire with their windows
            LOGGER.warn("{} is unfrozen, but its counters could not be reset: {}", AuditLog.value(record.account()), e.getMessage());
        }
        AuditLog.event("unfreeze", context, record + ", unfrozen by " + by);
        notify(record, domain -> FreezeNotices.unfrozen(record, config.noticeRecipient(domain), by));
        return Optional.of(record);
    }

    /**
     * Notices follow the state change and never undo it: a mail that cannot be sent is logged. They go to the
     * account's domain; a plain account name (James without virtual hosting) lives in James's default domain.
     */
    private void notify(FreezeRecord record, Function<String, FreezeNotice> notice) {
        try {
            notifier.send(notice.apply(addresses.domainOf(record.account())));
        } catch (RuntimeException e) {
            LOGGER.error("could not send the notice about {}", AuditLog.quoted(record.toString()), e);
        }
    }

    /**
     * A reply to a freeze notice reached the token address. It unfreezes only when submitted by an
     * authenticated postmaster of the frozen account's domain (or a configured administrator) and the token
     * verifies, has not expired and was never used.
     *
     * @param submitter the authenticated account that submitted the reply; empty when unauthenticated
     * A store outage refuses the reply (the token is not spent unless the outage began after it was checked):
     * the postmaster may send it again once the store is back.
     *
     * @return why it was refused; empty when it unfroze the account
     */
    public Optional<String> unfreezeByReply(String tokenLocalPart, Optional<String> submitter, AuditContext context) {
        Optional<String> refusal;
        try {
            refusal = replyUnfreezes(tokenLocalPart, submitter, context);
        } catch (StoreUnavailableException e) {
            refusal = Optional.of("the state store is unavailable (" + e.getMessage() + "): send the reply again later");
        }
        refusal.ifPresent(reason -> AuditLog.event("unfreeze-refused", context, reason));
        return refusal;
    }

    private Optional<String> replyUnfreezes(String tokenLocalPart, Optional<String> submitter, AuditContext context) {
        Optional<FreezeRecord> record = UnfreezeTokens.freezeId(tokenLocalPart).flatMap(freezes::findById);
        Optional<String> refusal = replyRefusal(tokenLocalPart, submitter, record, clock.instant());
        if (refusal.isEmpty() && lift(record.orElseThrow(), submitter.orElseThrow() + " (reply to the notice)", context).isEmpty()) {
            return Optional.of("the freeze was lifted meanwhile");
        }
        return refusal;
    }

    private Optional<String> replyRefusal(String tokenLocalPart, Optional<String> submitter, Optional<FreezeRecord> record,
                                          Instant now) {
        if (submitter.isEmpty()) {
            return Optional.of("unauthenticated reply to " + UnfreezeTokens.forLog(tokenLocalPart));
        }
        if (record.isEmpty()) {
            return Optional.of("no freeze for token " + UnfreezeTokens.forLog(tokenLocalPart) + " (already lifted, or forged)");
        }
        String domain = addresses.domainOf(record.get().account());
        Optional<EmailAddress> by = addresses.of(submitter.get());
        boolean postmaster = by.filter(address -> address.sameMailbox(EmailAddress.of("postmaster", domain), false)).isPresent();
        if (!postmaster && by.filter(config::isAdmin).isEmpty()) {
            return Optional.of(by.map(EmailAddress::toString).orElse(submitter.get()) + " is neither postmaster@" + domain
                + " nor an administrator");
        }
        Optional<String> tokenRefusal = tokenSigner.refusal(tokenLocalPart, record.get(), now);
        if (tokenRefusal.isPresent()) {
            return tokenRefusal;
        }
        if (!tokens.use(tokenLocalPart.toLowerCase(Locale.ROOT), now.plus(config.tokenValidity()), now)) {
            return Optional.of("token already used");
        }
        return Optional.empty();
    }

    public Optional<FreezeRecord> find(String account) {
        return freezes.find(account);
    }

    public List<FreezeRecord> list() {
        return freezes.list();
    }
}
