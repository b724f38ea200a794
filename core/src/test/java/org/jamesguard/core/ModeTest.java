package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModeTest {
    @ParameterizedTest
    @CsvSource({
        "off, OFF",
        "report-only, REPORT_ONLY",
        "enforce, ENFORCE",
        "OFF, OFF",
        "Report-Only, REPORT_ONLY",
        "'  enforce ', ENFORCE",
    })
    void parsesTheConfigurationWordsIgnoringCaseAndSpaces(String text, Mode mode) {
        assertThat(Mode.fromXml(text)).isEqualTo(mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"strict", "", "report_only", "reportonly", "on", "true", "enforced"})
    void rejectsOtherWordsListingTheAllowedOnes(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Mode.fromXml(text))
            .withMessage("expected off, report-only or enforce, got '" + text + "'");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void xmlNameParsesBack(Mode mode) {
        assertThat(Mode.fromXml(mode.xmlName())).isEqualTo(mode);
    }

    @Test
    void onlyOffIsInactive() {
        assertThat(Mode.OFF.isActive()).isFalse();
        assertThat(Mode.REPORT_ONLY.isActive()).isTrue();
        assertThat(Mode.ENFORCE.isActive()).isTrue();
    }
}
