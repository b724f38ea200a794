package org.jamesguard.hooks.smtp;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.jamesguard.core.config.ConfigReader;

/** Turns a handler's own {@code <handler>} element into a {@link ConfigReader} naming it in errors. */
public final class HandlerConfigs {
    /** Parses a handler's configuration; may throw {@code GuardConfigException} on a wrong value. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(ConfigReader reader);
    }

    private HandlerConfigs() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T parse(Configuration config, Class<?> handler, Parser<T> parser) throws ConfigurationException {
        HierarchicalConfiguration<ImmutableNode> element = config instanceof HierarchicalConfiguration
            ? (HierarchicalConfiguration<ImmutableNode>) config
            : new BaseHierarchicalConfiguration();
        try {
            return parser.parse(ConfigReader.of(element, "<handler class=\"" + handler.getName() + "\">"));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }
}
