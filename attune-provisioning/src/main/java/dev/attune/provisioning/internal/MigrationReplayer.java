package dev.attune.provisioning.internal;

import dev.attune.db.SchemaName;
import dev.attune.migrations.MigrationScripts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Builds a schema by replaying the migration SQL that Flyway applies, in one transaction: either the complete schema
 * exists afterwards, or nothing does.
 *
 * <p>The scripts run with {@code SET LOCAL search_path} to the new schema, which ends with the transaction, so the
 * connection is left as it was found.
 */
public final class MigrationReplayer {

    private final List<MigrationScripts.Script> scripts;

    /**
     * A replayer of {@code scripts}, in their order.
     *
     * @param scripts the migration scripts, as Flyway applies them
     */
    public MigrationReplayer(List<MigrationScripts.Script> scripts) {
        this.scripts = List.copyOf(scripts);
    }

    /**
     * Creates {@code schema} with the marker comment {@code marker} and every migration, on {@code connection}.
     *
     * @param connection a connection to the test server
     * @param schema     the new schema
     * @param marker     its comment
     * @throws SQLException after rolling back, so that nothing of the schema is left
     */
    public void createSchema(Connection connection, SchemaName schema, String marker) throws SQLException {
        Transactions.inOne(connection, statement -> {
            // The name is a validated SchemaName: lower-case, no reserved word, so it never needs quoting.
            statement.execute("create schema " + schema.value());
            statement.execute(TestSchemaNames.commentStatement(schema, marker));
            statement.execute("set local search_path to " + schema.value());
            for (MigrationScripts.Script script : scripts) {
                try {
                    statement.execute(script.sql());
                } catch (SQLException e) {
                    throw new SQLException("replaying " + script.fileName() + " into " + schema + " failed: "
                            + e.getMessage(), e.getSQLState(), e);
                }
            }
        });
    }

    /**
     * Drops {@code schema} and everything in it, in its own transaction (one schema per transaction keeps locks few).
     *
     * @param connection a connection to the test server, in auto-commit mode
     * @param schema     the schema; none is no error
     * @throws SQLException when the drop fails
     */
    public static void dropSchema(Connection connection, SchemaName schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema.value() + " cascade");
        }
    }
}
