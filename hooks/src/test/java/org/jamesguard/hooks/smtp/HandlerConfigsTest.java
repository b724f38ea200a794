package org.jamesguard.hooks.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.configuration2.BaseConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.jamesguard.core.config.GuardConfigException;
import org.jamesguard.core.testing.XmlConfigs;
import org.junit.jupiter.api.Test;

class HandlerConfigsTest {
    private static final String XML = "<handler class=\"org.jamesguard.hooks.smtp.SenderGate\"><limit>7</limit></handler>";

    @Test
    void theReaderIsTheHandlerElementNamedByItsClass() throws ConfigurationException {
        String path = HandlerConfigs.parse(XmlConfigs.parse(XML), SenderGate.class, reader -> reader.pathOf("limit"));

        assertThat(path).isEqualTo("<handler class=\"org.jamesguard.hooks.smtp.SenderGate\"><limit>");
    }

    @Test
    void theReaderReadsTheHandlersChildren() throws ConfigurationException {
        int limit = HandlerConfigs.parse(XmlConfigs.parse(XML), SenderGate.class, reader -> reader.integer("limit", 1, 3));

        assertThat(limit).isEqualTo(7);
    }

    @Test
    void aConfigurationThatIsNotHierarchicalReadsAsEmpty() throws ConfigurationException {
        BaseConfiguration flat = new BaseConfiguration();
        flat.addProperty("limit", "7");

        int limit = HandlerConfigs.parse(flat, SenderGate.class, reader -> reader.integer("limit", 1, 3));

        assertThat(limit).isEqualTo(3);
    }

    @Test
    void aBadValueBecomesAConfigurationExceptionWithTheSameMessage() {
        assertThatThrownBy(() -> HandlerConfigs.parse(XmlConfigs.parse("<handler><limit>0</limit></handler>"), AuthGate.class,
                reader -> reader.integer("limit", 1, 3)))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("<handler class=\"org.jamesguard.hooks.smtp.AuthGate\"><limit>: expected a number of at least 1, got 0")
            .hasCauseInstanceOf(GuardConfigException.class);
    }

    @Test
    void anyIllegalArgumentBecomesAConfigurationException() {
        assertThatThrownBy(() -> HandlerConfigs.parse(XmlConfigs.parse(XML), AuthGate.class, reader -> {
            throw new IllegalArgumentException("bad");
        })).isInstanceOf(ConfigurationException.class).hasMessage("bad");
    }

    @Test
    void otherFailuresAreNotDisguised() {
        assertThatThrownBy(() -> HandlerConfigs.parse(XmlConfigs.parse(XML), AuthGate.class, reader -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class).hasMessage("bug");
    }
}
