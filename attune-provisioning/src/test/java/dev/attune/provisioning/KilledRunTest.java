package dev.attune.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attune.provisioning.internal.RunLease;
import dev.attune.provisioning.janitor.CleanupReport;
import dev.attune.provisioning.janitor.Janitor;
import dev.attune.testserver.TestDatabaseServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Killed test runs. A run killed with SIGKILL (what {@code kill -9} sends) in the middle leaves its schemas behind; the
 * janitor of the next run removes exactly those. A run whose parent JVM is killed ends itself: no orphan keeps its lease
 * or its connections.
 */
class KilledRunTest {

    /** Generous bound for what takes well under a second when the machine is idle. */
    private static final long BOUND_SECONDS = 60;

    @Test
    void theSchemasOfAKilledRunAreRemovedByTheNextJanitorAndNothingElse() throws Exception {
        Process child = ChildJvm.start(ChildJvm.resolvedServerUrl(), LeasingRun.class);
        try (BufferedReader out = reader(child)) {
            String runId = protocolLine(out, "RUN ");
            List<String> leased = leasedSchemas(out);
            assertThat(runId).as("child run id").matches("[0-9a-f]{8}");
            List<String> before = TestSchemaQueries.schemasLike("test\\_" + runId + "\\_%");
            assertThat(before).containsAll(leased);

            child.destroyForcibly(); // SIGKILL: no shutdown hook, no JUnit store, nothing of the run gets to clean up
            assertThat(child.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();

            // Other test classes of this JVM start runs (and janitors) concurrently and may drop some of them first:
            // every schema of the killed run is either reported as leaked or already gone, none is "alive".
            CleanupReport report = waitUntilLeakedOrGone(before);
            assertThat(report.alive()).doesNotContainAnyElementsOf(before);
            assertThat(cleanUntilGone(runId)).isEmpty();
            assertThat(TestSchemaQueries.schemaExists("public")).isTrue();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aRunWhoseParentIsKilledEndsItselfAndKeepsNoLeaseAndNoConnection() throws Exception {
        Process parent = ChildJvm.start(ChildJvm.resolvedServerUrl(), RunParent.class);
        Optional<ProcessHandle> orphan = Optional.empty();
        try (BufferedReader out = reader(parent)) {
            orphan = ProcessHandle.of(Long.parseLong(protocolLine(out, "PID ")));
            String runId = protocolLine(out, "RUN ");
            List<String> leased = leasedSchemas(out);
            assertThat(connectionsOf(runId)).as("sessions of run " + runId).isGreaterThan(leased.size());
            assertThat(leaseHeld(runId)).isTrue();

            parent.destroyForcibly();
            assertThat(parent.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();

            assertThat(waitUntilEnded(orphan.orElseThrow())).as("the run process after its parent died").isFalse();
            assertThat(waitUntilNoConnectionsOf(runId)).as("sessions of run " + runId + " after its parent died")
                    .isZero();
            assertThat(leaseHeld(runId)).as("lease of run " + runId).isFalse();
            assertThat(new Janitor(TestSchemaQueries.connections()).survey().alive()).doesNotContainAnyElementsOf(leased);
            new Janitor(TestSchemaQueries.connections()).clean(false, line -> { });
            assertThat(TestSchemaQueries.schemasLike("test\\_" + runId + "\\_%")).isEmpty();
        } finally {
            parent.destroyForcibly();
            orphan.ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static List<String> leasedSchemas(BufferedReader out) throws IOException {
        List<String> leased = new ArrayList<>();
        for (int i = 0; i < LeasingRun.LEASES; i++) {
            leased.add(protocolLine(out, "SCHEMA "));
        }
        return leased;
    }

    /** The next line of the child's output that starts with {@code prefix} (its log lines go to the same stream). */
    private static String protocolLine(BufferedReader out, String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new AssertionError("the child process ended before printing '" + prefix + "...'");
    }

    /** Whether {@code process} is still alive once it has ended, or at the bound. */
    private static boolean waitUntilEnded(ProcessHandle process) throws InterruptedException {
        for (int attempt = 0; process.isAlive() && attempt < BOUND_SECONDS * 10; attempt++) {
            Thread.sleep(100);
        }
        return process.isAlive();
    }

    /** The server notices the dead client's closed sockets within moments; wait until its lease is released. */
    private static CleanupReport waitUntilLeakedOrGone(List<String> schemas) throws InterruptedException {
        CleanupReport report = null;
        for (int attempt = 0; attempt < BOUND_SECONDS * 10; attempt++) {
            report = new Janitor(TestSchemaQueries.connections()).survey();
            if (report.alive().stream().noneMatch(schemas::contains)) {
                return report;
            }
            Thread.sleep(100);
        }
        return report;
    }

    /**
     * Runs the janitor until no schema of run {@code runId} is left, or the bound: the killed run's backends may still
     * hold locks for a moment after its lease is gone, and a janitor skips a schema it cannot drop yet.
     */
    private static List<String> cleanUntilGone(String runId) throws InterruptedException {
        String pattern = "test\\_" + runId + "\\_%";
        List<String> left = TestSchemaQueries.schemasLike(pattern);
        for (int attempt = 0; !left.isEmpty() && attempt < BOUND_SECONDS * 5; attempt++) {
            new Janitor(TestSchemaQueries.connections()).clean(false, line -> { });
            left = TestSchemaQueries.schemasLike(pattern);
            if (!left.isEmpty()) {
                Thread.sleep(200);
            }
        }
        return left;
    }

    /** A backend ends shortly after its client: the number of sessions of the run once it is zero, or at the bound. */
    private static int waitUntilNoConnectionsOf(String runId) throws Exception {
        int sessions = connectionsOf(runId);
        for (int attempt = 0; sessions > 0 && attempt < BOUND_SECONDS * 10; attempt++) {
            Thread.sleep(100);
            sessions = connectionsOf(runId);
        }
        return sessions;
    }

    /** Sessions whose application name carries the run id: its lease, admin connections and schema pools. */
    private static int connectionsOf(String runId) throws SQLException {
        try (Connection connection = TestSchemaQueries.connections().open("attune-killed-run-test");
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from pg_catalog.pg_stat_activity where application_name like ?")) {
            query.setString(1, "%" + runId + "%");
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static boolean leaseHeld(String runId) throws SQLException {
        try (Connection connection = TestSchemaQueries.connections().open("attune-killed-run-test")) {
            return RunLease.isAlive(connection, runId);
        }
    }

    /**
     * A test run in a process of its own: prints its pid, starts a run, leases schemas, prints their names, then waits to
     * be killed or for its parent (pid in the first argument) to end — and then closes the run, as a finished run does.
     */
    public static final class LeasingRun {
        static final int LEASES = 3;
        /** How long closing the run may take after the parent died before the process halts regardless. */
        private static final long HALT_AFTER_MILLIS = 5_000;

        public static void main(String[] args) throws Exception {
            Optional<ProcessHandle> parent = ChildJvm.parent(args);
            Thread backstop = new Thread(() -> {
                try {
                    ChildJvm.awaitParentDeath(parent);
                    Thread.sleep(HALT_AFTER_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Runtime.getRuntime().halt(3);
            }, "parent-watch");
            backstop.setDaemon(true);
            backstop.start();

            System.out.println("PID " + ProcessHandle.current().pid());
            List<IsolatedSchema> schemas = new ArrayList<>();
            try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start()) {
                System.out.println("RUN " + provisioner.runId());
                for (int i = 0; i < LEASES; i++) {
                    IsolatedSchema schema = provisioner.lease("killed run " + i);
                    schemas.add(schema);
                    System.out.println("SCHEMA " + schema.name().value());
                }
                System.out.flush();
                ChildJvm.awaitParentDeath(parent);
                schemas.forEach(IsolatedSchema::close);
            }
        }
    }

    /**
     * The parent of a {@link LeasingRun}, killed by the test: starts the run, which writes to this process's standard
     * output (the test reads the run's pid and names there), and lives until its own parent (the test JVM) ends.
     */
    public static final class RunParent {

        public static void main(String[] args) throws Exception {
            ChildJvm.startSharingOutput(System.getProperty(TestDatabaseServer.URL_PROPERTY), LeasingRun.class);
            ChildJvm.awaitParentDeath(ChildJvm.parent(args));
        }
    }
}
