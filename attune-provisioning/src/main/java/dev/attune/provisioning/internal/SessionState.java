package dev.attune.provisioning.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a pooled connection carries state a test left in its session, which the next test of the same schema would
 * otherwise inherit: settings changed with {@code SET} (including {@code SET ROLE}), {@code LISTEN} channels, held
 * cursors, SQL-level prepared statements, temporary objects, or an open transaction. Advisory locks, the remaining kind,
 * are visible from any session: {@link SchemaRecycler} finds those of all the pool's sessions in its single
 * {@code pg_locks} read instead of one read per connection.
 *
 * <p>Settings given at connection start (the schema binding, the application name) have the source {@code client}, not
 * {@code session}, so a clean connection reports nothing. A dirty connection is evicted from its pool rather than
 * repaired: ending the session is the only reset that provably forgets everything.
 */
public final class SessionState {

    /**
     * How many things the session it runs in carries: backend-local views only. Temporary objects are found through
     * pg_depend's index on the session's temporary namespace (pg_class has no index on the namespace alone, and the
     * test server's pg_class is large). Also evaluated by {@link SchemaRecycler} inside its single round trip, before
     * any setting of its own.
     */
    static final String LEFTOVERS = """
            (select count(*) from pg_catalog.pg_settings where source = 'session')
             + (select count(*) from pg_catalog.pg_listening_channels())
             + (select count(*) from pg_catalog.pg_cursors where is_holdable)
             + (select count(*) from pg_catalog.pg_prepared_statements where from_sql)
             + (select count(*) from pg_catalog.pg_depend
                where pg_catalog.pg_my_temp_schema() <> 0
                  and refclassid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
                  and refobjid = pg_catalog.pg_my_temp_schema())""";
    private static final String QUERY = "select " + LEFTOVERS;

    private final long leftovers;

    private SessionState(long leftovers) {
        this.leftovers = leftovers;
    }

    /**
     * Reads the state of {@code connection}'s session (which must not be inside a transaction of its own).
     *
     * @param connection a connection of a schema's pool
     * @return the session's state
     * @throws SQLException when it cannot be read
     */
    public static SessionState of(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            return new SessionState(1); // a test left auto-commit off: its transaction state is unknown
        }
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(QUERY)) {
            result.next();
            return new SessionState(result.getLong(1));
        }
    }

    /** {@return whether the session carries nothing a test left behind} */
    public boolean clean() {
        return leftovers == 0;
    }
}
