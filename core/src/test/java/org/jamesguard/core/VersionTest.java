package org.jamesguard.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void isStampedAtBuildTime() {
        assertThat(Version.CURRENT).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
