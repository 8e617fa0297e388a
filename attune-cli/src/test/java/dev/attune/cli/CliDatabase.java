package dev.attune.cli;

import dev.attune.provisioning.RunDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A database of its own on the test server for CLI tests, seen as the CLI sees it (environment variables) and as a test
 * inspects it (catalog).
 *
 * <p>The production path uses the fixed schema name {@code attune}. In the shared test database that name may belong to
 * someone else — a concurrent test run, or a real {@code attune} schema — so these tests never use it there: each gets a
 * {@link RunDatabase} {@code attune_test_<runid>}, dropped on {@link #close()}.
 */
final class CliDatabase implements AutoCloseable {

    private final RunDatabase database;

    private CliDatabase(RunDatabase database) {
        this.database = database;
    }

    /** Creates the database; {@code purpose} (the test) goes into its marker comment. */
    static CliDatabase create(String purpose) {
        return new CliDatabase(RunDatabase.create(purpose));
    }

    /** A fresh environment in which {@code config.production.yaml} points at this database. */
    Map<String, String> productionEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", database.url());
        if (database.user() != null) {
            environment.put("DATABASE_USER", database.user());
        }
        if (database.password() != null) {
            environment.put("DATABASE_PASSWORD", database.password());
        }
        return environment;
    }

    boolean schemaExists(String name) {
        return database.connections().schemaExists(name);
    }

    int countTables(String schema) {
        try (Connection connection = database.connections().open("attune-cli-test");
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from pg_catalog.pg_tables where schemaname = ?")) {
            query.setString(1, schema);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public String toString() {
        return database.toString();
    }
}
