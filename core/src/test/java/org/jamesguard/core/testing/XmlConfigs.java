package org.jamesguard.core.testing;

import java.io.StringReader;

import org.apache.commons.configuration2.XMLConfiguration;
import org.apache.commons.configuration2.convert.DisabledListDelimiterHandler;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;

/** Builds configurations from XML text, the way James reads its own files (no list splitting). */
public final class XmlConfigs {
    private XmlConfigs() {
    }

    /** The configuration whose root is the document element of {@code xml}. */
    public static XMLConfiguration parse(String xml) {
        XMLConfiguration config = new XMLConfiguration();
        config.setListDelimiterHandler(new DisabledListDelimiterHandler());
        try {
            new FileHandler(config).load(new StringReader(xml));
        } catch (ConfigurationException e) {
            throw new IllegalArgumentException("not well-formed XML: " + xml, e);
        }
        return config;
    }
}
