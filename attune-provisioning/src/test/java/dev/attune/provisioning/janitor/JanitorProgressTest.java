package dev.attune.provisioning.janitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attune.db.MigrationScripts;
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
        String name;
        try (RunLease run = RunLease.acquire(CONNECTIONS)) {
            name = TestDatabaseNames.database(run.runId());
            execute("create database " + name);
            databases.add(name);
            execute(TestDatabaseNames.commentStatement(run.runId(), currentDatabase(), "JanitorProgressTest"));
        }
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
            assertThat(progress).contains("dropped database " + database);
        }
        assertThat(cleaned.dropped()).isSubsetOf(cleaned.leaked());
        assertThat(single("select count(*) from pg_catalog.pg_database where datname = '" + name + "'")).isEqualTo("0");
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
