package org.jamesguard.testing.dns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** The records a {@link TestDnsServer} serves, answered the way a recursive resolver answers. */
final class Zone {
    /** Longer than any test, so caching is never what makes a test pass or fail by accident. */
    static final long TTL = 300;
    private static final int MAX_CNAME_CHAIN = 8;
    // Owned by the root, so it covers every name: resolvers cache negative answers for its minimum.
    private static final SOARecord SOA = new SOARecord(Name.root, DClass.IN, TTL,
        name("ns.test"), name("hostmaster.test"), 1, 3600, 600, 86400, TTL);

    private final Map<Name, List<Record>> records = new HashMap<>();
    /** Owners and every name above them (empty non-terminals): a set, as benchmarks add a million records. */
    private final Set<Name> existing = new HashSet<>();

    /** An absolute name: {@code mail.example.test} and {@code mail.example.test.} are the same. */
    static Name name(String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a domain name: '" + text + "'", e);
        }
    }

    synchronized void add(Record record) {
        records.computeIfAbsent(record.getName(), name -> new ArrayList<>()).add(record);
        Name owner = record.getName();
        for (int labels = owner.labels(); labels > 0; labels--) {
            existing.add(new Name(owner, owner.labels() - labels));
        }
    }

    synchronized void clear() {
        records.clear();
        existing.clear();
    }

    /** The full answer: a CNAME chain, then the target's records; NXDOMAIN or NODATA with the SOA. */
    synchronized Message answer(Message query) {
        Message response = response(query, Rcode.NOERROR);
        int type = query.getQuestion().getType();
        Name name = query.getQuestion().getName();
        for (int hop = 0; hop <= MAX_CNAME_CHAIN; hop++) {
            List<Record> matching = recordsAt(name, type);
            if (!matching.isEmpty()) {
                matching.forEach(record -> response.addRecord(record, Section.ANSWER));
                return response;
            }
            List<Record> cname = type == Type.CNAME ? List.of() : recordsAt(name, Type.CNAME);
            if (cname.isEmpty()) {
                break;
            }
            response.addRecord(cname.get(0), Section.ANSWER);
            name = ((CNAMERecord) cname.get(0)).getTarget();
        }
        response.getHeader().setRcode(exists(name) ? Rcode.NOERROR : Rcode.NXDOMAIN);
        response.addRecord(SOA, Section.AUTHORITY);
        return response;
    }

    static Message response(Message query, int rcode) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.getHeader().setRcode(rcode);
        response.addRecord(query.getQuestion(), Section.QUESTION);
        return response;
    }

    private List<Record> recordsAt(Name name, int type) {
        List<Record> found = new ArrayList<>();
        for (Record record : records.getOrDefault(name, List.of())) {
            if (record.getType() == type) {
                found.add(record);
            }
        }
        return found;
    }

    /** A name exists if it has records or a name below it has (an empty non-terminal, RFC 8020). */
    private boolean exists(Name name) {
        return existing.contains(name);
    }
}
