package dev.attune.provisioning.internal;

import dev.attune.db.AttuneDbException;
import dev.attune.testserver.ServerConnections;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The liveness lease of a test run: a session-level advisory lock held on a dedicated connection for the whole run.
 *
 * <p>While the lock is held, the janitor leaves the run's schemas alone; when the process dies (even with {@code kill -9})
 * the server ends the session and releases the lock, so the next run's janitor may drop them.
 */
public final class RunLease implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String runId;
    private final Connection connection;
    private boolean closed;

    private RunLease(String runId, Connection connection) {
        this.runId = runId;
        this.connection = connection;
    }

    /**
     * Picks a fresh random run id and takes its lock.
     *
     * @param connections connections to the test database, where the lease's session stays open
     * @return the lease
     * @throws dev.attune.db.AttuneDbException when no lease could be taken
     */
    public static RunLease acquire(ServerConnections connections) {
        for (int attempt = 0; attempt < 5; attempt++) {
            byte[] bytes = new byte[4];
            RANDOM.nextBytes(bytes);
            String runId = HexFormat.of().formatHex(bytes);
            Connection connection = connections.open("attune-test-run:" + runId);
            try {
                if (tryLock(connection, runId)) {
                    return new RunLease(runId, connection);
                }
                connection.close();
            } catch (SQLException e) {
                closeQuietly(connection);
                throw new AttuneDbException("cannot take the test run lease: " + e.getMessage(), e);
            }
        }
        throw new AttuneDbException("cannot take a test run lease: 5 random run ids were all locked");
    }

    /**
     * Whether the run {@code runId} is alive, i.e. some session holds its lease; asked on {@code connection}.
     *
     * <p>It reads {@code pg_locks} instead of trying the lock: a probe that took the lock for a moment would make every
     * other run's janitor probing at that moment see a dead run as alive.
     *
     * @param connection a connection to the database holding the leases
     * @param runId      the run id
     * @return true while a session holds the run's lease
     * @throws SQLException when the server cannot be asked
     */
    public static boolean isAlive(Connection connection, String runId) throws SQLException {
        String query = "select exists (select 1 from pg_catalog.pg_locks where locktype = 'advisory'"
                + " and database = (select oid from pg_catalog.pg_database where datname = current_database())"
                + " and classid = ?::int4::oid and objid = ?::int4::oid and objsubid = 2 and granted)";
        return AdvisoryLocks.ask(connection, query, TestSchemaNames.LOCK_NAMESPACE, TestSchemaNames.lockKey(runId));
    }

    private static boolean tryLock(Connection connection, String runId) throws SQLException {
        return AdvisoryLocks.ask(connection, "select pg_try_advisory_lock(?, ?)", TestSchemaNames.LOCK_NAMESPACE,
                TestSchemaNames.lockKey(runId));
    }

    /**
     * Takes a shared advisory lock ({@code namespace}, {@code key}) on the lease's connection, held until the run ends
     * (or its process dies), waiting while someone holds it exclusively.
     *
     * @param namespace the lock's first key
     * @param key       the lock's second key
     * @throws SQLException when the lock cannot be taken
     */
    public synchronized void holdShared(int namespace, int key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock_shared(?, ?)")) {
            lock.setInt(1, namespace);
            lock.setInt(2, key);
            lock.execute();
        }
    }

    /** Work on the lease's connection. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param connection the lease's connection
         * @return the work's result
         * @throws SQLException when the work fails
         */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on the lease's connection, one caller at a time: the run's start and end do their catalog work
     * here instead of opening a connection of their own (each new session costs a server process). The work must
     * leave the connection in auto-commit mode with no transaction open, and release any advisory lock it took.
     *
     * @param <T>  the work's result
     * @param work the work
     * @return what the work returned
     * @throws SQLException when the work fails
     * @throws IllegalStateException when the lease is closed
     */
    public synchronized <T> T use(Work<T> work) throws SQLException {
        if (closed) {
            throw new IllegalStateException("the lease of test run " + runId + " is closed");
        }
        return work.run(connection);
    }

    /** {@return this run's id (8 hex digits)} */
    public String runId() {
        return runId;
    }

    /**
     * Releases the lease and closes its connection. Idempotent.
     *
     * <p>The locks are released explicitly first: a closed connection's backend may exit a moment after {@code close()}
     * returns, and until then its locks would still make the run look alive.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try (Statement unlock = connection.createStatement()) {
                unlock.execute("select pg_advisory_unlock_all()");
            } catch (SQLException ignored) {
                // The session is unusable; closing it below ends it, and its locks with it.
            }
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The session is gone either way, and with it the lock.
        }
    }
}
