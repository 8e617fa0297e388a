package dev.attune.provisioning.internal;

import dev.attune.db.AttuneDbException;
import dev.attune.db.SchemaName;
import dev.attune.migrations.Migrator;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The seed plan's way, kept for comparison ({@code attune.test.isolation=flyway-per-test}): every lease gets a brand new
 * schema {@code test_<run>_<n>} (with the run's marker, so a killed run's schemas are the janitor's as usual), migrated
 * with Flyway through the schema's own pool while the test waits; its release closes the pool and drops the schema
 * before returning.
 */
public final class FlywayPerTestSchemas implements SchemaSource {

    private final TestDatabaseServer server;
    private final ServerConnections connections;
    private final String runId;
    private final int poolSize;
    private final AtomicLong counter = new AtomicLong(1);

    /**
     * Schemas of run {@code runId}, each migrated with Flyway on lease.
     *
     * @param server      the test server
     * @param connections administrative connections to it, for drops
     * @param runId       the run the schemas belong to
     * @param poolSize    the pool size of each schema
     */
    public FlywayPerTestSchemas(TestDatabaseServer server, ServerConnections connections, String runId, int poolSize) {
        this.server = server;
        this.connections = connections;
        this.runId = runId;
        this.poolSize = poolSize;
    }

    /**
     * Creates and migrates a schema for {@code testName}; nothing of it is left when this fails.
     *
     * @param testName the test, written into the schema's marker
     * @return the schema with its pool
     * @throws AttuneDbException when creating or migrating it failed
     */
    @Override
    public PooledSchema take(String testName) {
        SchemaName name = TestSchemaNames.schema(runId, counter.getAndIncrement());
        try {
            try (Connection connection = connections.open("attune-test-provisioning:" + runId);
                    Statement statement = connection.createStatement()) {
                statement.execute("create schema " + name.value());
                statement.execute(TestSchemaNames.commentStatement(name, TestSchemaNames.marker(runId, testName)));
            }
            PooledSchema schema = PooledSchema.open(server, name, poolSize);
            try {
                new Migrator(schema.database()).migrate();
            } catch (RuntimeException e) {
                schema.closePool();
                throw e;
            }
            return schema;
        } catch (SQLException | RuntimeException e) {
            PooledSchema.dropQuietly(connections, name);
            if (e instanceof AttuneDbException known) {
                throw known;
            }
            throw new AttuneDbException("migrating test schema " + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Closes the schema's pool and drops it, before returning; {@code keep} does not apply to this mode.
     *
     * @param schema   the schema
     * @param testName the test that used it
     * @param keep     ignored
     */
    @Override
    public void release(PooledSchema schema, String testName, boolean keep) {
        schema.closeAndDrop(connections);
    }

    /**
     * Nothing to do: every lease dropped its schema on release.
     *
     * @param runLease the run's lease
     */
    @Override
    public void close(RunLease runLease) {
    }
}
