package dev.attune.repositories.execution;

import dev.attune.db.Database;
import dev.attune.db.SchemaName;
import dev.attune.repositories.RepositoryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * every change committed afterwards is delivered), proves that the connection really receives notifications — a test
 * {@code NOTIFY} sent from another connection must arrive within {@value #SELF_TEST_MILLIS} ms, or the listener is closed
 * and refused (a connection behind a transaction pooler accepts {@code LISTEN} but never hears anything) — and starts a
 * daemon thread that polls for notifications and hands each
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

    /** How long {@link #listen} waits for its own test notification before declaring the connection deaf. */
    static final int SELF_TEST_MILLIS = 5_000;

    /** Payload prefix of test notifications; other listeners on the channel skip them. */
    static final String SELF_TEST_PREFIX = "attune-listener-self-test:";

    private final SchemaName schema;
    private final Connection connection;
    private final PGConnection pgConnection;
    private final Consumer<ExecutionChange> listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread thread;
    private final String selfTestPayload = SELF_TEST_PREFIX + UUID.randomUUID();
    private final CountDownLatch selfTestHeard = new CountDownLatch(1);
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
     * Starts listening to the execution changes of {@code database}'s schema on a dedicated connection outside its pool
     * (so it takes no pool slot): {@code database.direct_url} when set, else {@code database.url}, checked like every
     * connection of the library ({@link Database#openDirectConnection}). The test notification is sent through the pool.
     *
     * @param database the database whose schema is listened to
     * @param listener called with each change, on the listening thread
     * @return the running listener; close it to stop
     * @throws dev.attune.db.DirectConnectionRequiredException with {@code database.pooler: transaction} and no
     *                                                         {@code database.direct_url}: LISTEN is never sent through
     *                                                         a transaction pooler
     * @throws dev.attune.db.SchemaBindingException            when the connection is bound to another schema
     * @throws RepositoryException                             when {@code LISTEN} fails or the connection hears nothing
     */
    public static ExecutionNotifications listen(Database database, Consumer<ExecutionChange> listener) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(listener, "listener");
        SchemaName schema = database.schema();
        Connection connection = database.openDirectConnection("attune-notifications:" + schema,
                "listening to execution changes of schema " + schema, "LISTEN");
        return start(connection, schema, listener, database.dataSource());
    }

    /**
     * Starts listening to the execution changes of {@code schema} on one connection taken from {@code dataSource} (a
     * pooled connection is held, and so unavailable to the pool, until {@link #close()}). The connection's own search
     * path does not matter: the channel is named after {@code schema}. The test notification is sent on a second
     * connection from {@code dataSource}, borrowed briefly: a pool needs room for two. Never pass a data source that
     * goes through a transaction pooler: the test notification is not heard there, and {@code listen} fails.
     *
     * @param dataSource where the listening connection comes from
     * @param schema     the schema whose executions are listened to
     * @param listener   called with each change, on the listening thread
     * @return the running listener; close it to stop
     * @throws RepositoryException when no connection can be obtained, {@code LISTEN} fails or the connection hears
     *                             nothing
     */
    public static ExecutionNotifications listen(DataSource dataSource, SchemaName schema,
            Consumer<ExecutionChange> listener) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(listener, "listener");
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw failure(schema, "cannot get a connection", e);
        }
        return start(connection, schema, listener, dataSource);
    }

    private static ExecutionNotifications start(Connection connection, SchemaName schema,
            Consumer<ExecutionChange> listener, DataSource notifyThrough) {
        ExecutionNotifications notifications;
        try {
            PGConnection pgConnection = connection.unwrap(PGConnection.class);
            // Plain SQL: jOOQ has no LISTEN statement. The channel is a validated schema name plus a suffix, quoted anyway.
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN \"" + schema.notificationChannel() + "\"");
            }
            if (!connection.getAutoCommit()) {
                connection.commit(); // LISTEN takes effect at commit
            }
            notifications = new ExecutionNotifications(schema, connection, pgConnection, listener);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, schema);
            if (e instanceof SQLException sql) {
                throw failure(schema, "LISTEN on channel " + schema.notificationChannel() + " failed", sql);
            }
            throw (RuntimeException) e;
        }
        notifications.thread.start();
        notifications.selfTest(notifyThrough);
        LOG.debug("Listening to execution changes on channel {}", schema.notificationChannel());
        return notifications;
    }

    /**
     * Sends a test notification from another connection and waits until the polling thread has heard it; closes this
     * instance and fails when it does not arrive. Sent from another session on purpose: a session always hears its own
     * NOTIFY, even when it is not the one that ran LISTEN (as behind a transaction pooler).
     */
    private void selfTest(DataSource notifyThrough) {
        String channel = schema.notificationChannel();
        try (Connection other = notifyThrough.getConnection();
                PreparedStatement notify = other.prepareStatement("select pg_catalog.pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, selfTestPayload);
            notify.execute();
            if (!other.getAutoCommit()) {
                other.commit(); // NOTIFY is delivered at commit
            }
        } catch (SQLException e) {
            close();
            throw failure(schema, "sending the test notification on channel " + channel + " failed", e);
        }
        boolean heard;
        try {
            heard = selfTestHeard.await(SELF_TEST_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            heard = false;
        }
        if (!heard) {
            close();
            throw new RepositoryException("execution", "listening to execution changes of schema " + schema
                    + ": the listening connection did not receive a test notification on channel " + channel
                    + " within " + SELF_TEST_MILLIS + " ms, so it cannot receive notifications; refusing to start a"
                    + " deaf listener. Is it going through a transaction pooler (PgBouncer pool_mode = transaction)?"
                    + " LISTEN needs a connection to PostgreSQL itself: set database.direct_url.", null);
        }
    }

    /**
     * The schema whose execution changes this instance receives.
     *
     * @return the schema listened to
     */
    public SchemaName schema() {
        return schema;
    }

    /**
     * Whether changes are still being received: false after {@link #close()} or once the connection broke.
     *
     * @return whether the listener is still running
     */
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
                    if (!channel.equals(notification.getName())) {
                        continue;
                    }
                    String payload = notification.getParameter();
                    if (selfTestPayload.equals(payload)) {
                        selfTestHeard.countDown();
                    } else if (payload == null || !payload.startsWith(SELF_TEST_PREFIX)) {
                        deliver(payload); // another listener's test notification is skipped
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
