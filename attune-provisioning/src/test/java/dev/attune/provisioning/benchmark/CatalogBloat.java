package dev.attune.provisioning.benchmark;

import dev.attune.db.SchemaName;
import dev.attune.provisioning.internal.CatalogFingerprint;
import dev.attune.provisioning.internal.CatalogMaintenance;
import dev.attune.provisioning.internal.CatalogVersion;
import dev.attune.provisioning.internal.MigrationReplayer;
import dev.attune.testserver.ServerConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What dead catalog rows cost, to choose when a run vacuums the catalogs (only done when autovacuum is off): for each
 * level of dead {@code pg_attribute} rows — made by creating and dropping a wide table, the same dead rows a dropped
 * schema leaves — the time of a replay + drop (what builds test schemas and the server's own catalog lookups), of a
 * catalog version read (what every recycle does), of a catalog fingerprint (the deparse of every object a run does once)
 * and of the vacuum that clears them.
 */
final class CatalogBloat {

    /** Columns of the churn table: each create + drop leaves this many dead pg_attribute rows (plus 6 system ones). */
    private static final int COLUMNS = 1600;

    private final ServerConnections connections;
    private final MigrationReplayer replayer;
    private final List<String> rows = new ArrayList<>();

    CatalogBloat(ServerConnections connections, MigrationReplayer replayer) {
        this.connections = connections;
        this.replayer = replayer;
    }

    /** Measures each level in {@code levels} (dead rows), {@code replays} replays and 20 version reads each. */
    String measure(int[] levels, int replays) throws Exception {
        SchemaName probe = SchemaName.of("bench_bloat_" + Peers.RUN);
        try (Connection admin = connections.open("attune-benchmark");
                Connection worker = connections.open("attune-benchmark")) {
            replayer.createSchema(admin, probe, "benchmark");
            try {
                for (int level : levels) {
                    CatalogMaintenance.vacuum(admin); // start from clean catalogs (not timed)
                    churn(admin, probe, level);
                    Timings replay = Timings.measure("replay at " + level, replays, 0, i -> {
                        SchemaName schema = SchemaName.of("bench_bloat_" + Peers.RUN + "_" + level + "_" + i);
                        replayer.createSchema(admin, schema, "benchmark");
                        MigrationReplayer.dropSchema(admin, schema);
                    });
                    Timings version = Timings.measure("catalog version at " + level, 20, 2,
                            i -> CatalogVersion.of(worker, probe.value()));
                    Timings fingerprint = Timings.measure("fingerprint at " + level, 5, 1,
                            i -> CatalogFingerprint.of(worker, probe.value()));
                    long start = System.nanoTime();
                    CatalogMaintenance.vacuum(admin);
                    double vacuum = (System.nanoTime() - start) / 1e6;
                    rows.add(String.format(Locale.ROOT, "| %,d | %.1f | %.2f | %.1f | %.0f |", level, replay.p50(),
                            version.p50(), fingerprint.p50(), vacuum));
                }
            } finally {
                MigrationReplayer.dropSchema(admin, probe);
            }
        }
        return String.format(Locale.ROOT, "%nCatalog bloat (autovacuum off): cost vs dead pg_attribute rows"
                + " (threshold in use: %,d)%n%n| dead pg_attribute rows | replay + drop p50 ms | catalog version read"
                + " p50 ms | catalog fingerprint p50 ms | VACUUM (ANALYZE) of the churned catalogs ms |%n"
                + "|---|---|---|---|---|%n%s%n",
                CatalogMaintenance.DEAD_ROWS_THRESHOLD, String.join(System.lineSeparator(), rows));
    }

    /** Leaves about {@code deadRows} dead pg_attribute rows. */
    private static void churn(Connection connection, SchemaName schema, int deadRows) throws SQLException {
        String columns = IntStream.rangeClosed(1, COLUMNS).mapToObj(i -> "c" + i + " int").collect(Collectors.joining(", "));
        String table = schema.value() + ".churn"; // created and dropped: the schema is as before
        try (Statement statement = connection.createStatement()) {
            for (int dead = 0; dead < deadRows; dead += COLUMNS + 6) {
                statement.execute("create table " + table + " (" + columns + ")");
                statement.execute("drop table " + table);
            }
        }
    }
}
