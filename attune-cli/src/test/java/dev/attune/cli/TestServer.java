package dev.attune.cli;

import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** The test PostgreSQL server, seen as the CLI sees it (environment variables) and as a test inspects it (catalog). */
final class TestServer {

    private TestServer() {
    }

    /** An environment in which {@code config.production.yaml} points at the test server. */
    static Map<String, String> productionEnvironment() {
        TestDatabaseServer server = TestDatabaseServer.get();
        Map<String, String> environment = new HashMap<>();
        environment.put("DATABASE_URL", server.url());
        if (server.user() != null) {
            environment.put("DATABASE_USER", server.user());
        }
        if (server.password() != null) {
            environment.put("DATABASE_PASSWORD", server.password());
        }
        return environment;
    }

    static boolean schemaExists(String name) {
        return new ServerConnections(TestDatabaseServer.get()).schemaExists(name);
    }

    static int countTables(String schema) {
        try (Connection connection = connect();
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

    static void dropAttuneSchema() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists attune cascade");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() {
        return new ServerConnections(TestDatabaseServer.get()).open("attune-cli-test");
    }
}
