package org.jamesguard.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class StoreFailurePolicyTest {
    @ParameterizedTest
    @CsvSource({"fail-open, FAIL_OPEN", "fail-closed, FAIL_CLOSED", "FAIL-OPEN, FAIL_OPEN", "' Fail-Closed ', FAIL_CLOSED"})
    void parsesTheConfigurationWords(String text, StoreFailurePolicy expected) {
        assertThat(StoreFailurePolicy.fromXml(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(StoreFailurePolicy.class)
    void xmlNameParsesBack(StoreFailurePolicy policy) {
        assertThat(StoreFailurePolicy.fromXml(policy.xmlName())).isEqualTo(policy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"open", "closed", "fail_open", "", "true"})
    void refusesOtherWords(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreFailurePolicy.fromXml(text))
            .withMessage("expected fail-open or fail-closed, got '" + text + "'");
    }

    @Test
    void storeUnavailableKeepsMessageAndCause() {
        IOException cause = new IOException("connection refused");

        assertThat(new StoreUnavailableException("redis down", cause)).hasMessage("redis down").hasCause(cause);
        assertThat(new StoreUnavailableException("redis down")).hasMessage("redis down").hasNoCause();
    }
}
