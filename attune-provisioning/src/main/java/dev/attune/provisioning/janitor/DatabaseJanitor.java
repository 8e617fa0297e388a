package dev.attune.provisioning.janitor;

import dev.attune.provisioning.internal.RunLease;
import dev.attune.provisioning.internal.TestDatabaseNames;
import dev.attune.testserver.ServerConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds and drops run databases ({@code dev.attune.provisioning.RunDatabase}) left behind by dead runs.
 *
 * <p>A database is dropped only when all of these hold: its name matches {@code attune_test_<8 hex>} exactly, its
 * comment is the marker of that same run id, the marker says the lease lives in the database this janitor is connected
 * to, and no session holds that run's lease. A database whose lease lives elsewhere is reported as alive (its liveness
 * cannot be seen from here); everything else is never touched. Drops are plain {@code DROP DATABASE}: a database someone is still
 * connected to stays, and is reported. The {@link CleanupReport} it returns lists database names.
 */
public final class DatabaseJanitor {

    private final ServerConnections connections;

    /**
     * A janitor working through {@code connections}.
     *
     * @param connections connections to the database in which runs hold their leases
     */
    public DatabaseJanitor(ServerConnections connections) {
        this.connections = connections;
    }

    /**
     * Classifies every database whose name looks like a run database, without changing anything.
     *
     * @return what it found
     * @throws JanitorException when the catalog cannot be read
     */
    public CleanupReport survey() {
        return Sweep.onConnection(connections, "attune-test-database-janitor", "surveying test databases",
                this::survey);
    }

    /**
     * Drops the databases of dead runs, reporting each step to {@code progress}.
     *
     * @param dryRun   when true, only reports what would be dropped
     * @param progress receives one line per step
     * @return what it found and dropped
     * @throws JanitorException when the catalog cannot be read
     */
    public CleanupReport clean(boolean dryRun, Consumer<String> progress) {
        return Sweep.onConnection(connections, "attune-test-database-janitor", "cleaning test databases",
                connection -> clean(connection, dryRun, progress));
    }

    private CleanupReport clean(Connection connection, boolean dryRun, Consumer<String> progress) throws SQLException {
        CleanupReport report = survey(connection);
        if (dryRun) {
            report.leaked().forEach(database -> progress.accept("would drop database " + database));
            return report;
        }
        return report.withDropped(Sweep.dropLeaked(connection, report.leaked(), "database ", TestDatabaseNames::runIdOf,
                RunLease::isAlive, DatabaseJanitor::drop, progress));
    }

    /** A plain {@code DROP DATABASE}: one someone is still connected to stays (and is reported). */
    private static void drop(Connection connection, String database) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
        }
    }

    private CleanupReport survey(Connection connection) throws SQLException {
        List<String> leaked = new ArrayList<>();
        List<String> alive = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        // Databases are cluster-wide and their comments live in the shared catalog: visible from any database.
        String query = "select datname, shobj_description(oid, 'pg_database'), current_database()"
                + " from pg_catalog.pg_database where datname like ? order by datname";
        Sweep.eachMatch(connection, query, TestDatabaseNames.LIKE_PATTERN, (name, comment, row) -> {
            Optional<String> runId = TestDatabaseNames.runIdOf(name);
            Optional<String> leaseDatabase = runId.flatMap(id -> TestDatabaseNames.leaseDatabaseOf(comment, id));
            if (leaseDatabase.isEmpty()) {
                unmarked.add(name);
            } else if (!leaseDatabase.get().equals(row.getString(3)) || RunLease.isAlive(connection, runId.get())) {
                alive.add(name);
            } else {
                leaked.add(name);
            }
        });
        return new CleanupReport(leaked, alive, unmarked, List.of(), List.of(), List.of());
    }
}
