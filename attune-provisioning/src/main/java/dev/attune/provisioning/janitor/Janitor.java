package dev.attune.provisioning.janitor;

import dev.attune.db.SchemaName;
import dev.attune.migrations.MigrationScripts;
import dev.attune.provisioning.internal.MigrationReplayer;
import dev.attune.provisioning.internal.RunLease;
import dev.attune.provisioning.internal.TemplateKey;
import dev.attune.provisioning.internal.TestSchemaNames;
import dev.attune.testserver.ServerConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    /** A janitor that treats a run as alive while some session holds its advisory-lock lease. */
    public Janitor(ServerConnections connections) {
        this(connections, RunLease::isAlive);
    }

    /** A janitor with another liveness rule (tests use it to simulate a dead run deterministically). */
    public Janitor(ServerConnections connections, RunLiveness liveness) {
        this.connections = connections;
        this.liveness = liveness;
    }

    /** Classifies every schema whose name looks like a test schema, without changing anything. */
    public CleanupReport survey() {
        try (Connection connection = connections.open("attune-test-janitor")) {
            return survey(connection);
        } catch (SQLException e) {
            throw new JanitorException("surveying test schemas failed: " + e.getMessage(), e);
        }
    }

    /**
     * Drops the schemas of dead runs, reporting each step to {@code progress}.
     *
     * @param dryRun when true, only reports what would be dropped
     */
    public CleanupReport clean(boolean dryRun, Consumer<String> progress) {
        try (Connection connection = connections.open("attune-test-janitor")) {
            return clean(connection, dryRun, progress);
        } catch (SQLException e) {
            throw new JanitorException("cleaning test schemas failed: " + e.getMessage(), e);
        }
    }

    /**
     * Like {@link #clean(boolean, Consumer)}, on a connection of the caller's (a run's start reuses its own): the survey
     * is one catalog query, and nothing else happens unless it finds something to drop.
     */
    public CleanupReport clean(Connection connection, boolean dryRun, Consumer<String> progress) {
        try {
            CleanupReport report = survey(connection);
            if (dryRun) {
                report.leaked().forEach(schema -> progress.accept("would drop " + schema));
                return report;
            }
            List<String> dropped = new ArrayList<>();
            int position = 0;
            for (String schema : report.leaked()) {
                position++;
                try {
                    // Re-check right before dropping: the run might have been resumed under the same id (practically never).
                    Optional<String> runId = TestSchemaNames.runIdOf(schema);
                    if (runId.isEmpty() || liveness.isAlive(connection, runId.get())) {
                        continue;
                    }
                    MigrationReplayer.dropSchema(connection, SchemaName.of(schema));
                    dropped.add(schema);
                    progress.accept("dropped " + schema + " (" + position + "/" + report.leaked().size() + ")");
                } catch (SQLException e) {
                    // One schema we cannot drop (another owner, a lock) must not stop the others or the test run.
                    progress.accept("could not drop " + schema + ": " + e.getMessage());
                }
            }
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
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, TestSchemaNames.LIKE_PATTERN);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String name = result.getString(1);
                    String comment = result.getString(2);
                    TemplateKey key = TemplateKey.inName(name);
                    if (key != null) {
                        (key.equals(current) ? shared : stale).add(name);
                        continue;
                    }
                    Optional<String> runId = TestSchemaNames.runIdOf(name);
                    if (runId.isEmpty() || !TestSchemaNames.isMarkerOf(comment, runId.get())) {
                        unmarked.add(name);
                        continue;
                    }
                    boolean runAlive = runs.computeIfAbsent(runId.get(), id -> isAlive(connection, id));
                    (runAlive ? alive : leaked).add(name);
                }
            }
        }
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
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?, ?)")) {
            statement.setInt(1, TemplateKey.USE_LOCK);
            statement.setInt(2, key.lockKey());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private boolean isAlive(Connection connection, String runId) {
        try {
            return liveness.isAlive(connection, runId);
        } catch (SQLException e) {
            throw new JanitorException("checking whether run " + runId + " is alive failed: " + e.getMessage(), e);
        }
    }
}
