package org.jamesguard.core.auth.from;

/**
 * Why a From header cannot be trusted. Thrown deep inside the parser and turned into
 * {@link FromHeaderAnalysis#rejection()} at its edge; the reason is a fixed phrase, never header text,
 * so it is safe to log and to put in a reply.
 */
final class Refusal extends RuntimeException {
    Refusal(String reason) {
        super(reason, null, false, false);
    }
}
