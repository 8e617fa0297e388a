package dev.attune.provisioning.internal;

import dev.attune.db.SchemaName;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clean schemas handed from one run to the next, so that a run does not have to build the schemas it leases first.
 *
 * <p>At its end a run renames up to {@link #KEPT_PER_RUN} recycled schemas to {@code test_spare_<key>_<run>_<n>},
 * with a marker recording their {@link CatalogVersion}. A later run with the same {@link TemplateKey} claims one by
 * renaming it to a name of its own ({@code test_<run>_<n>}: from then on the janitor treats it like any schema of the
 * run), and uses it only if its catalog version still equals the marker's; otherwise it drops it. Two runs claiming
 * the same spare cannot both succeed: the second rename fails. A run killed while handing back leaves only schemas
 * with its own run id, which the janitor drops.
 */
public final class SpareSchemas {

    /** At most this many schemas are handed back by one run. */
    public static final int KEPT_PER_RUN = 4;
    /** At most this many spares of one key wait in the database, however many runs end: the rest are dropped. */
    public static final int KEPT_IN_ALL = 8;

    private static final Logger LOG = LoggerFactory.getLogger(SpareSchemas.class);

    private final TestDatabaseServer server;
    private final ServerConnections connections;
    private final TemplateKey key;
    private final String runId;
    private final int poolSize;
    private final RunLease lease;
    private Deque<String> candidates;

    /**
     * The spares of {@code key} as run {@code lease} claims and hands them back.
     *
     * @param server      the test server
     * @param connections administrative connections to it, for drops
     * @param lease       the run's lease, on whose connection spares are claimed
     * @param key         the key of the run's template
     * @param poolSize    the pool size of a claimed schema
     */
    public SpareSchemas(TestDatabaseServer server, ServerConnections connections, RunLease lease, TemplateKey key,
            int poolSize) {
        this.lease = lease;
        this.server = server;
        this.connections = connections;
        this.key = key;
        this.runId = lease.runId();
        this.poolSize = poolSize;
    }

    /**
     * Claims a spare schema under the name {@code name} and opens its pool, if a usable one is left; spares whose
     * catalog changed since they were handed back are dropped on the way.
     *
     * @param name the name the schema gets
     * @return the claimed schema, or empty when none is usable (nothing named {@code name} is left then)
     */
    public Optional<PooledSchema> claim(SchemaName name) {
        try {
            while (true) {
                // The rename is a few statements: done on the lease's connection rather than a session of its own.
                CatalogVersion expected = lease.use(connection -> claimNext(connection, name));
                if (expected == null) {
                    return Optional.empty();
                }
                PooledSchema schema = PooledSchema.open(server, name, poolSize);
                if (schema.verifiedVersion().equals(expected)) {
                    return Optional.of(schema);
                }
                LOG.warn("Spare schema claimed as {} was changed after it was handed back; dropping it", name);
                schema.closeAndDrop(connections);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not claim a spare test schema ({}); building one instead", e.getMessage());
            PooledSchema.dropQuietly(connections, name);
        }
        return Optional.empty();
    }

    /** Renames the next claimable spare to {@code name}; its recorded version, or null when none is left. */
    private CatalogVersion claimNext(Connection connection, SchemaName name) throws SQLException {
        for (String spare = next(connection); spare != null; spare = next(connection)) {
            CatalogVersion expected = rename(connection, spare, name);
            if (expected != null) {
                return expected;
            }
            // claimed by another run first, or not a spare of ours
        }
        return null;
    }

    /**
     * Hands {@code schemas} back for later runs (at most {@link #KEPT_PER_RUN}, and no more than {@link #KEPT_IN_ALL}
     * spares of this key in all) and drops the rest, all on {@code connection} (the run's end needs no connection of
     * its own).
     *
     * @param schemas    the run's ready schemas, unused since they were made or recycled
     * @param connection the lease's connection
     */
    public void handBack(List<PooledSchema> schemas, Connection connection) {
        if (schemas.isEmpty()) {
            return;
        }
        int room = Math.min(KEPT_PER_RUN, KEPT_IN_ALL - waiting(connection));
        int kept = 0;
        for (PooledSchema schema : schemas) {
            schema.closePool();
            if (kept < room && rename(connection, schema)) {
                kept++;
            } else {
                drop(connection, schema.name());
            }
        }
    }

    /** How many spares of this key wait now; {@link #KEPT_IN_ALL} when that cannot be read (then none is added). */
    private int waiting(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from pg_catalog.pg_namespace where nspname like ?")) {
            statement.setString(1, key.sparePattern());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not count the spare test schemas ({}); handing none back", e.getMessage());
            return KEPT_IN_ALL;
        }
    }

    private boolean rename(Connection connection, PooledSchema schema) {
        SchemaName spare = key.spareName(runId, Long.parseLong(schema.name().value().substring(schema.name().value()
                .lastIndexOf('_') + 1)));
        try {
            Transactions.inOne(connection, statement -> {
                statement.execute("alter schema " + schema.name().value() + " rename to " + spare.value());
                statement.execute(TestSchemaNames.commentStatement(spare, key.spareMarker(schema.verifiedVersion())));
            });
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not hand {} back for later runs ({}); dropping it", schema.name(), e.getMessage());
            return false;
        }
    }

    private static void drop(Connection connection, SchemaName schema) {
        try {
            MigrationReplayer.dropSchema(connection, schema);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not drop test schema {} ({}); the next run's janitor will", schema, e.getMessage());
        }
    }

    private synchronized String next(Connection connection) throws SQLException {
        if (candidates == null) {
            candidates = new ArrayDeque<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select nspname from pg_catalog.pg_namespace where nspname like ? order by nspname")) {
                statement.setString(1, key.sparePattern());
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        candidates.add(result.getString(1));
                    }
                }
            }
        }
        return candidates.poll();
    }

    /** Renames {@code spare} to {@code name} with this run's marker; its recorded version, or null if not claimed. */
    private CatalogVersion rename(Connection connection, String spare, SchemaName name) throws SQLException {
        if (TemplateKey.inName(spare) == null || !key.equals(TemplateKey.inName(spare))) {
            return null;
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local lock_timeout = '2s'");
            CatalogVersion expected;
            try (ResultSet result = statement.executeQuery("select obj_description(oid, 'pg_namespace')"
                    + " from pg_catalog.pg_namespace where nspname = '" + spare + "'")) {
                expected = result.next() ? key.spareVersion(result.getString(1)) : null;
            }
            if (expected == null) {
                connection.rollback();
                return null;
            }
            statement.execute("alter schema " + spare + " rename to " + name.value());
            statement.execute(TestSchemaNames.commentStatement(name, TestSchemaNames.marker(runId, "<ready>")));
            connection.commit();
            return expected;
        } catch (SQLException e) {
            connection.rollback();
            return null;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
