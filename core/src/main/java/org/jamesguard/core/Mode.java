package org.jamesguard.core;

import java.util.Locale;

/** How a rejecting check runs: not at all, only reporting (log, header, metric), or refusing. */
public enum Mode {
    OFF("off"),
    REPORT_ONLY("report-only"),
    ENFORCE("enforce");

    private final String xmlName;

    Mode(String xmlName) {
        this.xmlName = xmlName;
    }

    public String xmlName() {
        return xmlName;
    }

    public boolean isActive() {
        return this != OFF;
    }

    /** Parses the configuration form; the caller names the element in its error. */
    public static Mode fromXml(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        for (Mode mode : values()) {
            if (mode.xmlName.equals(normalized)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("expected off, report-only or enforce, got '" + value + "'");
    }
}
