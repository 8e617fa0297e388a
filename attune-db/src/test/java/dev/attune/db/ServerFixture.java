package dev.attune.db;

import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * What a test of {@link Database} (or, through this module's test jar, of attune-migrations' {@code Migrator}) creates on
 * the test server, all of it dropped by {@link #close()}:
 * schemas {@code it_<16 hex>} and login roles {@code it_role_<16 hex>}, both unique to this object, and the pools opened
 * through {@link #open}. Nothing else on the server is touched.
 */
public final class ServerFixture implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TestDatabaseServer server = TestDatabaseServer.get();
    private final ServerConnections connections = new ServerConnections(server);
    private final List<String> schemas = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();
    private final Deque<Database> pools = new ArrayDeque<>();

    /** A fixture on the test server of this JVM ({@link TestDatabaseServer#get()}); nothing is created yet. */
    public ServerFixture() {
    }

    /** A schema name of this fixture; the schema itself is not created (the test does that, or not). */
    public synchronized SchemaName newSchema() {
        SchemaName name = SchemaName.of("it_" + randomHex());
        schemas.add(name.value());
        return name;
    }

    /** A new login role whose {@code search_path} in the test database is {@code schema} alone (what a pooler needs). */
    public synchronized String newRoleBoundTo(SchemaName schema) throws SQLException {
        String role = "it_role_" + randomHex();
        roles.add(role);
        String database = single("select current_database()");
        execute("create role " + role + " login");
        execute("alter role " + role + " in database \"" + database + "\" set search_path = " + schema.value());
        return role;
    }

    /** A role name of this fixture that is not created. */
    public synchronized String newMissingRole() {
        return "it_role_" + randomHex();
    }

    /** The test server's URL (credentials may be separate: {@link #config}). */
    public String url() {
        return server.url();
    }

    /** A configuration bound to {@code schema} on the test server, as the test server's user. */
    public DatabaseConfig.Builder config(SchemaName schema) {
        return DatabaseConfig.builder()
                .environment(Environment.TEST)
                .url(server.url())
                .user(server.user())
                .password(server.password())
                .schema(schema.value())
                .maxConnections(2);
    }

    /** {@link Database#open(DatabaseConfig)}, closed with this fixture. */
    public synchronized Database open(DatabaseConfig config) {
        Database database = Database.open(config);
        pools.push(database);
        return database;
    }

    /** A plain administrative connection (no schema binding); the caller closes it. */
    public Connection admin() {
        return connections.open("attune-db-test-admin");
    }

    /** Runs {@code sql} on an administrative connection. */
    public void execute(String sql) throws SQLException {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of the first row of {@code sql}, as text, on an administrative connection. */
    public String single(String sql) throws SQLException {
        try (Connection connection = admin(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            if (!result.next()) {
                throw new IllegalStateException("no row from " + sql);
            }
            return result.getString(1);
        }
    }

    public boolean schemaExists(SchemaName schema) {
        return connections.schemaExists(schema.value());
    }

    @Override
    public synchronized void close() throws SQLException {
        SQLException failure = null;
        while (!pools.isEmpty()) {
            pools.pop().close();
        }
        for (String schema : schemas) {
            try {
                execute("drop schema if exists " + schema + " cascade");
            } catch (SQLException e) {
                failure = first(failure, e);
            }
        }
        for (String role : roles) {
            try {
                execute("drop role if exists " + role);
            } catch (SQLException e) {
                failure = first(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static SQLException first(SQLException failure, SQLException e) {
        if (failure == null) {
            return e;
        }
        failure.addSuppressed(e);
        return failure;
    }

    private static String randomHex() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
