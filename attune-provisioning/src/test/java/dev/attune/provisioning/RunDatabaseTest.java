package dev.attune.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.db.AttuneDbException;
import dev.attune.provisioning.internal.RunLease;
import dev.attune.provisioning.internal.TestDatabaseNames;
import dev.attune.provisioning.janitor.CleanupReport;
import dev.attune.provisioning.janitor.DatabaseJanitor;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Run databases: created marked under a lease, dropped on close, reclaimed by the janitor only when their run died. */
class RunDatabaseTest {

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void dropWhatTheTestCreated() {
        created.forEach(database -> TestSchemaQueries.execute("drop database if exists " + database + " with (force)"));
    }

    @Test
    void aRunDatabaseIsMarkedReachableThroughItsUrlAndDroppedOnClose() throws SQLException {
        RunDatabase database = RunDatabase.create("RunDatabaseTest");
        String name = database.name();
        try {
            assertThat(name).matches("attune_test_[0-9a-f]{8}");
            assertThat(TestDatabaseNames.leaseDatabaseOf(comment(name), TestDatabaseNames.runIdOf(name).orElseThrow()))
                    .as("marker of " + name).isPresent();
            try (Connection connection = database.connections().open("attune-run-database-test")) {
                assertThat(single(connection, "select current_database()")).isEqualTo(name);
            }
            assertThat(new DatabaseJanitor(TestSchemaQueries.connections()).survey().alive()).contains(name);
        } finally {
            database.close();
        }
        database.close(); // idempotent

        assertThat(databaseExists(name)).isFalse();
    }

    @Test
    void theJanitorDropsTheMarkedDatabaseOfADeadRunAfterADryRunThatOnlyReportsIt() throws SQLException {
        String name;
        try (RunLease run = RunLease.acquire(TestSchemaQueries.connections())) {
            name = markedDatabase(run.runId(), leaseDatabase());
        }
        // The lease's session ended, as when the run's process is killed.
        DatabaseJanitor janitor = new DatabaseJanitor(TestSchemaQueries.connections());

        CleanupReport dryRun = janitor.clean(true, line -> { });
        // A concurrent run's janitor may have dropped it already: either way it was never counted as alive.
        assertThat(dryRun.alive()).doesNotContain(name);
        assertThat(dryRun.dropped()).isEmpty();

        List<String> progress = new ArrayList<>();
        janitor.clean(false, progress::add);

        assertThat(databaseExists(name)).isFalse();
    }

    @Test
    void theJanitorLeavesAloneLiveRunsLookAlikesAndDatabasesLeasedElsewhere() throws SQLException {
        try (RunLease run = RunLease.acquire(TestSchemaQueries.connections())) {
            String live = markedDatabase(run.runId(), leaseDatabase());
            String unmarked = create(TestDatabaseNames.database(randomRunId()), null);
            String otherRunId = randomRunId();
            String foreignMarker = create(TestDatabaseNames.database(randomRunId()),
                    TestDatabaseNames.commentStatement(otherRunId, leaseDatabase(), "marker of another run"));
            String leasedElsewhere = markedDatabase(randomRunId(), "some_other_database");

            CleanupReport report = new DatabaseJanitor(TestSchemaQueries.connections()).clean(false, line -> { });

            assertThat(report.alive()).contains(live, leasedElsewhere);
            assertThat(report.unmarked()).contains(unmarked, foreignMarker);
            assertThat(report.dropped()).doesNotContain(live, unmarked, foreignMarker, leasedElsewhere);
            for (String database : List.of(live, unmarked, foreignMarker, leasedElsewhere)) {
                assertThat(databaseExists(database)).as(database).isTrue();
            }
        }
    }

    @Test
    void theUrlOfARunDatabaseKeepsHostsAndParameters() {
        assertThat(RunDatabase.urlOfDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&ssl=false", "x_1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/x_1?user=postgres&ssl=false");
        assertThat(RunDatabase.urlOfDatabase("jdbc:postgresql://a:1,b:2/db", "x_1"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/x_1");
        assertThat(RunDatabase.urlOfDatabase("jdbc:postgresql://localhost?user=u", "x_1"))
                .isEqualTo("jdbc:postgresql://localhost/x_1?user=u");
        assertThatThrownBy(() -> RunDatabase.urlOfDatabase("jdbc:postgresql:postgres", "x_1"))
                .isInstanceOf(AttuneDbException.class)
                .hasMessageContaining("jdbc:postgresql://host[:port][/database][?parameters]");
    }

    private String markedDatabase(String runId, String leaseDatabase) {
        return create(TestDatabaseNames.database(runId),
                TestDatabaseNames.commentStatement(runId, leaseDatabase, "RunDatabaseTest"));
    }

    /** Creates {@code database} from template0 and marks it with {@code commentStatement} (if any); dropped after. */
    private String create(String database, String commentStatement) {
        TestSchemaQueries.execute("create database " + database + " template template0");
        created.add(database);
        if (commentStatement != null) {
            TestSchemaQueries.execute(commentStatement.replaceFirst("^comment on database \\S+",
                    "comment on database " + database));
        }
        return database;
    }

    private static String leaseDatabase() throws SQLException {
        try (Connection connection = TestSchemaQueries.connections().open("attune-run-database-test")) {
            return single(connection, "select current_database()");
        }
    }

    private static String comment(String database) throws SQLException {
        try (Connection connection = TestSchemaQueries.connections().open("attune-run-database-test");
                PreparedStatement query = connection.prepareStatement(
                        "select shobj_description(oid, 'pg_database') from pg_catalog.pg_database where datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    private static boolean databaseExists(String database) throws SQLException {
        try (Connection connection = TestSchemaQueries.connections().open("attune-run-database-test");
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from pg_catalog.pg_database where datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1) == 1;
            }
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet result = query.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    private static String randomRunId() {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
