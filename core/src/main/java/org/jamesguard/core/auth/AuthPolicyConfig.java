package org.jamesguard.core.auth;

import java.time.Duration;

import org.jamesguard.core.Mode;
import org.jamesguard.core.config.ConfigReader;

/**
 * SPEC A11–A13 for one listener, read from its {@code AuthGate} handler element:
 * <pre>{@code
 * <noAuth><mode>off</mode></noAuth>     <!-- A11: enforce on the MX port: no AUTH there -->
 * <authProbes>                           <!-- A12: screen IPs that keep trying AUTH where it is not offered -->
 *   <mode>off</mode><limit>3</limit><window>10m</window><screenFor>60m</screenFor>
 * </authProbes>
 * <failedAuth>                           <!-- A13: screen IPs after repeated failed AUTH -->
 *   <mode>enforce</mode><limit>10</limit><window>10m</window><screenFor>60m</screenFor>
 * </failedAuth>
 * }</pre>
 */
public final class AuthPolicyConfig {
    final Mode noAuth;
    final ScreenRule authProbes;
    final ScreenRule failedAuth;
    private AuthPolicyConfig(ConfigReader root) {
        root.allowOnly("noAuth", "authProbes", "failedAuth");
        noAuth = root.child("noAuth").allowOnly("mode").mode("mode", Mode.OFF);
        authProbes = ScreenRule.parse(root.child("authProbes"), Mode.OFF, 3);
        failedAuth = ScreenRule.parse(root.child("failedAuth"), Mode.ENFORCE, 10);
    }

    public static AuthPolicyConfig parse(ConfigReader root) {
        return new AuthPolicyConfig(root);
    }

    public static AuthPolicyConfig defaults() {
        return parse(ConfigReader.empty("<handler>"));
    }

    /** A11 is enforced: EHLO must not offer AUTH. */
    public boolean hidesAuth() {
        return noAuth == Mode.ENFORCE;
    }

    /** "Screen an IP after {@code limit} events within {@code window}, for {@code screenFor}." */
    static final class ScreenRule {
        final Mode mode;
        final int limit;
        final Duration window;
        final Duration screenFor;

        private ScreenRule(Mode mode, int limit, Duration window, Duration screenFor) {
            this.mode = mode;
            this.limit = limit;
            this.window = window;
            this.screenFor = screenFor;
        }

        static ScreenRule parse(ConfigReader reader, Mode defaultMode, int defaultLimit) {
            reader.allowOnly("mode", "limit", "window", "screenFor");
            return new ScreenRule(reader.mode("mode", defaultMode), reader.integer("limit", 1, defaultLimit),
                reader.duration("window", Duration.ofMinutes(10)), reader.duration("screenFor", Duration.ofMinutes(60)));
        }
    }
}
