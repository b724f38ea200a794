package org.jamesguard.core;

/** How a rejecting check runs: not at all, only reporting (log, header, metric), or refusing. */
public enum Mode implements XmlNamed {
    OFF("off"),
    REPORT_ONLY("report-only"),
    ENFORCE("enforce");

    private final String xmlName;

    Mode(String xmlName) {
        this.xmlName = xmlName;
    }

    @Override
    public String xmlName() {
        return xmlName;
    }

    public boolean isActive() {
        return this != OFF;
    }

    /** Parses the configuration form; the caller names the element in its error. */
    public static Mode fromXml(String value) {
        return XmlNamed.fromXml(Mode.class, value);
    }
}
