package org.jamesguard.core;

/**
 * Every reply James Guard sends, one constant per SPEC row, so codes, enhanced statuses and wording
 * are decided in one place. Checks pick a constant; none formats a code inline.
 */
public final class Replies {
    /** A1, A4, A9: this sender or this client must authenticate first. */
    public static final Reply AUTH_REQUIRED = Reply.of(530, "5.7.0", "Authentication required");
    /** A5: the return-path is not one of the authenticated account's addresses. */
    public static final Reply SENDER_NOT_OWNED = Reply.of(550, "5.7.1", "Sender address not owned by authenticated user");
    /** A6: an address of the From: header is not one of the authenticated account's addresses. */
    public static final Reply FROM_NOT_OWNED = Reply.of(550, "5.7.1", "From: header address not owned by authenticated user");
    /** A6: the From: header is missing, duplicated, malformed or ambiguous; the text names the problem. */
    public static final Reply FROM_REFUSED = Reply.of(550, "5.7.1", "From: header refused");
    /** H1: the client's header section does not end within the configured limit; the text gives the limit. */
    public static final Reply HEADER_SECTION_TOO_LONG = Reply.of(552, "5.3.4", "Header section too long");
    /** H2: javax.mail or mime4j reads other mailboxes in From: than A6 did; the audit line says which. */
    public static final Reply FROM_READ_DIFFERENTLY = Reply.of(550, "5.7.1", "From: header refused: mail programs read different addresses in it");
    /** A10: POP-before-SMTP is enforced and this IP has not logged in over POP3 recently. */
    public static final Reply POP_BEFORE_SMTP_REQUIRED = Reply.of(530, "5.7.0", "Authentication required (or a recent POP3 login from this address)");
    /** A11: AUTH is not offered on this listener, so the command does not exist here. */
    public static final Reply AUTH_UNRECOGNIZED = Reply.of(500, "5.5.1", "Command unrecognized");
    /** A12, A13: the IP kept trying to authenticate and is now screened. */
    public static final Reply AUTH_ATTEMPTS_SCREENED = Reply.of(421, "4.7.0", "Too many authentication attempts, try again later");
    /** A wrong login or password. */
    public static final Reply AUTH_FAILED = Reply.of(535, "5.7.8", "Authentication credentials invalid");
    /** A14: AUTH PLAIN asked to act as another account without a delegation. */
    public static final Reply AUTHZID_REFUSED = Reply.of(535, "5.7.8", "Authorization identity refused");
    /** AUTH before STARTTLS on a listener that requires TLS for it (RFC 4954). */
    public static final Reply ENCRYPTION_REQUIRED = Reply.of(538, "5.7.11", "Encryption required for requested authentication mechanism");
    /** AUTH in a session that is already authenticated (RFC 4954). */
    public static final Reply ALREADY_AUTHENTICATED = Reply.of(503, "5.5.1", "Already authenticated");
    /** AUTH after MAIL, before the transaction ended (RFC 4954). */
    public static final Reply AUTH_IN_TRANSACTION = Reply.of(503, "5.5.1", "AUTH not allowed during a mail transaction");
    /** AUTH without a mechanism, or with more than an initial response. */
    public static final Reply AUTH_SYNTAX = Reply.of(501, "5.5.4", "Usage: AUTH mechanism [initial-response]");
    /** An AUTH response that is not base64, or not what its mechanism expects. */
    public static final Reply AUTH_MALFORMED = Reply.of(501, "5.5.2", "Cannot decode the AUTH response");
    /** The client answered a challenge with {@code *} (RFC 4954). */
    public static final Reply AUTH_CANCELLED = Reply.of(501, "5.7.0", "Authentication cancelled");
    /** A mechanism this listener does not offer. */
    public static final Reply AUTH_MECHANISM_UNKNOWN = Reply.of(504, "5.5.4", "Unrecognized authentication type");
    /** C7: a frozen account tries to log in (SMTP AUTH; POP3 and IMAP use the text). */
    public static final Reply ACCOUNT_FROZEN = Reply.of(535, "5.7.8", "Account frozen: contact your postmaster");
    /** C7: a session that logged in before the freeze tries to send. */
    public static final Reply ACCOUNT_FROZEN_SESSION = Reply.of(550, "5.7.1", "Account frozen: contact your postmaster");
    /** C6, 5xx option: the message that reaches a limit is refused. */
    public static final Reply SENDING_LIMIT = Reply.of(550, "5.7.1", "Sending limit reached");
    /** C6, 4xx option. */
    public static final Reply SENDING_LIMIT_TEMPORARY = Reply.of(450, "4.7.1", "Sending limit reached, try again later");
    /** C5, 5xx option: a login from one client address too many. */
    public static final Reply TOO_MANY_CLIENT_ADDRESSES = Reply.of(550, "5.7.1", "Account used from too many client addresses");
    /** C5, 4xx option. */
    public static final Reply TOO_MANY_CLIENT_ADDRESSES_TEMPORARY = Reply.of(450, "4.7.1", "Account used from too many client addresses, try again later");
    /** C7: a sending limit froze the account; the session ends. */
    public static final Reply ACCOUNT_FROZEN_NOW = Reply.of(552, "5.7.1", "Account frozen: sending limit reached, contact your postmaster");
    /** C5 with C7: logins from too many client addresses froze the account. */
    public static final Reply ACCOUNT_FROZEN_CLIENT_ADDRESSES = Reply.of(552, "5.7.1",
        "Account frozen: logins from too many client addresses, contact your postmaster");
    /** C8: too many refused recipients froze the account; only an administrator lifts it. */
    public static final Reply ACCOUNT_FROZEN_REFUSED_RECIPIENTS = Reply.of(552, "5.7.1",
        "Account frozen: too many refused recipients, contact your postmaster");
    /** Mail to an unfreeze address from anyone but an authenticated administrator. */
    public static final Reply UNFREEZE_REFUSED = Reply.of(550, "5.7.1", "Unfreeze requests must come from an authenticated administrator");
    /** Dynamic screen: a blocked IP is refused at connect. */
    public static final Reply SCREENED = Reply.of(554, "5.7.1", "Client host blocked by the dynamic screen");
    /** B2: the client IP has no PTR record (RFC 7372: 5.7.25, reverse DNS validation failed). */
    public static final Reply NO_PTR = Reply.of(501, "5.7.25", "Client host has no PTR record");
    /** B3: no PTR name of the client IP resolves back to it. */
    public static final Reply PTR_NOT_CONFIRMED = Reply.of(501, "5.7.25", "Client host name does not resolve back to its address");
    /** B6/B7: the HELO name (or address literal) is not the client's address. */
    public static final Reply HELO_FORGED = Reply.of(501, "5.7.1", "HELO name does not resolve to the client address");
    /** B8: the HELO domain does not exist; temporary by default, the session may go on. */
    public static final Reply HELO_NOT_FOUND = Reply.of(451, "4.1.8", "HELO domain not found");
    /** B8 with the permanent option. */
    public static final Reply HELO_NOT_FOUND_PERMANENT = Reply.of(501, "5.1.8", "HELO domain not found");
    /** B10: the MAIL FROM domain's MX and address records do not include the client. */
    public static final Reply SENDER_DOMAIN_FORGED = Reply.of(501, "5.7.1", "Sender domain does not resolve to the client address");
    /** B11: the MAIL FROM domain has no MX record. */
    public static final Reply SENDER_DOMAIN_NO_MX = Reply.of(550, "5.1.8", "Sender domain has no MX record");
    /** B11: the MAIL FROM domain publishes a null MX (RFC 7505 section 4.2). */
    public static final Reply SENDER_DOMAIN_NULL_MX = Reply.of(550, "5.7.27", "Sender domain does not accept mail (null MX)");
    /** B12: the MAIL FROM domain does not exist; temporary by default. */
    public static final Reply SENDER_DOMAIN_NOT_FOUND = Reply.of(451, "4.1.8", "Sender domain not found");
    /** B12 with the permanent option. */
    public static final Reply SENDER_DOMAIN_NOT_FOUND_PERMANENT = Reply.of(501, "5.1.8", "Sender domain not found");
    /** Section 2: a DNS timeout or SERVFAIL decided an enforcing reverse-lookup check; never permanent. */
    public static final Reply DNS_TEMPFAIL = Reply.of(451, "4.4.3", "Temporary DNS failure, try again later");
    /** The state store failed and the policy is fail-closed. */
    public static final Reply STORE_UNAVAILABLE = Reply.of(451, "4.3.0", "Temporary local problem, try again later");
    /** A check failed unexpectedly: never let a bug turn into a permanent refusal. */
    public static final Reply INTERNAL_ERROR = Reply.of(451, "4.3.0", "Temporary local problem, try again later");

    private Replies() {
    }
}
