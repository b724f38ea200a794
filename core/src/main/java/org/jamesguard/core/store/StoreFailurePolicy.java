package org.jamesguard.core.store;

import org.jamesguard.core.XmlNamed;

/** What a check does when its store is unreachable: accept (logged, counted) or refuse with 451 4.3.0. */
public enum StoreFailurePolicy implements XmlNamed {
    FAIL_OPEN("fail-open"),
    FAIL_CLOSED("fail-closed");

    private final String xmlName;

    StoreFailurePolicy(String xmlName) {
        this.xmlName = xmlName;
    }

    @Override
    public String xmlName() {
        return xmlName;
    }

    public static StoreFailurePolicy fromXml(String value) {
        return XmlNamed.fromXml(StoreFailurePolicy.class, value);
    }
}
