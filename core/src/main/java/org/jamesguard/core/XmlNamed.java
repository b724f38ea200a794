package org.jamesguard.core;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jamesguard.core.config.ConfigReader;

/** An enum whose constants have a name in the configuration, such as {@code report-only}. */
public interface XmlNamed {
    String xmlName();

    /** Parses the configuration form of one of {@code type}'s constants; the caller names the element in its error. */
    static <E extends Enum<E> & XmlNamed> E fromXml(Class<E> type, String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        for (E candidate : type.getEnumConstants()) {
            if (candidate.xmlName().equals(normalized)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("expected " + ConfigReader.describe(Arrays.stream(type.getEnumConstants())
            .map(XmlNamed::xmlName).collect(Collectors.toCollection(LinkedHashSet::new))) + ", got '" + value + "'");
    }
}
