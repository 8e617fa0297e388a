package dev.attune.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.db.SchemaName;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** {@link AdminSessions}: background work reuses warm sessions, and never one whose state is unknown. */
class AdminSessionsTest {

    private static final ServerConnections CONNECTIONS = new ServerConnections(TestDatabaseServer.get());

    @Test
    void consecutiveWorkRunsOnOneSessionUntilClosed() throws SQLException {
        String name = uniqueName();
        AdminSessions sessions = new AdminSessions(CONNECTIONS, name, 2);
        int first = sessions.use(AdminSessionsTest::pid);
        assertThat(sessions.use(AdminSessionsTest::pid)).as("the kept session").isEqualTo(first);
        String applicationName = sessions.use(session -> session.getClientInfo("ApplicationName"));
        assertThat(applicationName).isEqualTo(name);

        sessions.close();
        sessions.close();

        assertThat(sessions.use(AdminSessionsTest::pid)).as("after close: a session of its own").isNotEqualTo(first);
        assertThat(sessionsOnceAtMost(name, 0)).as("nothing kept after close").isZero();
    }

    @Test
    void aSessionWhoseWorkFailedOrLeftATransactionOpenIsClosedNotKept() throws SQLException {
        String name = uniqueName();
        try (AdminSessions sessions = new AdminSessions(CONNECTIONS, name, 2)) {
            int failed = sessions.use(AdminSessionsTest::pid);
            assertThatThrownBy(() -> sessions.use(session -> {
                try (Statement statement = session.createStatement()) {
                    return statement.execute("select no_such_column from pg_catalog.pg_class");
                }
            })).isInstanceOf(SQLException.class).hasMessageContaining("no_such_column");
            int afterFailure = sessions.use(AdminSessionsTest::pid);
            assertThat(afterFailure).isNotEqualTo(failed);

            sessions.use(session -> {
                session.setAutoCommit(false);
                return pid(session);
            });
            assertThat(sessions.use(AdminSessionsTest::pid)).as("left inside a transaction").isNotEqualTo(afterFailure);
        }
    }

    @Test
    void aKeptSessionTheServerEndedIsReplacedBeforeUse() throws SQLException {
        String name = uniqueName();
        try (AdminSessions sessions = new AdminSessions(CONNECTIONS, name, 1);
                Connection observer = CONNECTIONS.open("attune-admin-sessions-test")) {
            int kept = sessions.use(AdminSessionsTest::pid);
            try (PreparedStatement terminate = observer.prepareStatement("select pg_terminate_backend(?, 10000)")) {
                terminate.setInt(1, kept);
                try (ResultSet result = terminate.executeQuery()) {
                    result.next();
                    assertThat(result.getBoolean(1)).as("the kept session ended").isTrue();
                }
            }

            assertThat(sessions.use(AdminSessionsTest::pid)).isNotEqualTo(kept);
        }
    }

    @Test
    void keepsAtMostItsLimit() throws Exception {
        String name = uniqueName();
        try (AdminSessions sessions = new AdminSessions(CONNECTIONS, name, 1)) {
            // Two uses at once need two sessions; only one is kept afterwards.
            sessions.use(outer -> sessions.use(inner -> pid(inner) + pid(outer)));
            assertThat(sessionsOnceAtMost(name, 1)).isEqualTo(1);
        }
    }

    @Test
    void dropsASchemaAndToleratesOneAlreadyGone() throws SQLException {
        SchemaName schema = SchemaName.of("admin_sessions_test_" + HexFormat.of().toHexDigits(
                ThreadLocalRandom.current().nextInt()));
        try (AdminSessions sessions = new AdminSessions(CONNECTIONS, uniqueName(), 1)) {
            sessions.use(session -> {
                try (Statement statement = session.createStatement()) {
                    return statement.execute("create schema " + schema.value());
                }
            });
            assertThat(CONNECTIONS.schemaExists(schema.value())).isTrue();

            sessions.dropQuietly(schema);
            sessions.dropQuietly(schema); // none left: no error

            assertThat(CONNECTIONS.schemaExists(schema.value())).isFalse();
        }
    }

    private static String uniqueName() {
        return "attune-admin-sessions-test:" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /** A closed session's backend ends a moment later: the count of sessions named so once it is at most the bound. */
    private static int sessionsOnceAtMost(String applicationName, int bound) throws SQLException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        try (Connection observer = CONNECTIONS.open("attune-admin-sessions-test");
                PreparedStatement query = observer.prepareStatement(
                        "select count(*) from pg_catalog.pg_stat_activity where application_name = ?")) {
            query.setString(1, applicationName);
            while (true) {
                int count;
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    count = result.getInt(1);
                }
                if (count <= bound || System.nanoTime() > deadline) {
                    return count;
                }
                LockSupport.parkNanos(50_000_000L);
            }
        }
    }

    private static int pid(Connection session) throws SQLException {
        try (Statement statement = session.createStatement();
                ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }
}
