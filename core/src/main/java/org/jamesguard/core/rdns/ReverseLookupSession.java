package org.jamesguard.core.rdns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.jamesguard.core.Decision;
import org.jamesguard.core.Header;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.StageResult;
import org.jamesguard.core.dns.DnsFacts;
import org.jamesguard.core.dns.DomainLookup;
import org.jamesguard.core.dns.IprevResult;

/**
 * SPEC B1–B13, H3: the reverse lookups of one SMTP connection and what the checks decided about them. An
 * adapter makes one per connection and tells it what the client sends; at HELO and at MAIL it asks what
 * must be answered before the command runs, then, once it is, what the checks decide.
 * <p>
 * Lookups start as soon as their input is known: the client's at connect, the HELO name's when HELO or EHLO
 * arrives, the sender domain's when MAIL arrives. A connection has at most one HELO and one MAIL FROM lookup
 * in flight: a command naming another name or domain waits until the last lookup ended, however many commands
 * the client pipelines. A check that passed or only warned is done for the connection; one that refused runs
 * again next time. The warnings of the checks that passed are kept for the message.
 * <p>
 * One session's event loop alone calls it; the lookups complete on other threads and are read only once done.
 */
public final class ReverseLookupSession {
    /** H3: the HELO names of one session whose lookups reach DNS; legitimate clients use one, two with STARTTLS. */
    public static final int MAX_HELO_LOOKUPS = 3;
    private static final String NOT_FQDN = "not a fully qualified domain name";
    private static final String NOT_YET = "no answer yet";

    private final ReverseLookupPolicy policy;
    private final DnsFacts dns;
    /** The client's iprev; null when the client is not checked. */
    private CompletableFuture<IprevResult> client;
    private boolean clientDecided;
    private List<Header> clientWarnings = List.of();
    /** The last HELO name and its lookup (null when not checked). */
    private String helo;
    private CompletableFuture<DomainLookup> heloLookup;
    private boolean heloDecided;
    private List<Header> heloWarnings = List.of();
    /** The HELO names looked up, lower case: past {@link #MAX_HELO_LOOKUPS}, a new name is not. */
    private final Set<String> heloNamesLookedUp = new HashSet<>();
    /** The last MAIL FROM domain and its lookup (null when not checked); the warnings are the last MAIL's. */
    private String senderDomain;
    private CompletableFuture<DomainLookup> senderLookup;
    private List<Header> senderWarnings = List.of();

    public ReverseLookupSession(ReverseLookupPolicy policy, DnsFacts dns) {
        this.policy = policy;
        this.dns = dns;
    }

    /** B1, B5: the client connected; its lookup starts. */
    public void connected(SessionSnapshot session) {
        if (policy.looksUpClient(session)) {
            client = dns.verifyClientIp(session.clientIp());
        }
    }

    /**
     * HELO or EHLO arrived naming {@code name} (null when it names nothing): what must be answered before the
     * command runs. The lookup of another name still in flight comes first; then a new name replaces the last
     * one, its lookup and its warnings, and the same name again keeps them.
     */
    public Optional<CompletableFuture<?>> heloArrives(SessionSnapshot session, String name) {
        String trimmed = name == null ? null : name.trim();
        if (pending(heloLookup) && (trimmed == null || !trimmed.equalsIgnoreCase(helo))) {
            return Optional.of(heloLookup);
        }
        if (trimmed == null) {
            return Optional.empty();
        }
        startHelo(session, trimmed);
        List<CompletableFuture<?>> needed = new ArrayList<>();
        if (policy.decidesClientAtHelo()) {
            addUndecidedClient(needed, session);
        }
        if (policy.decidesHeloAtHelo()) {
            addUndecidedHelo(needed, session);
        }
        return awaiting(needed);
    }

    /**
     * MAIL arrived, {@code domain} read from its argument (empty for the null sender or what could not be read):
     * what must be answered before the command runs. The lookup of another domain still in flight comes first;
     * then a new domain replaces the last one's lookup, and the same domain again (a held MAIL replayed, or the
     * next transaction) keeps it, so that an unanswered lookup is not asked again and again.
     */
    public Optional<CompletableFuture<?>> mailArrives(SessionSnapshot session, Optional<String> domain) {
        if (pending(senderLookup) && (domain.isEmpty() || !domain.get().equalsIgnoreCase(senderDomain))) {
            return Optional.of(senderLookup);
        }
        domain.ifPresent(sender -> startSender(session, sender));
        List<CompletableFuture<?>> needed = new ArrayList<>();
        addUndecidedClient(needed, session);
        addUndecidedHelo(needed, session);
        if (!policy.exemptsSender(session)) {
            domain.flatMap(this::senderLookup).ifPresent(needed::add);
        }
        return awaiting(needed);
    }

    /** The HELO stage: the PTR checks, then the HELO checks, each when it decides at HELO (B4, B9 off). */
    public Decision decideHelo(SessionSnapshot session) {
        Decision decision = policy.decidesClientAtHelo() ? decideClient(session) : Decision.PROCEED;
        return decision.refuses() || !policy.decidesHeloAtHelo() ? decision : decideHeloName(session);
    }

    /**
     * The MAIL stage: whatever HELO left undecided (when authenticated sessions are exempt, all of it), then
     * the MAIL FROM checks.
     *
     * @param domain the sender's domain as the server read the command; empty for the null sender
     */
    public Decision decideMail(SessionSnapshot session, Optional<String> domain) {
        senderWarnings = List.of();
        Decision decision = decideClient(session);
        if (!decision.refuses()) {
            decision = decideHeloName(session);
        }
        if (!decision.refuses() && domain.isPresent()) {
            decision = decideSender(session, domain.get());
        }
        return decision;
    }

