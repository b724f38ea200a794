package org.jamesguard.core.auth;

import java.util.function.BooleanSupplier;

import org.jamesguard.core.SessionSnapshot;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Shared pieces of the check tables: a client, and look-up answers that fail the test when a check asks
 * a question its verdict does not depend on.
 */
final class CheckTables {
    /** A client outside every configured network. */
    static final String CLIENT_IP = "198.51.100.7";

    private CheckTables() {
    }

    static SessionSnapshot.Builder client() {
        return SessionSnapshot.builder(CLIENT_IP);
    }

    /** A table row: its name, the snapshot built, then the other columns as given. */
    static Arguments row(String name, SessionSnapshot.Builder session, Object... columns) {
        Object[] row = new Object[columns.length + 2];
        row[0] = name;
        row[1] = session.build();
        System.arraycopy(columns, 0, row, 2, columns.length);
        return Arguments.of(row);
    }

    /** The answer to a look-up; {@code null} means the check must not ask. */
    static BooleanSupplier answer(Boolean value) {
        return () -> {
            if (value == null) {
                throw new AssertionError("looked up although the verdict does not depend on it");
            }
            return value;
        };
    }
}
