package org.jamesguard.core.rdns;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Header;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.StageResult;
import org.jamesguard.core.dns.DnsVerifier;
import org.jamesguard.core.dns.DomainLookup;
import org.jamesguard.core.dns.IprevResult;

/**
 * SPEC B1–B13: what to look up as the session goes (the client at connect, the HELO name at HELO, the
 * MAIL FROM domain at MAIL), and the checks that read the answers. Lookups start as early as their
 * input is known and run concurrently; an adapter keeps the futures and calls the checks once the
 * answers they read are in. Trusted clients are never looked up, nor are excluded ones.
 * <p>
 * The PTR and HELO checks decide at MAIL when authenticated sessions are exempt (B4, B9: only then is it
 * known whether the client authenticated), otherwise at HELO. The MAIL FROM checks decide at MAIL.
 */
public final class ReverseLookupPolicy {
    /** H3: the HELO names of one session whose lookups reach DNS; legitimate clients use one, two with STARTTLS. */
    public static final int MAX_HELO_LOOKUPS = 3;
    private static final String NOT_FQDN = "not a fully qualified domain name";

    private final ReverseLookupConfig config;
    private final DnsVerifier dns;
    private final DecisionRecorder recorder;

    public ReverseLookupPolicy(ReverseLookupConfig config, DnsVerifier dns, DecisionRecorder recorder) {
        this.config = config;
        this.dns = dns;
        this.recorder = recorder;
    }

    /** B1, B5: the client's forward-confirmed reverse DNS, looked up at connect. */
    public Optional<CompletableFuture<IprevResult>> lookUpClient(SessionSnapshot session) {
        if (!config.ptrLookup || session.trusted() || config.ptrExclusions.matchesIp(session.clientIp())) {
            return Optional.empty();
        }
        return Optional.of(dns.verifyClientIp(session.clientIp()));
    }

    /**
     * B6–B9, H3: the addresses of the HELO name. An address literal needs no DNS, nor does a name that is not
     * fully qualified ({@link HeloName}): it cannot resolve to the client, and its checks read it as a name
     * that does not exist. A session's first {@value #MAX_HELO_LOOKUPS} names reaching DNS are looked up; a
     * new one after them is not, and its checks get their temporary answer: a client sending name after name
     * must not turn James into a source of DNS traffic.
     *
     * @param lookedUp this session's names looked up so far, lower case; a name looked up is added
     */
    public Optional<CompletableFuture<DomainLookup>> lookUpHelo(SessionSnapshot session, String helo, Set<String> lookedUp) {
        if (!config.checksHelo() || session.trusted() || exemptsHelo(session)
            || config.heloExclusions.matchesIp(session.clientIp()) || config.heloExclusions.matchesHost(helo)) {
            return Optional.empty();
        }
        if (AddressLiteral.is(helo)) {
            return Optional.of(CompletableFuture.completedFuture(AddressLiteral.lookup(helo)));
        }
        if (!HeloName.isFullyQualified(helo)) {
            return Optional.of(CompletableFuture.completedFuture(DomainLookup.invalid(helo, NOT_FQDN)));
        }
        String name = helo.toLowerCase(Locale.ROOT);
        if (!lookedUp.contains(name) && lookedUp.size() >= MAX_HELO_LOOKUPS) {
            return Optional.of(CompletableFuture.completedFuture(DomainLookup.temperror(helo,
                "not looked up, the session's " + MAX_HELO_LOOKUPS + " HELO names were")));
        }
        lookedUp.add(name);
        return Optional.of(dns.resolveDomain(helo));
    }

    /** B10–B13: the addresses and mail routing of the MAIL FROM domain (never asked for the null sender). */
    public Optional<CompletableFuture<DomainLookup>> lookUpSenderDomain(SessionSnapshot session, String domain) {
        return checksSender(session, domain) ? Optional.of(dns.resolveDomain(domain)) : Optional.empty();
    }