    /**
     * The fields the message gets, in order: the {@code Authentication-Results} iprev field (B1, unless the
     * session is exempt), then the warnings. Those about the sender go into this message only.
     */
    public List<Header> messageFields(SessionSnapshot session, String host) {
        List<Header> fields = new ArrayList<>();
        if (client != null) {
            policy.authenticationResults(session, host, clientIprev(session)).ifPresent(fields::add);
        }
        fields.addAll(clientWarnings);
        fields.addAll(heloWarnings);
        fields.addAll(senderWarnings);
        senderWarnings = List.of();
        return fields;
    }

    private void startHelo(SessionSnapshot session, String name) {
        if (name.equalsIgnoreCase(helo)) {
            return;
        }
        helo = name;
        heloLookup = policy.checksHelo(session, name) ? lookUpHelo(name) : null;
        heloDecided = false;
        heloWarnings = List.of();
    }

    /**
     * B6–B9, H3: an address literal needs no DNS, nor does a name that is not fully qualified ({@link HeloName}):
     * it cannot resolve to the client, and its checks read it as a name that does not exist. The session's
     * first {@value #MAX_HELO_LOOKUPS} names reaching DNS are looked up; a new one after them is not, and its
     * checks get their temporary answer: a client sending name after name must not turn James into a source
     * of DNS traffic.
     */
    private CompletableFuture<DomainLookup> lookUpHelo(String name) {
        if (AddressLiteral.is(name)) {
            return CompletableFuture.completedFuture(AddressLiteral.lookup(name));
        }
        if (!HeloName.isFullyQualified(name)) {
            return CompletableFuture.completedFuture(DomainLookup.invalid(name, NOT_FQDN));
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (!heloNamesLookedUp.contains(key) && heloNamesLookedUp.size() >= MAX_HELO_LOOKUPS) {
            return CompletableFuture.completedFuture(DomainLookup.temperror(name,
                "not looked up, the session's " + MAX_HELO_LOOKUPS + " HELO names were"));
        }
        heloNamesLookedUp.add(key);
        return dns.resolveDomain(name);
    }

    private void startSender(SessionSnapshot session, String domain) {
        if (!domain.equalsIgnoreCase(senderDomain)) {
            senderDomain = domain;
            senderLookup = policy.checksSender(session, domain) ? dns.resolveDomain(domain) : null;
        }
    }

    private Optional<CompletableFuture<DomainLookup>> senderLookup(String domain) {
        return domain.equalsIgnoreCase(senderDomain) ? Optional.ofNullable(senderLookup) : Optional.empty();
    }

    private void addUndecidedClient(List<CompletableFuture<?>> needed, SessionSnapshot session) {
        if (client != null && !clientDecided && !policy.exemptsClient(session)) {
            needed.add(client);
        }
    }

    private void addUndecidedHelo(List<CompletableFuture<?>> needed, SessionSnapshot session) {
        if (heloLookup != null && !heloDecided && !policy.exemptsHelo(session)) {
            needed.add(heloLookup);
        }
    }

    private Decision decideClient(SessionSnapshot session) {
        if (client == null || clientDecided) {
            return Decision.PROCEED;
        }
        StageResult result = policy.client(session, clientIprev(session));
        clientDecided = result.refusal().isEmpty();
        if (clientDecided) {
            clientWarnings = result.headers();
        }
        return result.decision();
    }

    private Decision decideHeloName(SessionSnapshot session) {
        if (heloLookup == null || heloDecided) {
            return Decision.PROCEED;
        }
        StageResult result = policy.helo(session, heloLookup.getNow(DomainLookup.temperror(helo, NOT_YET)));
        heloDecided = result.refusal().isEmpty();
        if (heloDecided) {
            heloWarnings = result.headers();
        }
        return result.decision();
    }

    /**
     * The lookup started for this sender's domain. Should the server have read another domain than the
     * adapter did at the command, that domain's lookup starts only now, as the session's one sender lookup,
     * and counts as unanswered; while the one sender lookup is in flight for the other domain, it does not
     * start at all, and the domain is judged unanswered.
     */
    private Decision decideSender(SessionSnapshot session, String domain) {
        if (senderLookup(domain).isEmpty() && !pending(senderLookup)) {
            startSender(session, domain);
        }
        Optional<DomainLookup> answer = senderLookup(domain).map(started -> started.getNow(DomainLookup.temperror(domain, NOT_YET)));
        if (answer.isEmpty() && policy.checksSender(session, domain) && !domain.equalsIgnoreCase(senderDomain)) {
            answer = Optional.of(DomainLookup.temperror(domain, NOT_YET));
        }
        if (answer.isEmpty()) {
            return Decision.PROCEED;
        }
        StageResult result = policy.senderDomain(session, answer.get());
        if (result.refusal().isEmpty()) {
            senderWarnings = result.headers();
        }
        return result.decision();
    }

    private IprevResult clientIprev(SessionSnapshot session) {
        return client.getNow(IprevResult.temperror(session.clientIp(), List.of(), NOT_YET));
    }

    /** The lookup, in flight, that a command naming something else must wait for. */
    private static boolean pending(CompletableFuture<?> lookup) {
        return lookup != null && !lookup.isDone();
    }

    private static Optional<CompletableFuture<?>> awaiting(List<CompletableFuture<?>> needed) {
        needed.removeIf(CompletableFuture::isDone);
        return needed.isEmpty() ? Optional.empty()
            : Optional.of(CompletableFuture.allOf(needed.toArray(new CompletableFuture<?>[0])));
    }
}
