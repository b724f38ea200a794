package org.jamesguard.core.auth;

import java.util.Locale;

import org.jamesguard.core.Mode;

/** SPEC A6: what to do with a From: header the account does not own. */
public enum FromOwnershipMode {
    OFF("off", Mode.OFF),
    REPORT_ONLY("report-only", Mode.REPORT_ONLY),
    ENFORCE("enforce", Mode.ENFORCE),
    /** Accept, and add {@code Sender:} with the authenticated address (RFC 6409 §8.1). */
    STAMP_SENDER("stamp-sender", Mode.ENFORCE);

    private final String xmlName;
    private final Mode mode;

    FromOwnershipMode(String xmlName, Mode mode) {
        this.xmlName = xmlName;
        this.mode = mode;
    }

    public String xmlName() {
        return xmlName;
    }

    /** How the decision is recorded: stamping is an enforced action, not a report. */
    public Mode mode() {
        return mode;
    }

    public static FromOwnershipMode fromXml(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        for (FromOwnershipMode candidate : values()) {
            if (candidate.xmlName.equals(normalized)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("expected off, report-only, enforce or stamp-sender, got '" + value + "'");
    }
}
