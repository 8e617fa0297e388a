package dev.attune.repositories.execution;

import dev.attune.db.Database;
import dev.attune.db.DatabaseConfig;
import dev.attune.db.SchemaName;
import dev.attune.repositories.RepositoryException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to the execution changes of one schema: every insert and update of an {@code execution} row, as published by
 * the {@code notify_execution_change} trigger on the channel {@code <schema>_notifications}
 * ({@link SchemaName#notificationChannel()}). NOTIFY channels are database-wide, but the channel names the schema, so a
 * listener hears its own schema only.
 *
 * <pre>
 * try (ExecutionNotifications notifications = ExecutionNotifications.listen(database, change -&gt; ...)) {
 *     ...
 * }
 * </pre>
 *
 * <p>{@link #listen} holds one connection for the listener's lifetime, runs {@code LISTEN} on it before returning (so
 * every change committed afterwards is delivered) and starts a daemon thread that polls for notifications and hands each
 * parsed {@link ExecutionChange} to the listener, in commit order, on that thread. A listener that throws is logged and
 * keeps receiving; a payload that cannot be parsed is logged and skipped. If the connection breaks, the failure is logged
 * and listening stops ({@link #isListening()} turns false); open a new instance to resume — changes in between are lost,
 * as with any NOTIFY consumer.
 *
 * <p>{@link #close()} stops the thread, runs {@code UNLISTEN} and closes the connection; it is idempotent.
 */
public final class ExecutionNotifications implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionNotifications.class);

    /** How long one poll waits for notifications; bounds how long {@link #close()} waits for the thread. */
    static final int POLL_MILLIS = 250;

    private static final long CLOSE_WAIT_MILLIS = 10_000;

    private final SchemaName schema;
    private final Connection connection;
    private final PGConnection pgConnection;
    private final Consumer<ExecutionChange> listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean listening = true;

    private ExecutionNotifications(SchemaName schema, Connection connection, PGConnection pgConnection,
            Consumer<ExecutionChange> listener) {
        this.schema = schema;
        this.connection = connection;
        this.pgConnection = pgConnection;
        this.listener = listener;
        this.thread = new Thread(this::run, "attune-execution-notifications-" + schema);
        this.thread.setDaemon(true);
    }

    /**
     * Starts listening to the execution changes of {@code database}'s schema on a dedicated connection opened with the
     * database's URL and credentials — outside its pool, so it takes no pool slot.
     *
     * @throws RepositoryException when the connection cannot be opened or {@code LISTEN} fails
     */
    public static ExecutionNotifications listen(Database database, Consumer<ExecutionChange> listener) {
        Objects.requireNonNull(database, "database");
        DatabaseConfig config = database.config();
        Properties properties = new Properties();
        if (config.user() != null) {
            properties.setProperty("user", config.user());
        }
        if (config.password() != null) {
            properties.setProperty("password", config.password());
        }
        properties.setProperty("ApplicationName", "attune-notifications:" + config.schema());
        Connection connection;
        try {
            connection = DriverManager.getConnection(config.url(), properties);
        } catch (SQLException e) {
            throw failure(config.schema(), "cannot open a connection", e);
        }
        return start(connection, config.schema(), listener);
    }

    /**
     * Starts listening to the execution changes of {@code schema} on one connection taken from {@code dataSource} (a
     * pooled connection is held, and so unavailable to the pool, until {@link #close()}). The connection's own search
     * path does not matter: the channel is named after {@code schema}.
     *
     * @throws RepositoryException when no connection can be obtained or {@code LISTEN} fails
     */
    public static ExecutionNotifications listen(DataSource dataSource, SchemaName schema,
            Consumer<ExecutionChange> listener) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(schema, "schema");
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw failure(schema, "cannot get a connection", e);
        }
        return start(connection, schema, listener);
    }

    private static ExecutionNotifications start(Connection connection, SchemaName schema,
            Consumer<ExecutionChange> listener) {
        try {
            Objects.requireNonNull(listener, "listener");
            PGConnection pgConnection = connection.unwrap(PGConnection.class);
            // Plain SQL: jOOQ has no LISTEN statement. The channel is a validated schema name plus a suffix, quoted anyway.
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN \"" + schema.notificationChannel() + "\"");
            }
            if (!connection.getAutoCommit()) {
                connection.commit(); // LISTEN takes effect at commit
            }
            ExecutionNotifications notifications = new ExecutionNotifications(schema, connection, pgConnection, listener);
            notifications.thread.start();
            LOG.debug("Listening to execution changes on channel {}", schema.notificationChannel());
            return notifications;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, schema);
            if (e instanceof SQLException sql) {
                throw failure(schema, "LISTEN on channel " + schema.notificationChannel() + " failed", sql);
            }
            throw (RuntimeException) e;
        }
    }

    /** The schema whose execution changes this instance receives. */
    public SchemaName schema() {
        return schema;
    }

    /** Whether changes are still being received: false after {@link #close()} or once the connection broke. */
    public boolean isListening() {
        return listening && !closed.get();
    }

    /**
     * Stops listening: waits for the polling thread to end (at most one poll interval plus the listener call in progress,
     * bounded), then {@code UNLISTEN}s and closes the connection. Idempotent. Called from within the listener, it only
     * asks the thread to stop, which then cleans up once the listener returns.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(CLOSE_WAIT_MILLIS);
            if (thread.isAlive()) {
                LOG.warn("Execution listener for schema {} did not stop within {} ms (a listener call is still running);"
                        + " its connection is closed when it returns", schema, CLOSE_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the connection is closed (for tests). */
    boolean connectionClosed() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ExecutionNotifications[" + schema.notificationChannel() + (isListening() ? "" : ", stopped") + "]";
    }

    private void run() {
        String channel = schema.notificationChannel();
        try {
            while (!closed.get()) {
                PGNotification[] notifications = pgConnection.getNotifications(POLL_MILLIS);
                if (notifications == null) {
                    continue;
                }
                for (PGNotification notification : notifications) {
                    if (channel.equals(notification.getName())) {
                        deliver(notification.getParameter());
                    }
                }
            }
        } catch (SQLException e) {
            if (!closed.get()) {
                LOG.error("Execution listener for schema {} lost its connection and stopped listening: {}", schema,
                        e.getMessage(), e);
            }
        } finally {
            listening = false;
            release();
        }
    }

    private void deliver(String payload) {
        ExecutionChange change;
        try {
            change = ExecutionChange.parse(payload);
        } catch (RuntimeException e) {
            LOG.warn("Ignoring a notification on {} that is not an execution change: {}", schema.notificationChannel(),
                    e.getMessage());
            return;
        }
        if (!schema.equals(change.schema())) {
            LOG.warn("Ignoring a notification on {} about schema {}", schema.notificationChannel(), change.schema());
            return;
        }
        try {
            listener.accept(change);
        } catch (RuntimeException e) {
            LOG.error("Execution listener for schema {} failed on the change of execution {}; it keeps listening",
                    schema, change.entityId(), e);
        }
    }

    private void release() {
        try {
            if (!connection.isClosed()) {
                try (Statement statement = connection.createStatement()) {
                    // A pooled connection goes back to its pool: it must not keep listening there.
                    statement.execute("UNLISTEN *");
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
        } catch (SQLException e) {
            LOG.debug("UNLISTEN on {} failed ({}); closing the connection anyway", schema.notificationChannel(),
                    e.getMessage());
        } finally {
            closeQuietly(connection, schema);
        }
    }

    private static void closeQuietly(Connection connection, SchemaName schema) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the execution listener connection of schema {} failed: {}", schema, e.getMessage());
        }
    }

    private static RepositoryException failure(SchemaName schema, String what, SQLException e) {
        return new RepositoryException("execution", "listening to execution changes of schema " + schema + ": " + what
                + ": " + e.getMessage(), e);
    }
}
