package dev.attune.provisioning.internal;

import dev.attune.db.SchemaName;
import dev.attune.testserver.ServerConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Administrative sessions kept for the run's background work, building and dropping schemas: each task takes a warm
 * session instead of starting a new one. A new session costs a server process and cold catalog caches: building and
 * dropping schemas on two threads took a median 21 % less time per schema on kept sessions than on a new session per
 * step (ten interleaved pairs, docs/performance.md).
 *
 * <p>At most {@code keep} sessions are kept (the background threads'); a session whose work failed, or that was left
 * inside a transaction, is closed instead of kept, and a kept session that the server ended meanwhile (an idle
 * timeout, an administrator) is replaced before use. After {@link #close()} each use opens and closes a session of its
 * own.
 */
public final class AdminSessions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminSessions.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    private final ServerConnections connections;
    private final String applicationName;
    private final int keep;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    /**
     * @param connections     opens the sessions
     * @param applicationName their {@code application_name}
     * @param keep            how many idle sessions to keep at most
     */
    public AdminSessions(ServerConnections connections, String applicationName, int keep) {
        this.connections = connections;
        this.applicationName = applicationName;
        this.keep = keep;
    }

    /**
     * Sessions that are not kept: each use opens and closes its own (for work done once, outside the background).
     *
     * @param connections     opens the sessions
     * @param applicationName their {@code application_name}
     * @return the sessions
     */
    public static AdminSessions unkept(ServerConnections connections, String applicationName) {
        return new AdminSessions(connections, applicationName, 0);
    }

    /**
     * Runs {@code work} on a kept session, or a new one when none is idle.
     *
     * @param <T>  the work's result
     * @param work the work; it must leave the session in auto-commit mode with no transaction open
     * @return what the work returned
     * @throws SQLException when the work fails
     */
    public <T> T use(RunLease.Work<T> work) throws SQLException {
        Connection session = take();
        boolean reusable = false;
        try {
            T result = work.run(session);
            reusable = session.getAutoCommit();
            return result;
        } finally {
            if (!reusable || !giveBack(session)) {
                closeQuietly(session);
            }
        }
    }

    /**
     * Drops {@code schema} and everything in it, logging instead of throwing: the janitor of a later run drops what is
     * left.
     *
     * @param schema the schema; none is no error
     */
    public void dropQuietly(SchemaName schema) {
        try {
            use(session -> {
                MigrationReplayer.dropSchema(session, schema);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not drop test schema {} ({}); the next run's janitor will", schema, e.getMessage());
        }
    }

    /** Closes the idle sessions; later uses open sessions of their own. Idempotent. */
    @Override
    public void close() {
        synchronized (idle) {
            closed = true;
            idle.forEach(AdminSessions::closeQuietly);
            idle.clear();
        }
    }

    private Connection take() {
        while (true) {
            Connection session;
            synchronized (idle) {
                session = idle.poll();
            }
            if (session == null) {
                return connections.open(applicationName);
            }
            if (isAlive(session)) {
                return session;
            }
            closeQuietly(session);
        }
    }

    /** One empty round trip: far cheaper than the work that follows, which would otherwise fail on a dead session. */
    private static boolean isAlive(Connection session) {
        try {
            return session.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean giveBack(Connection session) {
        synchronized (idle) {
            if (closed || idle.size() >= keep) {
                return false;
            }
            idle.push(session);
            return true;
        }
    }

    private static void closeQuietly(Connection session) {
        try {
            session.close();
        } catch (SQLException ignored) {
            // A session that cannot be closed cleanly is gone with its socket.
        }
    }
}
