package org.jamesguard.core.store;

import java.util.Locale;

/** What a check does when its store is unreachable: accept (logged, counted) or refuse with 451 4.3.0. */
public enum StoreFailurePolicy {
    FAIL_OPEN("fail-open"),
    FAIL_CLOSED("fail-closed");

    private final String xmlName;

    StoreFailurePolicy(String xmlName) {
        this.xmlName = xmlName;
    }

    public String xmlName() {
        return xmlName;
    }

    public static StoreFailurePolicy fromXml(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        for (StoreFailurePolicy policy : values()) {
            if (policy.xmlName.equals(normalized)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("expected fail-open or fail-closed, got '" + value + "'");
    }
}
