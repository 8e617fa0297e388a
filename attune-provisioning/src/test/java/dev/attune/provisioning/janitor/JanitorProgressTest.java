package dev.attune.provisioning.janitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attune.migrations.MigrationScripts;
import dev.attune.provisioning.TestSchemaProvisioner;
import dev.attune.provisioning.internal.RunLease;
import dev.attune.provisioning.internal.TemplateKey;
import dev.attune.provisioning.internal.TestDatabaseNames;
import dev.attune.provisioning.internal.TestSchemaNames;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * What the janitors report while they work, line by line, and the current template they keep. A concurrent run's
 * janitor (the test database may be shared) can drop a dead run's leftovers first; the assertions on progress lines
 * therefore hold for whatever this janitor reported, and the leftovers are gone either way.
 */
@ResourceLock(JanitorLock.NAME)
class JanitorProgressTest {

    private static final ServerConnections CONNECTIONS = new ServerConnections(TestDatabaseServer.get());
    private final List<String> schemas = new ArrayList<>();
    private final List<String> databases = new ArrayList<>();

    @AfterEach
    void dropWhatTheTestCreated() throws SQLException {
        for (String schema : schemas) {
            execute("drop schema if exists " + schema + " cascade");
        }
        for (String database : databases) {
            execute("drop database if exists " + database + " with (force)");
        }
    }

    @Test
    void theSchemaJanitorReportsEachSchemaItWouldDropAndEachItDropsWithItsPosition() throws SQLException {
        String first;
        String second;
        try (RunLease run = RunLease.acquire(CONNECTIONS)) {
            first = markedSchema(run.runId(), 1);
            second = markedSchema(run.runId(), 2);
        }
        Janitor janitor = new Janitor(CONNECTIONS);

        List<String> dryProgress = new ArrayList<>();
        CleanupReport dryRun = janitor.clean(true, dryProgress::add);
        for (String schema : dryRun.leaked()) {
            assertThat(dryProgress).contains("would drop " + schema);
        }
        assertThat(dryProgress).hasSize(dryRun.leaked().size());

        List<String> progress = new ArrayList<>();
        CleanupReport cleaned = janitor.clean(false, progress::add);
        int total = cleaned.leaked().size();
        for (String schema : cleaned.dropped()) {
            int position = cleaned.leaked().indexOf(schema) + 1;
            assertThat(progress).contains("dropped " + schema + " (" + position + "/" + total + ")");
        }
        assertThat(CONNECTIONS.schemaExists(first)).isFalse();
        assertThat(CONNECTIONS.schemaExists(second)).isFalse();
    }

    @Test
    void aRunThatComesAliveBetweenSurveyAndDropKeepsItsSchemas() throws SQLException {
        try (RunLease run = RunLease.acquire(CONNECTIONS)) {
            String schema = markedSchema(run.runId(), 1);
            // Dead when surveyed, alive when re-checked right before the drop.
            int[] asked = {0};
            Janitor janitor = new Janitor(CONNECTIONS, (connection, runId) ->
                    runId.equals(run.runId()) ? asked[0]++ > 0 : RunLease.isAlive(connection, runId));

            CleanupReport report = janitor.clean(false, line -> { });

            assertThat(report.leaked()).contains(schema);
            assertThat(report.dropped()).doesNotContain(schema);
            assertThat(CONNECTIONS.schemaExists(schema)).isTrue();
        }
    }

