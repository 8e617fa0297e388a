package dev.attune.provisioning.benchmark;

import dev.attune.db.Database;
import dev.attune.db.SchemaName;
import dev.attune.migrations.MigrationScripts;
import dev.attune.migrations.Migrator;
import dev.attune.provisioning.IsolatedSchema;
import dev.attune.provisioning.ProvisioningSettings;
import dev.attune.provisioning.ProvisioningStatistics;
import dev.attune.provisioning.TestSchemaProvisioner;
import dev.attune.provisioning.TestServerConfigs;
import dev.attune.provisioning.internal.MigrationReplayer;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures, side by side in one run against the test server, what one test waits for to get a migrated schema and give
 * it back, for our provisioner and its peers. Each scenario gets warm-up iterations, then timed ones, sequentially, in
 * one JVM; every lease inserts one row so that a reset has something to delete. Run with
 * {@code ./mvnw -q -pl attune-provisioning -am -Pbenchmark verify -DskipTests}; the table (and a text chart) go to
 * standard output, see docs/performance.md.
 */
public final class ProvisioningBenchmark {

    private static final int SCHEMA_ITERATIONS = Integer.getInteger("benchmark.schemas", 20);
    private static final int LEASE_ITERATIONS = Integer.getInteger("benchmark.leases", 200);
    /** TRUNCATE costs a schema's worth of catalog work per reset: it gets fewer iterations than the cheap resets. */
    private static final int TRUNCATE_ITERATIONS = Integer.getInteger("benchmark.truncates", 50);
    private static final int WARMUP = 3;
    private static final int COLD_RUNS = Integer.getInteger("benchmark.coldRuns", 3);
    private static final int WARM_RUNS = Integer.getInteger("benchmark.warmRuns", 20);
    private static final String BLOAT_LEVELS = System.getProperty("benchmark.bloatLevels", "0,50000,200000,400000");
    private static final int BLOAT_REPLAYS = Integer.getInteger("benchmark.bloatReplays", 5);
    /** Where the Markdown output also goes (scripts/benchmark.sh collects it). */
    private static final String OUTPUT = System.getProperty("benchmark.output", "target/provisioning-benchmark.md");
    private static final String INSERT = "insert into pack (ref, label, version) values ('bench', 'Bench', '1.0.0')";

    private ProvisioningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestDatabaseServer server = TestDatabaseServer.get();
        ServerConnections connections = new ServerConnections(server);
        Report report = new Report();
        report.add(Timings.measure("Flyway per test (migrate a new schema, drop it)", SCHEMA_ITERATIONS, WARMUP, i -> {
            SchemaName schema = SchemaName.of("bench_flyway_" + Peers.RUN + "_" + i);
            try (Database database = Database.open(TestServerConfigs.forSchema(server, schema, 1), "attune-benchmark")) {
                new Migrator(database).migrate();
            }
            drop(connections, schema);
        }));
        MigrationReplayer replayer = new MigrationReplayer(MigrationScripts.load());
        report.add(Timings.measure("Replay per test (migration SQL in one transaction, drop)", SCHEMA_ITERATIONS, WARMUP,
                i -> {
                    SchemaName schema = SchemaName.of("bench_replay_" + Peers.RUN + "_" + i);
                    try (Connection connection = connections.open("attune-benchmark")) {
                        replayer.createSchema(connection, schema, "benchmark");
                    }
                    drop(connections, schema);
                }));
        report.add(Peers.templateDatabaseClone(server, connections, replayer, SCHEMA_ITERATIONS, WARMUP));
        report.add(Peers.reset("TRUNCATE reset (all tables, restart identity, warm connection)", server, connections,
                replayer, true, TRUNCATE_ITERATIONS, WARMUP));
        report.add(Peers.reset("DELETE reset without checks (warm connection)", server, connections, replayer, false,
                LEASE_ITERATIONS, WARMUP));
        report.add(leases("Ours, fresh mode: lease + release (ready queue of 2, dropped after use)", server, false,
                SCHEMA_ITERATIONS));
        report.add(leases("Ours, recycle mode: lease + release (what the test waits)", server, true, LEASE_ITERATIONS));
        Runs runs = new Runs(server, connections);
        report.add(runs.cold(COLD_RUNS));
        report.add(runs.warm(WARM_RUNS));
        String bloat = BLOAT_LEVELS.isBlank() ? "" : new CatalogBloat(connections, replayer).measure(
                Arrays.stream(BLOAT_LEVELS.split(",")).mapToInt(level -> Integer.parseInt(level.trim())).toArray(),
                BLOAT_REPLAYS);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            out.printf(Locale.ROOT, "Server: %s%n", serverFacts(connections));
            report.print(out);
            out.print(bloat);
        }
        String markdown = text.toString(StandardCharsets.UTF_8);
        System.out.print(markdown);
        Path output = Path.of(OUTPUT);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, markdown);
    }

    /** Times what the test waits for: {@code lease()} plus {@code close()}; the insert in between is not timed. */
    private static Timings leases(String name, TestDatabaseServer server, boolean recycle, int iterations)
            throws Exception {
        ProvisioningSettings settings = new ProvisioningSettings(2, 4, 2, Duration.ofMinutes(2), false, recycle);
        try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start(server, settings)) {
            Timings timings = Timings.measureParts(name, iterations, WARMUP, clock -> {
                IsolatedSchema schema = provisioner.lease("benchmark");
                clock.pause();
                schema.dsl().execute(INSERT);
                clock.resume();
                schema.close();
            });
            ProvisioningStatistics statistics = provisioner.statistics();
            if (recycle && statistics.recycled() > 0) {
                timings = timings.withNote(String.format(Locale.ROOT, "background work per recycle %.1f ms (%d recycled, %d replaced)",
                        statistics.recycleTime().toNanos() / 1e6 / statistics.recycled(), statistics.recycled(),
                        statistics.replaced()));
            }
            return timings;
        }
    }

    private static String serverFacts(ServerConnections connections) throws Exception {
        try (Connection connection = connections.open("attune-benchmark");
                var statement = connection.createStatement();
                var result = statement.executeQuery("select 'PostgreSQL ' || current_setting('server_version')"
                        + " || ', autovacuum ' || current_setting('autovacuum') || ', fsync ' || current_setting('fsync')"
                        + " || ', shared_buffers ' || current_setting('shared_buffers')"
                        + " || ', max_connections ' || current_setting('max_connections')")) {
            result.next();
            return result.getString(1);
        }
    }

    static void drop(ServerConnections connections, SchemaName schema) throws Exception {
        try (Connection connection = connections.open("attune-benchmark")) {
            MigrationReplayer.dropSchema(connection, schema);
        }
    }
}
