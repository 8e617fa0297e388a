package dev.attune.provisioning.internal;

import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default source of schemas: replayed (or claimed spares) ahead of demand in the background and kept ready with
 * their pools ({@link ReadyQueue}); a release goes to the {@link ReleasePolicy} (recycled, or dropped and replaced).
 * At the end of the run the ready schemas are handed back as spares for the next run, or dropped.
 *
 * @param runId           the run's id, for log messages
 * @param template        the shared template the run's schemas are made like; closed with this source
 * @param spares          where ready schemas go at the end of the run
 * @param background      the run's background threads; shut down with this source
 * @param sessions        the administrative sessions kept for the background work; closed with this source
 * @param ready           schemas ready to lease
 * @param releasePolicy   what happens to a released schema
 * @param creationTimeout how long a lease waits for a schema to become ready
 */
public record ProvisionedSchemas(String runId, TemplateSchema template, SpareSchemas spares, BackgroundWork background,
        AdminSessions sessions, ReadyQueue ready, ReleasePolicy releasePolicy, Duration creationTimeout)
        implements SchemaSource {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionedSchemas.class);

    /**
     * A ready schema: no I/O when one is ready, else the wait for the earliest.
     *
     * @param testName the test that will use it
     * @return the schema with its warm pool
     */
    @Override
    public PooledSchema take(String testName) {
        return ready.take(creationTimeout);
    }

    /**
     * Hands the schema to the {@link ReleasePolicy}, which works in the background.
     *
     * @param schema   the schema the lease had
     * @param testName the test that used it
     * @param keep     whether to keep it for inspection instead
     */
    @Override
    public void release(PooledSchema schema, String testName, boolean keep) {
        releasePolicy.release(schema, testName, keep);
    }

    /**
     * Waits for background work, closes the template, hands ready schemas back as spares (dropping the rest) and
     * vacuums the catalog when it needs it, on the lease's connection. Failures are logged: the next run's janitor
     * removes what is left.
     *
     * @param runLease the run's lease, still held
     */
    @Override
    public void close(RunLease runLease) {
        // Queued builds, recycles and drops finish first, so that every schema they produce is in the queue.
        if (!background.shutdownAndWait()) {
            LOG.warn("Test run {}: background work did not finish; the next run's janitor removes the rest", runId);
        }
        sessions.close();
        template.close();
        try {
            runLease.use(connection -> {
                spares.handBack(ready.drain(), connection);
                CatalogMaintenance.vacuumIfNeeded(connection);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not finish test run {} ({}); the next run's janitor removes what is left", runId,
                    e.getMessage());
        }
    }
}
