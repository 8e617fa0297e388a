package dev.attune.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attune.provisioning.janitor.CleanupReport;
import dev.attune.provisioning.janitor.Janitor;
import dev.attune.provisioning.janitor.JanitorLock;
import dev.attune.provisioning.internal.RunLease;
import dev.attune.provisioning.internal.TestSchemaNames;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

@ResourceLock(JanitorLock.NAME)
class JanitorTest {

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void dropWhatTheTestCreated() {
        created.forEach(schema -> TestSchemaQueries.execute("drop schema if exists " + schema + " cascade"));
    }

    @Test
    void dropsTheMarkedSchemasOfADeadRunAfterADryRunThatOnlyReportsThem() {
        // The lease stays held so that the janitors of concurrent test runs leave these schemas alone; this janitor
        // is told the run is dead, exactly as if its process had been killed.
        try (RunLease run = RunLease.acquire(TestSchemaQueries.connections())) {
            String first = markedSchema(run.runId(), 1);
            String second = markedSchema(run.runId(), 2);
            Janitor janitor = new Janitor(TestSchemaQueries.connections(),
                    (connection, runId) -> !runId.equals(run.runId()) && RunLease.isAlive(connection, runId));

            CleanupReport dryRun = janitor.clean(true, line -> { });
            assertThat(dryRun.leaked()).contains(first, second);
            assertThat(dryRun.dropped()).isEmpty();
            assertThat(TestSchemaQueries.schemaExists(first)).as("a dry run drops nothing").isTrue();

            List<String> progress = new ArrayList<>();
            CleanupReport cleaned = janitor.clean(false, progress::add);

            assertThat(cleaned.dropped()).contains(first, second);
            assertThat(progress).anySatisfy(line -> assertThat(line).startsWith("dropped " + first));
            assertThat(TestSchemaQueries.schemaExists(first)).isFalse();
            assertThat(TestSchemaQueries.schemaExists(second)).isFalse();
        }
    }

    @Test
    void aRunWhoseProcessDiedReleasesItsLeaseAndItsSchemasBecomeLeaked() {
        String schema;
        String runId;
        try (RunLease run = RunLease.acquire(TestSchemaQueries.connections())) {
            runId = run.runId();
            schema = markedSchema(runId, 1);
        }
        // Closing the lease's session is what the server does when the process dies (even with kill -9).
        new Janitor(TestSchemaQueries.connections()).clean(false, line -> { });

        assertThat(TestSchemaQueries.schemaExists(schema)).as(schema + " of dead run " + runId).isFalse();
    }

    @Test
    void leavesAloneTheSchemasOfARunWhoseLeaseIsHeld() {
        try (RunLease alive = RunLease.acquire(TestSchemaQueries.connections())) {
            String schema = markedSchema(alive.runId(), 1);

            CleanupReport report = new Janitor(TestSchemaQueries.connections()).clean(false, line -> { });

            assertThat(report.alive()).contains(schema);
            assertThat(report.dropped()).doesNotContain(schema);
            assertThat(TestSchemaQueries.schemaExists(schema)).isTrue();
        }
    }

    @Test
    void leavesAloneLookAlikesWithoutOrWithAForeignMarkerAndOtherSchemas() {
        String unmarked = create("test_" + randomRunId() + "_1", null);
        String wrongRun = create("test_" + randomRunId() + "_1",
                TestSchemaNames.marker(randomRunId(), "marker of another run"));
        String almost = create("test_" + randomRunId() + "_x", TestSchemaNames.marker("00000000", "bad name"));

        CleanupReport report = new Janitor(TestSchemaQueries.connections()).clean(false, line -> { });

        assertThat(report.unmarked()).contains(unmarked, wrongRun, almost);
        for (String schema : List.of(unmarked, wrongRun, almost, "public")) {
            assertThat(TestSchemaQueries.schemaExists(schema)).as(schema).isTrue();
        }
    }

    @Test
    void neverConsidersSchemasOutsideTheTestPattern() {
        String attuneLike = create("attune_janitor_" + randomRunId(), TestSchemaNames.marker("00000000", "x"));

        CleanupReport report = new Janitor(TestSchemaQueries.connections()).survey();

        assertThat(report.leaked()).doesNotContain(attuneLike, "public", "attune");
        assertThat(report.unmarked()).doesNotContain(attuneLike, "public", "attune");
    }

    private String markedSchema(String runId, int n) {
        return create("test_" + runId + "_" + n, TestSchemaNames.marker(runId, "JanitorTest"));
    }

    private String create(String schema, String comment) {
        TestSchemaQueries.execute("create schema " + schema);
        created.add(schema);
        if (comment != null) {
            TestSchemaQueries.execute("comment on schema " + schema + " is '" + comment + "'");
        }
        return schema;
    }

    private static String randomRunId() {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
