package dev.attune.db;

import dev.attune.migrations.Migrator;
import dev.attune.provisioning.TestServerConfigs;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * A schema {@code it_<16 random hex digits>} on the test server for tests that must run Flyway themselves (catalog,
 * upgrade path). The schema is not created here: Flyway or the test does that. {@link #close()} closes every pool opened
 * through this object and drops the schema with {@code CASCADE}, whatever state it is in.
 */
final class ScratchSchema implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TestDatabaseServer server;
    private final ServerConnections connections;
    private final SchemaName name;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private boolean closed;

    private ScratchSchema() {
        this.server = TestDatabaseServer.get();
        this.connections = new ServerConnections(server);
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        this.name = SchemaName.of("it_" + HexFormat.of().formatHex(random));
    }

    /** A new, not yet existing scratch schema name with its cleanup. */
    static ScratchSchema create() {
        return new ScratchSchema();
    }

    SchemaName name() {
        return name;
    }

    TestDatabaseServer server() {
        return server;
    }

    /** A pool bound to this schema ({@code attune:<schema>}), closed with this object. */
    synchronized Database open(int maxConnections) {
        Database database = Database.open(TestServerConfigs.forSchema(server, name, maxConnections));
        resources.push(database);
        return database;
    }

    /** Opens a pool and applies every migration with {@link Migrator}, as production does. */
    Database migrated() {
        Database database = open(2);
        new Migrator(database).migrate();
        return database;
    }

    /** A plain administrative connection (no schema binding); the caller closes it. */
    Connection admin() {
        return connections.open("attune-it-admin:" + name);
    }

    /** Registers something to close before the schema is dropped. */
    synchronized <T extends AutoCloseable> T closeLater(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("closing a resource of " + name + " failed", e)
                        : failure;
            }
        }
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + name.value() + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("dropping scratch schema " + name + " failed: " + e.getMessage(), e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "ScratchSchema[" + name + "]";
    }
}
