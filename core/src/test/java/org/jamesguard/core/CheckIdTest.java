package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import nl.jqno.equalsverifier.EqualsVerifier;

class CheckIdTest {
    @ParameterizedTest
    @CsvSource({
        "ptr, ptr",
        "screened-ip, screened_ip",
        "sender-owned-by-auth-user, sender_owned_by_auth_user",
        "a5, a5",
        "fcrdns-v2, fcrdns_v2",
        "x-1-2, x_1_2",
    })
    void acceptsLowerCaseWordsJoinedByDashesAndMapsThemToMetricNames(String name, String metricName) {
        CheckId id = CheckId.of(name);

        assertThat(id.name()).isEqualTo(name);
        assertThat(id).hasToString(name);
        assertThat(id.metricName()).isEqualTo(metricName);
        assertThat(id.metric("pass")).isEqualTo("jamesguard_" + metricName + "_pass");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ptr", "PTR", "screened_ip", "screened ip", "-ptr", "ptr-", "screened--ip", "1ptr",
        "ptr.check", "pr\u00fcf", " ptr"})
    void rejectsNamesThatCannotBeMetricNames(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> CheckId.of(name))
            .withMessage("check name must be lower-case words joined by '-', got '" + name + "'");
    }

    @Test
    void rejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> CheckId.of(null)).withMessage("name");
    }

    @Test
    void equalNamesAreEqualIds() {
        assertThat(CheckId.of("ptr")).isEqualTo(CheckId.of("ptr")).isNotEqualTo(CheckId.of("fcrdns"));
    }

    @Test
    void honoursEqualsContract() {
        // the metric names are a cache of the name
        EqualsVerifier.forClass(CheckId.class).withNonnullFields("name").withIgnoredFields("metrics").verify();
    }
}