    @Test
    void aSchemaThatCannotBeDroppedIsReportedAndTheOthersStillAre() throws SQLException {
        try (RunLease run = RunLease.acquire(CONNECTIONS);
                Connection janitorConnection = CONNECTIONS.open("attune-janitor-test");
                Connection holder = CONNECTIONS.open("attune-janitor-test-lock")) {
            String locked = markedSchema(run.runId(), 1);
            String free = markedSchema(run.runId(), 2);
            execute("create table " + locked + ".busy (id int)");
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("lock table " + locked + ".busy in access exclusive mode");
            }
            try (Statement statement = janitorConnection.createStatement()) {
                statement.execute("set lock_timeout = '200ms'");
            }
            Janitor janitor = new Janitor(CONNECTIONS,
                    (connection, runId) -> !runId.equals(run.runId()) && RunLease.isAlive(connection, runId));

            List<String> progress = new ArrayList<>();
            CleanupReport report = janitor.clean(janitorConnection, false, progress::add);
            holder.rollback();

            assertThat(report.dropped()).contains(free).doesNotContain(locked);
            assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("could not drop " + locked + ": "));
            assertThat(CONNECTIONS.schemaExists(locked)).isTrue();
            assertThat(CONNECTIONS.schemaExists(free)).isFalse();
        }
    }

    @Test
    void aDatabaseInUseIsReportedAndKept() throws SQLException {
        String name = deadRunDatabase();
        String url = TestDatabaseServer.get().url();
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        String inDatabase = url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
        ServerConnections there = ServerConnections.of(inDatabase, TestDatabaseServer.get().user(),
                TestDatabaseServer.get().password(), "the run database");
        try (Connection user = there.open("attune-janitor-test-user")) {
            List<String> progress = new ArrayList<>();
            CleanupReport report = new DatabaseJanitor(CONNECTIONS).clean(false, progress::add);

            assertThat(report.dropped()).doesNotContain(name);
            if (report.leaked().contains(name)) {
                assertThat(progress).anySatisfy(line -> assertThat(line)
                        .startsWith("could not drop database " + name + ": "));
            }
            assertThat(user.isValid(5)).isTrue();
        }
    }

    @Test
    void theCurrentTemplateIsSharedAndKept() throws SQLException {
        try (TestSchemaProvisioner run = TestSchemaProvisioner.start();
                Connection connection = CONNECTIONS.open("attune-janitor-test")) {
            String template = TemplateKey.of(connection, MigrationScripts.load()).templateName().value();
            assertThat(run).isNotNull();

            CleanupReport report = new Janitor(CONNECTIONS).clean(false, line -> { });

            assertThat(report.shared()).contains(template);
            assertThat(report.stale()).doesNotContain(template);
            assertThat(CONNECTIONS.schemaExists(template)).isTrue();
        }
    }

    @Test
    void theDatabaseJanitorReportsWhatItWouldDropAndWhatItDrops() throws SQLException {
        String name = deadRunDatabase();
        DatabaseJanitor janitor = new DatabaseJanitor(CONNECTIONS);

        List<String> dryProgress = new ArrayList<>();
        CleanupReport dryRun = janitor.clean(true, dryProgress::add);
        assertThat(dryRun.dropped()).isEmpty();
        for (String database : dryRun.leaked()) {
            assertThat(dryProgress).contains("would drop database " + database);
        }
        assertThat(dryProgress).hasSize(dryRun.leaked().size());

        List<String> progress = new ArrayList<>();
        CleanupReport cleaned = janitor.clean(false, progress::add);
        for (String database : cleaned.dropped()) {
            assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("dropped database " + database + " ("));
        }
        assertThat(cleaned.dropped()).isSubsetOf(cleaned.leaked());
        assertThat(single("select count(*) from pg_catalog.pg_database where datname = '" + name + "'")).isEqualTo("0");
    }

    /** A run database marked as its run's, whose run has ended (its lease taken and released): leaked. */
    private String deadRunDatabase() throws SQLException {
        try (RunLease run = RunLease.acquire(CONNECTIONS)) {
            String name = TestDatabaseNames.database(run.runId());
            execute("create database " + name);
            databases.add(name);
            execute(TestDatabaseNames.commentStatement(run.runId(), currentDatabase(), "JanitorProgressTest"));
            return name;
        }
    }

    private String markedSchema(String runId, int n) throws SQLException {
        String schema = TestSchemaNames.schema(runId, n).value();
        execute("create schema " + schema);
        schemas.add(schema);
        execute(TestSchemaNames.commentStatement(TestSchemaNames.schema(runId, n),
                TestSchemaNames.marker(runId, "JanitorProgressTest")));
        return schema;
    }

    private static String currentDatabase() throws SQLException {
        return single("select current_database()");
    }

    private static String single(String sql) throws SQLException {
        try (Connection connection = CONNECTIONS.open("attune-janitor-test"); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = CONNECTIONS.open("attune-janitor-test"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
