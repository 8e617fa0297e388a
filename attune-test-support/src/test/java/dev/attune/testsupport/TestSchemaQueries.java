package dev.attune.testsupport;

import dev.attune.testsupport.server.ServerConnections;
import dev.attune.testsupport.server.TestDatabaseServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Catalog lookups for the test-support tests, on short-lived admin connections. */
final class TestSchemaQueries {

    private TestSchemaQueries() {
    }

    static ServerConnections connections() {
        return new ServerConnections(TestDatabaseServer.get());
    }

    static boolean schemaExists(String schema) {
        return !schemasLike(schema).isEmpty();
    }

    /** Schema names matching a LIKE pattern. */
    static List<String> schemasLike(String pattern) {
        try (Connection connection = connections().open("attune-test-support-test");
                PreparedStatement statement = connection.prepareStatement(
                        "select nspname from pg_catalog.pg_namespace where nspname like ? order by nspname")) {
            statement.setString(1, pattern);
            List<String> names = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
