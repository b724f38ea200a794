package org.jamesguard.core.auth;

import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;

import com.google.common.base.Suppliers;

import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Mode;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.StageResult;
import org.jamesguard.core.auth.from.ClientHeaderSection;
import org.jamesguard.core.auth.from.FromHeaderAnalysis;
import org.jamesguard.core.auth.from.FromHeaderParser;
import org.jamesguard.core.net.EmailAddress;
import org.jamesguard.core.net.NetworkClasses;
import org.jamesguard.core.store.PopLoginStore;

/**
 * SPEC A1–A10 in the order a session meets them: who must authenticate and which return-path it may use
 * at MAIL, what moves to RCPT (A2, and A5 when gateway domains are exempt). Facts that need James's
 * repositories are looked up only when a check needs them.
 */
public final class SenderPolicy {
    private final SenderPolicyConfig config;
    private final LocalAccounts accounts;
    private final NetworkClasses network;
    private final PopLoginStore popLogins;
    private final DecisionRecorder recorder;
    private final Clock clock;

    public SenderPolicy(SenderPolicyConfig config, LocalAccounts accounts, NetworkClasses network,
                        PopLoginStore popLogins, DecisionRecorder recorder, Clock clock) {
        this.config = config;
        this.accounts = accounts;
        this.network = network;
        this.popLogins = popLogins;
        this.recorder = recorder;
        this.clock = clock;
    }

    public StageResult atMail(SessionSnapshot session) {
        return StageResult.builder(recorder, session.auditContext())
            .check(PrivilegedSenderRequiresAuthCheck.ID, config.privilegedSenders,
                () -> PrivilegedSenderRequiresAuthCheck.check(session, () -> isPrivileged(session.mailFrom().orElseThrow())))
            .check(LocalIpRequiresAuthCheck.ID, config.localIps,
                () -> LocalIpRequiresAuthCheck.check(session, network.isLocal(session.clientIp())))
            .check(LocalSenderRequiresAuthCheck.ID, config.exemptWhenAllRecipientsLocal ? Mode.OFF : config.localSenders,
                () -> LocalSenderRequiresAuthCheck.check(session, () -> senderIsLocal(session)))
            .check(PopBeforeSmtpCheck.ID, config.popBeforeSmtp,
                () -> PopBeforeSmtpCheck.check(session, () -> senderInLocalDomain(session), config.popBeforeSmtpExemptAuthenticated,
                    () -> popLogins.lastLogin(session.clientIpText()), config.popBeforeSmtpWindow, clock.instant()))
            .check(SenderOwnedByAuthUserCheck.ID, config.gatewaysExempt() ? Mode.OFF : config.senderOwnership,
                () -> SenderOwnedByAuthUserCheck.check(session, () -> owned(session), senderExempt(session)))
            .build();
    }

    public StageResult atRcpt(SessionSnapshot session, EmailAddress recipient) {
        return StageResult.builder(recorder, session.auditContext())
            .check(LocalSenderRequiresAuthCheck.ID, config.exemptWhenAllRecipientsLocal ? config.localSenders : Mode.OFF,
                () -> LocalSenderRequiresAuthCheck.checkRecipient(session, () -> senderIsLocal(session),
                    accounts.isLocalDomain(recipient.domain())))
            .check(SenderOwnedByAuthUserCheck.ID, config.gatewaysExempt() ? config.senderOwnership : Mode.OFF,
                () -> SenderOwnedByAuthUserCheck.check(session, () -> owned(session),
                    senderExempt(session) || config.gatewayDomains.contains(recipient.domain())))
            .build();
    }

    /**
     * H1, A6 and H2 at the end of DATA, over the header section as the client sent it, read and parsed
     * only if a check needs it.
     */
    public StageResult atData(SessionSnapshot session, Supplier<ClientHeaderSection> header) {
        Supplier<ClientHeaderSection> section = Suppliers.memoize(header::get);
        Supplier<FromHeaderAnalysis> from = Suppliers.memoize(() -> FromHeaderParser.parse(section.get().text()));
        boolean gatewayMail = config.gatewaysExempt() && !session.recipients().isEmpty()
            && session.recipients().stream().allMatch(recipient -> config.gatewayDomains.contains(recipient.domain()));
        Mode mode = config.fromOwnership.mode();
        return StageResult.builder(recorder, session.auditContext())
            .check(HeaderSectionWithinLimitCheck.ID, mode, () -> HeaderSectionWithinLimitCheck.check(session, section, gatewayMail))
            .check(FromHeaderOwnedByAuthUserCheck.ID, mode,
                () -> FromHeaderOwnedByAuthUserCheck.check(session, from,
                    address -> accounts.owns(session.authUser().orElseThrow(), address),
                    config.ownershipExemptions::matchesAddress, gatewayMail, config.fromOwnership))
            .check(FromParsersAgreeCheck.ID, config.parsersAgree ? mode : Mode.OFF,
                () -> FromParsersAgreeCheck.check(session, from, gatewayMail, config.fromOwnership))
            .build();
    }

    /** H1: how much of the client's header section {@link #atData} needs, at most. */
    public int maxHeaderSection() {
        return config.maxHeaderSection();
    }

    /** Whether {@link #atData} may read the header section at all. */
    public boolean readsFromHeader() {
        return config.readsFromHeader();
    }

    private boolean senderInLocalDomain(SessionSnapshot session) {
        return session.mailFrom().map(sender -> accounts.isLocalDomain(sender.domain())).orElse(false);
    }

    /** A1 with A3: with the exemption, only this server's accounts and aliases count as local. */
    private boolean senderIsLocal(SessionSnapshot session) {
        EmailAddress sender = session.mailFrom().orElseThrow();
        return accounts.isLocalDomain(sender.domain())
            && (!config.exemptUnknownAccounts || accounts.isLocalAccountOrAlias(sender));
    }

    /** Only a local address can be an alias of a privileged one: foreign senders cost no mapping look-up. */
    private boolean isPrivileged(EmailAddress sender) {
        return isPrivilegedAddress(sender)
            || accounts.isLocalDomain(sender.domain())
                && accounts.mappingTargets(sender).stream().anyMatch(this::isPrivilegedAddress);
    }

    private boolean isPrivilegedAddress(EmailAddress address) {
        return config.privilegedLocalParts.contains(address.localPart().toLowerCase(Locale.ROOT))
            && accounts.isLocalDomain(address.domain());
    }

    private boolean owned(SessionSnapshot session) {
        return accounts.owns(session.authUser().orElseThrow(), session.mailFrom().orElseThrow());
    }

    private boolean senderExempt(SessionSnapshot session) {
        return session.mailFrom().map(config.ownershipExemptions::matchesAddress).orElse(false);
    }
}
