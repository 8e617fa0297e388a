package dev.attune.provisioning.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a schema when its test is done, all of it in the background so that the test does not wait: kept for
 * debugging (a failed test, on request), recycled and queued again (recycle mode), or dropped (fresh mode, or when
 * recycling is not safe — then a new schema takes its place in the queue).
 */
public final class ReleasePolicy {

    private static final Logger LOG = LoggerFactory.getLogger(ReleasePolicy.class);

    private final SchemaRecycler recycler;
    private final SchemaFactory factory;
    private final ReadyQueue ready;
    private final BackgroundWork background;
    private final AdminSessions sessions;
    private final String runId;
    private final RunCounters counters;

    /**
     * The release of one run's schemas.
     *
     * @param recycler    verifies and empties a released schema; null in fresh mode
     * @param factory     makes the schema that replaces a dropped one
     * @param ready       the queue recycled and new schemas go to
     * @param background  where the release work runs
     * @param sessions    the administrative sessions kept for background work, for drops and the marker of a kept
     *                    schema
     * @param runId       the run, whose marker a kept schema gets
     * @param counters    counts recycled and replaced schemas
     */
    public ReleasePolicy(SchemaRecycler recycler, SchemaFactory factory, ReadyQueue ready, BackgroundWork background,
            AdminSessions sessions, String runId, RunCounters counters) {
        this.recycler = recycler;
        this.factory = factory;
        this.ready = ready;
        this.background = background;
        this.sessions = sessions;
        this.runId = runId;
        this.counters = counters;
    }

    /**
     * Gives {@code schema} back after the lease of {@code testName}; {@code keep} keeps it for inspection.
     *
     * @param schema   the released schema
     * @param testName the test that leased it, for logs
     * @param keep     whether to keep it (for debugging) instead of recycling or dropping it
     */
    public void release(PooledSchema schema, String testName, boolean keep) {
        if (keep) {
            keep(schema, testName);
            return;
        }
        if (recycler == null) {
            if (background.submit(() -> drop(schema)).isEmpty()) {
                drop(schema);
            }
            return;
        }
        // Queued at once, so the next lease waits for this (fast) recycle rather than for a new schema.
        Optional<CompletableFuture<PooledSchema>> next = background.submit(() -> recycleOrReplace(schema));
        if (next.isPresent()) {
            ready.add(next.get());
        } else {
            drop(schema);
        }
    }

    private PooledSchema recycleOrReplace(PooledSchema schema) {
        long start = System.nanoTime();
        try {
            if (recycler.recycle(schema)) {
                counters.recycled.incrementAndGet();
                counters.recycleNanos.addAndGet(System.nanoTime() - start);
                return schema;
            }
            LOG.debug("Schema {} cannot be recycled (changed, or still in use); replacing it", schema.name());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Recycling {} failed, replacing it: {}", schema.name(), e.getMessage());
        }
        counters.replaced.incrementAndGet();
        drop(schema);
        return factory.create();
    }

    private PooledSchema drop(PooledSchema schema) {
        schema.closeAndDrop(sessions);
        return null;
    }

    private void keep(PooledSchema schema, String testName) {
        schema.closePool();
        try {
            sessions.use(session -> {
                try (Statement statement = session.createStatement()) {
                    return statement.execute(TestSchemaNames.commentStatement(schema.name(),
                            TestSchemaNames.marker(runId, testName)));
                }
            });
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not record the test name on kept schema {}: {}", schema.name(), e.getMessage());
        }
        LOG.warn("Kept schema {} of failed test {} for debugging; the next run's janitor (or"
                + " scripts/cleanup-test-schemas.sh --force) removes it", schema.name(), testName);
    }
}
