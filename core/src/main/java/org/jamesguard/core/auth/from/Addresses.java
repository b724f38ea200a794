package org.jamesguard.core.auth.from;

import org.jamesguard.core.net.EmailAddress;

/** Builds the comparable address from a local part and a domain, whichever view found them. */
final class Addresses {
    private Addresses() {
    }

    /**
     * Java's IDN implements IDNA2003, which maps ß to ss and ς to σ; IDNA2008, used by current clients
     * and registries, keeps them. {@code faß.example} would compare equal to {@code fass.example}
     * while naming another domain, so these are refused rather than normalized.
     */
    static EmailAddress fromParts(String localPart, String domain, String invalidReason) {
        if (domain.indexOf('\u00DF') >= 0 || domain.indexOf('\u03C2') >= 0) {
            throw new Refusal("IDNA deviation character (ß or ς) in a From domain");
        }
        return EmailAddress.tryParse(localPart + "@" + domain).orElseThrow(() -> new Refusal(invalidReason));
    }
}
