package org.jamesguard.core.auth;

import org.jamesguard.core.Mode;
import org.jamesguard.core.XmlNamed;

/** SPEC A6: what to do with a From: header the account does not own. */
public enum FromOwnershipMode implements XmlNamed {
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

    @Override
    public String xmlName() {
        return xmlName;
    }

    /** How the decision is recorded: stamping is an enforced action, not a report. */
    public Mode mode() {
        return mode;
    }

    public static FromOwnershipMode fromXml(String value) {
        return XmlNamed.fromXml(FromOwnershipMode.class, value);
    }
}
