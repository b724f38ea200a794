package org.jamesguard.core;

/**
 * Every reply James Guard sends, one constant per SPEC row, so codes, enhanced statuses and wording
 * are decided in one place. Checks pick a constant; none formats a code inline.
 */
public final class Replies {
    /** Dynamic screen: a blocked IP is refused at connect. */
    public static final Reply SCREENED = Reply.of(554, "5.7.1", "Client host blocked by the dynamic screen");
    /** The state store failed and the policy is fail-closed. */
    public static final Reply STORE_UNAVAILABLE = Reply.of(451, "4.3.0", "Temporary local problem, try again later");
    /** A check failed unexpectedly: never let a bug turn into a permanent refusal. */
    public static final Reply INTERNAL_ERROR = Reply.of(451, "4.3.0", "Temporary local problem, try again later");

    private Replies() {
    }
}
