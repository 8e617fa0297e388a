package dev.attune.provisioning.benchmark;

import dev.attune.db.Database;
import dev.attune.db.MigrationScripts;
import dev.attune.db.Migrator;
import dev.attune.db.SchemaName;
import dev.attune.provisioning.IsolatedSchema;
import dev.attune.provisioning.ProvisioningSettings;
import dev.attune.provisioning.TestSchemaProvisioner;
import dev.attune.provisioning.TestServerConfigs;
import dev.attune.provisioning.internal.MigrationReplayer;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures, side by side in one run against the test server, what one test waits for to get a migrated schema and give
 * it back:
 * <ol>
 *   <li>Flyway per test (migrate a new schema with Flyway, then drop it) — the baseline;</li>
 *   <li>replay per test (the migration SQL in one transaction, then drop) — what fresh-mode schemas cost the server;</li>
 *   <li>a lease in fresh mode (ready pool filled in the background, schema dropped after use);</li>
 *   <li>a lease in recycle mode (verified, emptied and reused).</li>
 * </ol>
 * Each lease inserts one row so that recycling has something to delete. Run with
 * {@code ./mvnw -q -pl attune-test-support -am -Pbenchmark verify -DskipTests}; results go to standard output.
 */
public final class ProvisioningBenchmark {

    private static final int SCHEMA_ITERATIONS = Integer.getInteger("benchmark.schemas", 20);
    private static final int LEASE_ITERATIONS = Integer.getInteger("benchmark.leases", 60);
    private static final int WARMUP = 3;

    private ProvisioningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestDatabaseServer server = TestDatabaseServer.get();
        ServerConnections connections = new ServerConnections(server);
        List<Result> results = new ArrayList<>();
        results.add(measure("Flyway per test", SCHEMA_ITERATIONS, i -> {
            SchemaName schema = SchemaName.of("bench_flyway_" + i);
            try (Database database = Database.open(TestServerConfigs.forSchema(server, schema, 1), "attune-benchmark")) {
                new Migrator(database).migrate();
            }
            drop(connections, schema);
        }));
        MigrationReplayer replayer = new MigrationReplayer(MigrationScripts.load());
        results.add(measure("Replay per test", SCHEMA_ITERATIONS, i -> {
            SchemaName schema = SchemaName.of("bench_replay_" + i);
            try (Connection connection = connections.open("attune-benchmark")) {
                replayer.createSchema(connection, schema, "benchmark");
            }
            drop(connections, schema);
        }));
        results.add(leases("Lease, fresh mode", server, false));
        results.add(leases("Lease, recycle mode", server, true));

        double baseline = results.get(0).median();
        System.out.printf(Locale.ROOT, "%n| Scenario | n | median ms | mean ms | p90 ms | median vs Flyway |%n|---|---|---|---|---|---|%n");
        for (Result result : results) {
            String ratio = result == results.get(0) ? "baseline"
                    : String.format(Locale.ROOT, "%.1fx faster", baseline / result.median());
            System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %s |%n", result.name(),
                    result.millis().length, result.median(), result.mean(), result.p90(), ratio);
        }
    }

    private static Result leases(String name, TestDatabaseServer server, boolean recycle) throws Exception {
        ProvisioningSettings settings = new ProvisioningSettings(2, 4, 2, Duration.ofMinutes(2), false, recycle);
        try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start(server, settings)) {
            return measure(name, LEASE_ITERATIONS, i -> {
                try (IsolatedSchema schema = provisioner.lease("benchmark " + i)) {
                    schema.dsl().execute("insert into pack (ref, label, version) values ('bench', 'Bench', '1.0.0')");
                }
            });
        }
    }

    private static Result measure(String name, int iterations, Step step) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            step.run(iterations + i); // warm-up iterations get their own names
        }
        double[] millis = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            step.run(i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "%s: %d iterations done%n", name, iterations);
        return new Result(name, millis);
    }

    private static void drop(ServerConnections connections, SchemaName schema) throws Exception {
        try (Connection connection = connections.open("attune-benchmark")) {
            MigrationReplayer.dropSchema(connection, schema);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run(int iteration) throws Exception;
    }

    private record Result(String name, double[] millis) {
        double median() {
            return percentile(0.5);
        }

        double p90() {
            return percentile(0.9);
        }

        double mean() {
            return Arrays.stream(millis).average().orElse(Double.NaN);
        }

        private double percentile(double p) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
        }
    }
}
