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

    public MigrationReplayer(List<MigrationScripts.Script> scripts) {
        this.scripts = List.copyOf(scripts);
    }

    /**
     * Creates {@code schema} with the marker comment {@code marker} and every migration, on {@code connection}.
     *
     * @throws SQLException after rolling back, so that nothing of the schema is left
     */
    public void createSchema(Connection connection, SchemaName schema, String marker) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
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
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Drops {@code schema} and everything in it, in its own transaction (one schema per transaction keeps locks few). */
    public static void dropSchema(Connection connection, SchemaName schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema.value() + " cascade");
        }
    }
}
