package dev.attune.provisioning.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Questions about a PostgreSQL advisory lock ({@code namespace}, {@code key}): the run leases' and the templates'. */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /**
     * Runs {@code query}, whose two parameters are the lock's namespace and key, and returns the boolean it selects:
     * whether a lock was taken ({@code pg_try_advisory_lock}), released, or is held by someone.
     *
     * @param connection the session asking (a lock taken is held by it)
     * @param query      a one-row, one-column boolean query with the parameters {@code (namespace, key)}
     * @param namespace  the lock's first key
     * @param key        the lock's second key
     * @return the query's answer
     * @throws SQLException when the server cannot be asked
     */
    public static boolean ask(Connection connection, String query, int namespace, int key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setInt(1, namespace);
            statement.setInt(2, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
