package org.jamesguard.core.screen;

import org.jamesguard.core.Mode;
import org.jamesguard.core.config.ConfigReader;

/** The one option of {@code ScreenGate}: {@code <mode>} of the screened-IP check (default enforce). */
public final class ScreenGateConfig {
    private ScreenGateConfig() {
    }

    public static Mode parse(ConfigReader reader) {
        return reader.allowOnly("mode").mode("mode", Mode.ENFORCE);
    }
}
