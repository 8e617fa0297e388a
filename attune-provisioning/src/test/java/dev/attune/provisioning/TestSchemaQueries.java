package dev.attune.provisioning;

import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Catalog lookups for the test-support tests, on short-lived admin connections. */
final class TestSchemaQueries {

    private TestSchemaQueries() {
    }

    static ServerConnections connections() {
        return new ServerConnections(TestDatabaseServer.get());
    }

    static boolean schemaExists(String schema) {
        return connections().schemaExists(schema);
    }

    /** Schema names matching a LIKE pattern. */
    static List<String> schemasLike(String pattern) {
        return connections().schemaNames(pattern);
    }

    /** Runs DDL on an admin connection. */
    static void execute(String sql) {
        try (Connection connection = connections().open("attune-test-support-test");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
