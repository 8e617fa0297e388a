package dev.attune.provisioning;

import dev.attune.db.AttuneDbException;
import dev.attune.provisioning.internal.RunLease;
import dev.attune.provisioning.internal.TestDatabaseNames;
import dev.attune.provisioning.janitor.CleanupReport;
import dev.attune.provisioning.janitor.DatabaseJanitor;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database {@code attune_test_<runid>} created on the test server for one run, for tests that must use fixed names
 * (the production schema {@code attune}) and so must not run in the shared test database, where another run — or a
 * real {@code attune} schema — may already use them.
 *
 * <p>It is created from {@code template0} under its own run lease (the advisory lock of {@link RunLease}, held in the
 * test database) and marked with a comment naming that run; {@link #close()} drops it and releases the lease. When a run
 * is killed first, the {@link DatabaseJanitor} of a later run drops it, since its lease is gone; the first
 * {@code RunDatabase} created in a JVM runs that janitor. The server's user needs the {@code CREATEDB} privilege.
 */
public final class RunDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunDatabase.class);
    private static final AtomicBoolean JANITOR_RAN = new AtomicBoolean();
    /** {@code jdbc:postgresql://hosts/database?parameters}: group 1 up to the hosts, group 3 the parameters. */
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    private final TestDatabaseServer server;
    private final ServerConnections admin;
    private final RunLease lease;
    private final String name;
    private final String url;
    private boolean closed;

    private RunDatabase(TestDatabaseServer server, ServerConnections admin, RunLease lease) {
        this.server = server;
        this.admin = admin;
        this.lease = lease;
        this.name = TestDatabaseNames.database(lease.runId());
        this.url = urlOfDatabase(server.url(), name);
    }

    /**
     * Creates a run database on the test server; {@code purpose} (e.g. the test class) goes into its marker.
     *
     * @param purpose what the database is for
     * @return the database; close it to drop it
     */
    public static RunDatabase create(String purpose) {
        return create(TestDatabaseServer.get(), purpose);
    }

    /**
     * Creates a run database on {@code server}; {@code purpose} (e.g. the test class) goes into its marker.
     *
     * @param server  the server to create it on
     * @param purpose what the database is for
     * @return the database; close it to drop it
     * @throws AttuneDbException when it cannot be created (the user needs {@code CREATEDB})
     */
    public static RunDatabase create(TestDatabaseServer server, String purpose) {
        ServerConnections admin = new ServerConnections(server);
        if (JANITOR_RAN.compareAndSet(false, true)) {
            CleanupReport report = new DatabaseJanitor(admin).clean(false, LOG::info);
            if (!report.leaked().isEmpty()) {
                LOG.warn("Found {} test database(s) of dead runs: {}", report.leaked().size(), report.summary());
            }
        }
        RunLease lease = RunLease.acquire(admin);
        RunDatabase database = new RunDatabase(server, admin, lease);
        try (Connection connection = admin.open("attune-test-database:" + lease.runId());
                Statement statement = connection.createStatement()) {
            // template0 accepts no connections, so concurrent creations never fail with "source database is being
            // accessed by other users" as template1 can. Unmarked until the comment lands: the janitor ignores it.
            statement.execute("create database " + database.name + " template template0");
            statement.execute(TestDatabaseNames.commentStatement(lease.runId(), currentDatabase(statement), purpose));
        } catch (SQLException | RuntimeException e) {
            try {
                database.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new AttuneDbException("cannot create test database " + database.name + " on " + server.description()
                    + " (the user needs the CREATEDB privilege): " + e.getMessage(), e);
        }
        LOG.debug("Created test database {} for {}", database.name, purpose);
        return database;
    }

    /** {@return the database name, {@code attune_test_<runid>}} */
    public String name() {
        return name;
    }

    /** {@return the test server's JDBC URL with this database in place of the server's own (same parameters)} */
    public String url() {
        return url;
    }

    /** {@return the user to connect as, when not given in the URL (as {@link TestDatabaseServer#user()})} */
    public String user() {
        return server.user();
    }

    /** {@return the password, when not given in the URL (as {@link TestDatabaseServer#password()})} */
    public String password() {
        return server.password();
    }

    /** {@return plain administrative connections into this database} */
    public ServerConnections connections() {
        return ServerConnections.of(url, server.user(), server.password(), name + " on " + server.description());
    }

    /**
     * Drops the database — ending any session still connected to it, which can only be this run's — and releases the
     * lease. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Connection connection = admin.open("attune-test-database:" + lease.runId());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            throw new AttuneDbException("dropping test database " + name + " failed: " + e.getMessage()
                    + "; a later run's janitor drops it", e);
        } finally {
            lease.close();
        }
    }

    private static String currentDatabase(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("select current_database()")) {
            result.next();
            return result.getString(1);
        }
    }

    /** {@code serverUrl} naming {@code database} instead of its own database. */
    static String urlOfDatabase(String serverUrl, String database) {
        Matcher matcher = URL.matcher(serverUrl);
        if (!matcher.matches()) {
            throw new AttuneDbException("cannot derive a test database URL from the test server's URL: expected"
                    + " jdbc:postgresql://host[:port][/database][?parameters]");
        }
        return matcher.group(1) + "/" + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }

    @Override
    public String toString() {
        return "RunDatabase[" + name + " on " + server.description() + "]";
    }
}
