package org.jamesguard.core.dns;

import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.jamesguard.core.net.IpAddresses;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;
import org.xbill.DNS.lookup.ServerFailedException;

/** The outcome of one DNS question, with every failure classified once. */
final class Answer {
    enum Outcome {
        RECORDS,
        NXDOMAIN,
        NODATA,
        /** Timeout, SERVFAIL, network error, too many questions in flight: anything that retrying might cure. */
        TEMPERROR,
        /** Not sent: the check had used its {@link DnsConfig#MAX_QUERIES_PER_CHECK} questions. */
        NOT_ASKED
    }

    private final Name name;
    private final int type;
    private final Outcome outcome;
    private final List<Record> records;
    private final String problem;

    private Answer(Name name, int type, Outcome outcome, List<Record> records, String problem) {
        this.name = name;
        this.type = type;
        this.outcome = outcome;
        this.records = records;
        this.problem = problem;
    }

    /**
     * dnsjava 3.5.2 reports NODATA from the network as an empty result but from its cache as
     * {@link NoSuchRRSetException}; both end up as {@link Outcome#NODATA}.
     */
    static Answer of(Name name, int type, LookupResult result) {
        List<Record> matching = new ArrayList<>();
        for (Record record : result.getRecords()) {
            if (record.getType() == type) {
                matching.add(record);
            }
        }
        if (matching.isEmpty()) {
            return new Answer(name, type, Outcome.NODATA, List.of(), "NODATA");
        }
        return new Answer(name, type, Outcome.RECORDS, List.copyOf(matching), "answered");
    }

    static Answer failed(Name name, int type, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof NoSuchDomainException) {
            return new Answer(name, type, Outcome.NXDOMAIN, List.of(), "NXDOMAIN");
        }
        if (cause instanceof NoSuchRRSetException) {
            return new Answer(name, type, Outcome.NODATA, List.of(), "NODATA");
        }
        return new Answer(name, type, Outcome.TEMPERROR, List.of(), problem(cause));
    }

    static Answer notAsked(Name name, int type) {
        return new Answer(name, type, Outcome.NOT_ASKED, List.of(), "not asked, query limit reached");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String problem(Throwable cause) {
        if (cause instanceof ServerFailedException) {
            return "SERVFAIL";
        }
        if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
            return "timeout";
        }
        if (cause instanceof SharedLookups.CapReached) {
            return cause.getMessage();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName()
            : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Lower case without the trailing dot, as names appear in results and headers. */
    static String text(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }

    Name name() {
        return name;
    }

    boolean is(Outcome expected) {
        return outcome == expected;
    }

    List<Record> records() {
        return records;
    }

    /** The A and AAAA addresses, IPv4-mapped ones as IPv4. */
    Set<InetAddress> addresses() {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (Record record : records) {
            if (record instanceof ARecord) {
                addresses.add(((ARecord) record).getAddress());
            } else if (record instanceof AAAARecord) {
                addresses.add(IpAddresses.normalize(((AAAARecord) record).getAddress()));
            }
        }
        return addresses;
    }

    /** {@code example.test/AAAA}. */
    String question() {
        return text(name) + "/" + Type.string(type);
    }

    /** {@code example.test/AAAA: timeout}. */
    String describe() {
        return question() + ": " + problem;
    }
}
