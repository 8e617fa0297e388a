package dev.attune.provisioning.janitor;

import dev.attune.db.SchemaName;
import dev.attune.migrations.MigrationScripts;
import dev.attune.provisioning.internal.AdvisoryLocks;
import dev.attune.provisioning.internal.MigrationReplayer;
import dev.attune.provisioning.internal.RunLease;
import dev.attune.provisioning.internal.TemplateKey;
import dev.attune.provisioning.internal.TestSchemaNames;
import dev.attune.testserver.ServerConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds and drops test schemas left behind by dead runs.
 *
 * <p>A schema is dropped only when all three hold: its name matches {@code test_<8 hex>_<n>} exactly, its comment is the
 * marker of that same run id, and no session holds that run's lease. Everything else — {@code attune}, {@code public},
 * look-alikes without a marker, schemas of live runs — is left alone. Each schema is dropped in its own transaction:
 * dropping many at once takes a lock per object and can exhaust the server's lock table.
 */
public final class Janitor {

    /** Decides whether a run still holds its lease; asked on the janitor's own connection. */
    @FunctionalInterface
    public interface RunLiveness {
        /**
         * Whether run {@code runId} still holds its lease.
         *
         * @param connection the janitor's connection to the test database
         * @param runId      the run id of a marked schema ({@code test_<runId>_<n>})
         * @return true when the run is alive, so its schemas must be left alone
         * @throws SQLException when the server cannot be asked
         */
        boolean isAlive(Connection connection, String runId) throws SQLException;
    }

    private final ServerConnections connections;
    private final RunLiveness liveness;

    /**
     * A janitor that treats a run as alive while some session holds its advisory-lock lease.
     *
     * @param connections connections to the test database, where runs hold their leases
     */
    public Janitor(ServerConnections connections) {
        this(connections, RunLease::isAlive);
    }

    /**
     * A janitor with another liveness rule (tests use it to simulate a dead run deterministically).
     *
     * @param connections connections to the test database
     * @param liveness    decides whether a run is alive
     */
    public Janitor(ServerConnections connections, RunLiveness liveness) {
        this.connections = connections;
        this.liveness = liveness;
    }

    /**
     * Classifies every schema whose name looks like a test schema, without changing anything.
     *
     * @return what it found
     * @throws JanitorException when the catalog cannot be read
     */
    public CleanupReport survey() {
        return Sweep.onConnection(connections, "attune-test-janitor", "surveying test schemas", this::survey);
    }

    /**
     * Drops the schemas of dead runs, reporting each step to {@code progress}.
     *
     * @param dryRun   when true, only reports what would be dropped
     * @param progress receives one line per step
     * @return what it found and dropped
     * @throws JanitorException when the catalog cannot be read
     */
    public CleanupReport clean(boolean dryRun, Consumer<String> progress) {
        return Sweep.onConnection(connections, "attune-test-janitor", "cleaning test schemas",
                connection -> clean(connection, dryRun, progress));
    }

    /**
     * Like {@link #clean(boolean, Consumer)}, on a connection of the caller's (a run's start reuses its own): the survey
     * is one catalog query, and nothing else happens unless it finds something to drop.
     *
     * @param connection a connection to the test database, in auto-commit mode
     * @param dryRun     when true, only reports what would be dropped
     * @param progress   receives one line per step
     * @return what it found and dropped
     * @throws JanitorException when the catalog cannot be read
     */
    public CleanupReport clean(Connection connection, boolean dryRun, Consumer<String> progress) {
        try {
            CleanupReport report = survey(connection);
            if (dryRun) {
                report.leaked().forEach(schema -> progress.accept("would drop " + schema));
                return report;
            }
            List<String> dropped = new ArrayList<>(Sweep.dropLeaked(connection, report.leaked(), "",
                    TestSchemaNames::runIdOf, liveness,
                    (on, schema) -> MigrationReplayer.dropSchema(on, SchemaName.of(schema)), progress));
            dropped.addAll(dropStale(connection, report.stale(), progress));
            return report.withDropped(dropped);
        } catch (SQLException e) {
            throw new JanitorException("cleaning test schemas failed: " + e.getMessage(), e);
        }
    }

    private CleanupReport survey(Connection connection) throws SQLException {
        List<String> leaked = new ArrayList<>();
        List<String> alive = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        Map<String, Boolean> runs = new HashMap<>();
        TemplateKey current = currentKey(connection);
        String query = "select nspname, obj_description(oid, 'pg_namespace') from pg_catalog.pg_namespace"
                + " where nspname like ? order by nspname";
        Sweep.eachMatch(connection, query, TestSchemaNames.LIKE_PATTERN, (name, comment, row) -> {
            TemplateKey key = TemplateKey.inName(name);
            if (key != null) {
                (key.equals(current) ? shared : stale).add(name);
                return;
            }
            Optional<String> runId = TestSchemaNames.runIdOf(name);
            if (runId.isEmpty() || !TestSchemaNames.isMarkerOf(comment, runId.get())) {
                unmarked.add(name);
                return;
            }
            boolean runAlive = runs.computeIfAbsent(runId.get(), id -> isAlive(connection, id));
            (runAlive ? alive : leaked).add(name);
        });
        return new CleanupReport(leaked, alive, unmarked, List.of(), shared, stale);
    }

    /** The key of the migrations on the classpath; stale templates are those of any other key. */
    private static TemplateKey currentKey(Connection connection) throws SQLException {
        return TemplateKey.of(connection, MigrationScripts.load());
    }

    /**
     * Drops stale templates and spares whose key no run holds (a run holds a shared lock on its template's key for its
     * whole life; taking it exclusively here keeps runs from starting to use them while they are dropped).
     */
    private static List<String> dropStale(Connection connection, List<String> stale, Consumer<String> progress)
            throws SQLException {
        Map<TemplateKey, List<String>> byKey = new LinkedHashMap<>();
        stale.forEach(schema -> byKey.computeIfAbsent(TemplateKey.inName(schema), k -> new ArrayList<>()).add(schema));
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<TemplateKey, List<String>> entry : byKey.entrySet()) {
            if (!advisory(connection, "pg_try_advisory_lock", entry.getKey())) {
                progress.accept("kept stale template schemas in use by a run: " + entry.getValue());
                continue;
            }
            try {
                for (String schema : entry.getValue()) {
                    MigrationReplayer.dropSchema(connection, SchemaName.of(schema));
                    dropped.add(schema);
                    progress.accept("dropped stale " + schema);
                }
            } finally {
                advisory(connection, "pg_advisory_unlock", entry.getKey());
            }
        }
        return dropped;
    }

    private static boolean advisory(Connection connection, String function, TemplateKey key) throws SQLException {
        return AdvisoryLocks.ask(connection, "select " + function + "(?, ?)", TemplateKey.USE_LOCK, key.lockKey());
    }

    private boolean isAlive(Connection connection, String runId) {
        try {
            return liveness.isAlive(connection, runId);
        } catch (SQLException e) {
            throw new JanitorException("checking whether run " + runId + " is alive failed: " + e.getMessage(), e);
        }
    }
}
