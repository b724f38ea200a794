package org.jamesguard.core.auth;

import java.util.Optional;
import java.util.function.Supplier;

import org.jamesguard.core.CheckId;
import org.jamesguard.core.Header;
import org.jamesguard.core.Replies;
import org.jamesguard.core.SessionSnapshot;
import org.jamesguard.core.Verdict;
import org.jamesguard.core.auth.from.FromHeaderAnalysis;
import org.jamesguard.core.auth.from.FromReaders;

/**
 * SPEC H2, the second line of defence behind A6: a spoofed From: works when two programs read one header
 * differently. The mailboxes A6 read must be exactly those javax.mail and mime4j, strict and lenient,
 * read in the same value; otherwise the message is refused (or, in {@code stamp-sender} mode, stamped,
 * as A6 treats a From: the account may not use). Runs where A6 runs, on the header A6 accepted: one A6
 * refuses needs no second opinion.
 */
public final class FromParsersAgreeCheck {
    public static final CheckId ID = CheckId.of("from-parsers-agree");

    private FromParsersAgreeCheck() {
    }

    /**
     * @param header the parsed header, asked for only when the session is authenticated
     * @param gatewayMail every recipient is in a gateway domain (A8)
     */
    public static Verdict check(SessionSnapshot session, Supplier<FromHeaderAnalysis> header, boolean gatewayMail,
                                FromOwnershipMode mode) {
        if (!session.authenticated() || gatewayMail) {
            return Verdict.pass(ID);
        }
        FromHeaderAnalysis from = header.get();
        if (from.rejection().isPresent()) {
            return Verdict.pass(ID);
        }
        Optional<String> disagreement = FromReaders.disagreement(from.value().orElseThrow(), from.mailboxes());
        if (disagreement.isEmpty()) {
            return Verdict.pass(ID);
        }
        String account = session.authUser().orElseThrow();
        if (mode == FromOwnershipMode.STAMP_SENDER) {
            return Verdict.warn(ID, Header.replacing("Sender", account), disagreement.get() + "; Sender set to " + account);
        }
        return Verdict.reject(ID, Replies.FROM_READ_DIFFERENTLY).withDetail(account + ": " + disagreement.get());
    }
}
