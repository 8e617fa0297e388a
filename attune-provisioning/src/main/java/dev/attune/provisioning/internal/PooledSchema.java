package dev.attune.provisioning.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.attune.db.Database;
import dev.attune.db.SchemaName;
import dev.attune.provisioning.TestServerConfigs;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A test schema together with its connection pool, kept with it across leases: a recycled schema is handed out with
 * connections whose server processes and catalog caches are already warm, instead of a new pool per lease.
 *
 * <p>Also remembers the schema's {@link CatalogVersion} when it was last verified, against which the recycler detects
 * changes. Not thread-safe: a schema is used by one lease or one background task at a time.
 */
public final class PooledSchema {

    /** The {@code application_name} of a drop outside the run's background work. */
    private static final String DROP_APPLICATION_NAME = "attune-test-drop";

    private final SchemaName name;
    private final Database database;
    private final int size;
    private CatalogVersion verified;
    /**
     * Per session known clean: its {@code state_change} (microseconds) when last seen; unchanged means it has run
     * nothing since.
     */
    private final Map<Integer, Long> quietSince = new HashMap<>();
    /** The session the last recycle worked on: worked on again, since its own state is read in the same round trip. */
    private int lastWorkerPid;

    private PooledSchema(SchemaName name, Database database, int size) {
        this.name = name;
        this.database = database;
        this.size = size;
    }

    /**
     * Opens a pool of {@code size} connections bound to the (existing, verified) schema {@code name} and records the
     * schema's catalog version on its first connection. A new pool's sessions are new, hence clean: nothing waits for
     * the others, which the pool opens in its own thread.
     *
     * @param server the test server
     * @param name   the schema
     * @param size   the pool size
     * @return the pooled schema
     * @throws SQLException when the catalog version cannot be read (the pool is closed again)
     */
    public static PooledSchema open(TestDatabaseServer server, SchemaName name, int size) throws SQLException {
        Database database = Database.open(TestServerConfigs.forSchema(server, name, size), "attune-test:" + name);
        PooledSchema schema = new PooledSchema(name, database, size);
        try (Connection connection = database.dataSource().getConnection()) {
            schema.verified = CatalogVersion.of(connection, name.value());
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
        return schema;
    }

    /** {@return the schema's name} */
    public SchemaName name() {
        return name;
    }

    /** {@return the pool bound to the schema} */
    public Database database() {
        return database;
    }

    /** {@return the catalog version recorded when the schema was last verified} */
    public CatalogVersion verifiedVersion() {
        return verified;
    }

    /** Whether the pool is open and none of its connections is still borrowed (a test that closed everything). */
    boolean idle() {
        HikariDataSource pool = hikari();
        if (pool == null || pool.isClosed()) {
            return false;
        }
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        return bean != null && bean.getActiveConnections() == 0;
    }

    /**
     * Borrows every connection the pool may hold — waiting for those it is still opening, so that none of the pool's
     * own sessions can later pass for another session using the schema. Nothing is sent to the server: whether each
     * session is clean is decided by the caller ({@link PoolSessions#checkEach()} or {@link PoolSessions#markClean}). The
     * caller closes the result, which gives the clean connections back and evicts the others.
     */
    PoolSessions borrowAll() throws SQLException {
        PoolSessions sessions = new PoolSessions(hikari());
        try {
            for (int i = 0; i < size; i++) {
                sessions.add(database.dataSource().getConnection());
            }
            return sessions;
        } catch (SQLException | RuntimeException e) {
            sessions.close();
            throw e;
        }
    }

    /** The {@code state_change} of session {@code pid} when it was last seen clean, null when unknown. */
    Long quietSince(int pid) {
        return quietSince.get(pid);
    }

    /** Records sessions seen clean, with their {@code state_change}. */
    void recordQuiet(Map<Integer, Long> changes) {
        quietSince.putAll(changes);
    }

    /** The session the last recycle worked on, 0 when none. */
    int lastWorkerPid() {
        return lastWorkerPid;
    }

    /** Records the session a recycle worked on: its state changed by that work, it is read again next time. */
    void recordWorker(int pid) {
        lastWorkerPid = pid;
        quietSince.remove(pid);
    }

    /** Closes the pool; the schema itself stays. Idempotent. */
    public void closePool() {
        database.close();
    }

    /**
     * Closes the pool and drops the schema (one schema per transaction), logging instead of throwing.
     *
     * @param sessions administrative sessions to the test server
     */
    public void closeAndDrop(AdminSessions sessions) {
        closePool();
        sessions.dropQuietly(name);
    }

    /**
     * Closes the pool and drops the schema on a session of its own, logging instead of throwing.
     *
     * @param connections administrative connections to the test server
     */
    public void closeAndDrop(ServerConnections connections) {
        closeAndDrop(AdminSessions.unkept(connections, DROP_APPLICATION_NAME));
    }

    /**
     * Drops {@code schema} on a session of its own, logging instead of throwing: the janitor of a later run drops what
     * is left.
     *
     * @param connections administrative connections to the test server
     * @param schema      the schema
     */
    public static void dropQuietly(ServerConnections connections, SchemaName schema) {
        AdminSessions.unkept(connections, DROP_APPLICATION_NAME).dropQuietly(schema);
    }

    private HikariDataSource hikari() {
        return unwrap(database);
    }

    private static HikariDataSource unwrap(Database database) {
        try {
            return database.dataSource().unwrap(HikariDataSource.class);
        } catch (SQLException | IllegalStateException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "PooledSchema[" + name + "]";
    }
}
