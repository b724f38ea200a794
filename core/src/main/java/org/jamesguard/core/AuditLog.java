package org.jamesguard.core;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One structured line per decision that refuses, warns, reports, freezes, unfreezes or screens, on a
 * dedicated logger ({@value #LOGGER_NAME}) so administrators can route it to its own file.
 */
public final class AuditLog {
    public static final String LOGGER_NAME = "org.jamesguard.audit";
    private static final Logger LOGGER = LoggerFactory.getLogger(LOGGER_NAME);

    private AuditLog() {
    }

    /** {@code check=... verdict=... reply="..." session=... ip=... account=... listener=... detail="..."} */
    public static void decision(CheckId check, String verdict, Optional<Reply> reply, AuditContext context,
                                Optional<String> detail) {
        if (!LOGGER.isInfoEnabled()) {
            return;
        }
        StringBuilder line = new StringBuilder("check=").append(check.name())
            .append(" verdict=").append(verdict);
        reply.ifPresent(r -> line.append(" reply=").append(Header.quote(r.toString())));
        line.append(' ').append(context);
        detail.ifPresent(d -> line.append(" detail=").append(Header.quote(d)));
        LOGGER.info(line.toString());
    }

    /** {@code event=... session=... ip=... account=... listener=... detail="..."} for actions on state. */
    public static void event(String event, AuditContext context, String detail) {
        LOGGER.info("event={} {} detail={}", event, context, Header.quote(detail));
    }
}
