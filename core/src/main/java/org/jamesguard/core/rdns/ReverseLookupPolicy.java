package org.jamesguard.core.rdns;

import java.util.Optional;

import org.jamesguard.core.DecisionRecorder;
import org.jamesguard.core.Header;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.StageResult;
import org.jamesguard.core.dns.DomainLookup;
import org.jamesguard.core.dns.IprevResult;

/**
 * SPEC B1–B13 for one listener: which lookups a session needs (the client at connect, the HELO name at
 * HELO, the MAIL FROM domain at MAIL) and the checks that read the answers. It makes no lookup itself:
 * {@link ReverseLookupSession} starts them and calls the checks once their answers are in. Trusted clients
 * are never looked up, nor are excluded ones.
 * <p>
 * The PTR and HELO checks decide at MAIL when authenticated sessions are exempt (B4, B9: only then is it
 * known whether the client authenticated), otherwise at HELO. The MAIL FROM checks decide at MAIL.
 */
public final class ReverseLookupPolicy {
    private final ReverseLookupConfig config;
    private final DecisionRecorder recorder;

    public ReverseLookupPolicy(ReverseLookupConfig config, DecisionRecorder recorder) {
        this.config = config;
        this.recorder = recorder;
    }

    /** B1, B5: whether the client's forward-confirmed reverse DNS is looked up at connect. */
    boolean looksUpClient(SessionSnapshot session) {
        return config.ptrLookup && !session.trusted() && !config.ptrExclusions.matchesIp(session.clientIp());
    }

    /** B6–B9: whether the HELO name is checked (and so looked up). */
    boolean checksHelo(SessionSnapshot session, String helo) {
        return config.checksHelo() && !session.trusted() && !exemptsHelo(session)
            && !config.heloExclusions.matchesIp(session.clientIp()) && !config.heloExclusions.matchesHost(helo);
    }

    /** B10–B13: whether this session's sender domain is checked (and so looked up). */
    boolean checksSender(SessionSnapshot session, String domain) {
        return config.checksMailFrom() && !session.trusted() && !exemptsSender(session)
            && !config.mailExclusions.matchesIp(session.clientIp()) && !config.mailExclusions.matchesHost(domain);
    }

    /** B4 off: the PTR checks decide at HELO. */
    boolean decidesClientAtHelo() {
        return !config.ptrExemptAuthenticated;
    }

    /** B9 off: the HELO checks decide at HELO. */
    boolean decidesHeloAtHelo() {
        return !config.heloExemptAuthenticated;
    }

    /** B4: this session skips the PTR checks and the field, being authenticated. */
    boolean exemptsClient(SessionSnapshot session) {
        return exempt(session, config.ptrExemptAuthenticated);
    }

    /** B9: this session skips the HELO checks, being authenticated. */
    boolean exemptsHelo(SessionSnapshot session) {
        return exempt(session, config.heloExemptAuthenticated);
    }

    /** B2, B3 over the client's lookup. */
    StageResult client(SessionSnapshot session, IprevResult iprev) {
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
    StageResult helo(SessionSnapshot session, DomainLookup helo) {
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
    boolean exemptsSender(SessionSnapshot session) {
        return exempt(session, config.mailExemptAuthenticated);
    }

    /** B10–B12 over the MAIL FROM domain's lookup: existence first, so a missing domain gets its own reply. */
    StageResult senderDomain(SessionSnapshot session, DomainLookup sender) {
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
    Optional<Header> authenticationResults(SessionSnapshot session, String host, IprevResult iprev) {
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