    /** B10–B13: whether this session's sender domain is checked (and so looked up). */
    public boolean checksSender(SessionSnapshot session, String domain) {
        return config.checksMailFrom() && !session.trusted() && !exemptsSender(session)
            && !config.mailExclusions.matchesIp(session.clientIp()) && !config.mailExclusions.matchesHost(domain);
    }

    /** B4 off: the PTR checks decide at HELO. */
    public boolean decidesClientAtHelo() {
        return !config.ptrExemptAuthenticated;
    }

    /** B9 off: the HELO checks decide at HELO. */
    public boolean decidesHeloAtHelo() {
        return !config.heloExemptAuthenticated;
    }

    /** B4: this session skips the PTR checks and the field, being authenticated. */
    public boolean exemptsClient(SessionSnapshot session) {
        return exempt(session, config.ptrExemptAuthenticated);
    }

    /** B9: this session skips the HELO checks, being authenticated. */
    public boolean exemptsHelo(SessionSnapshot session) {
        return exempt(session, config.heloExemptAuthenticated);
    }

    /** B2, B3 over the client's lookup. */
    public StageResult client(SessionSnapshot session, IprevResult iprev) {
        if (exemptsClient(session)) {
            return StageResult.PROCEED;
        }
        return StageResult.builder(recorder, session.auditContext())
            .check(PtrExistsCheck.ID, config.ptrExists, () -> PtrExistsCheck.check(iprev, config.verdicts))
            .check(ForwardConfirmedPtrCheck.ID, config.forwardConfirmed,
                () -> ForwardConfirmedPtrCheck.check(iprev, config.verdicts))
            .build();
    }

    /** B6–B8 over the HELO name's lookup: existence first, so a missing domain gets its own reply. */
    public StageResult helo(SessionSnapshot session, DomainLookup helo) {
        if (exemptsHelo(session)) {
            return StageResult.PROCEED;
        }
        return StageResult.builder(recorder, session.auditContext())
            .check(HeloDomainExistsCheck.ID, config.heloExists.mode(),
                () -> HeloDomainExistsCheck.check(session.clientIp(), helo, config.heloExists, config.verdicts))
            .check(HeloResolvesToClientCheck.ID, config.heloResolvesToClient,
                () -> HeloResolvesToClientCheck.check(session.clientIp(), helo, config.verdicts))
            .build();
    }

    /** B13: this session skips the MAIL FROM checks, being authenticated. */
    public boolean exemptsSender(SessionSnapshot session) {
        return exempt(session, config.mailExemptAuthenticated);
    }

    /** B10–B12 over the MAIL FROM domain's lookup: existence first, so a missing domain gets its own reply. */
    public StageResult senderDomain(SessionSnapshot session, DomainLookup sender) {
        if (exemptsSender(session)) {
            return StageResult.PROCEED;
        }
        return StageResult.builder(recorder, session.auditContext())
            .check(MailDomainExistsCheck.ID, config.mailExists.mode(),
                () -> MailDomainExistsCheck.check(session.clientIp(), sender, config.mailExists, config.verdicts))
            .check(MailDomainHasMxCheck.ID, config.mailHasMx,
                () -> MailDomainHasMxCheck.check(session.clientIp(), sender, config.verdicts))
            .check(MailDomainResolvesToClientCheck.ID, config.mailResolvesToClient,
                () -> MailDomainResolvesToClientCheck.check(session.clientIp(), sender, config.verdicts))
            .build();
    }

    /** B1: the field every message of a looked-up, not exempt session gets. */
    public Optional<Header> authenticationResults(SessionSnapshot session, String host, IprevResult iprev) {
        if (exemptsClient(session)) {
            return Optional.empty();
        }
        return Optional.of(AuthenticationResults.iprev(host, iprev));
    }

    /** The name of the warning header, so that incoming copies can be removed. */
    public String warningHeader() {
        return config.verdicts.headerName();
    }

    private static boolean exempt(SessionSnapshot session, boolean exemptAuthenticated) {
        return exemptAuthenticated && session.authenticated();
    }
}
