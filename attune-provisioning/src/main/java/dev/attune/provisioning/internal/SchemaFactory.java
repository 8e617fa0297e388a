package dev.attune.provisioning.internal;

import dev.attune.db.AttuneDbException;
import dev.attune.db.SchemaName;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the run's test schemas {@code test_<run>_<n>}: replays the migrations in one transaction, proves once per run
 * that a replayed schema equals the template, and opens the schema's pool.
 */
public final class SchemaFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaFactory.class);

    private final TestDatabaseServer server;
    private final AdminSessions sessions;
    private final String runId;
    private final MigrationReplayer replayer;
    private final TemplateSchema template;
    private final int poolSize;
    private final RunCounters counters;
    private final SpareSchemas spares;
    private final AtomicLong counter = new AtomicLong(1);
    private final Object verification = new Object();
    private volatile boolean replayVerified;
    private volatile AttuneDbException replayMismatch;

    /**
     * The schema maker of run {@code runId}.
     *
     * @param server      the test server
     * @param sessions    administrative sessions to it, kept for the run's background work
     * @param runId       the run the schemas belong to
     * @param replayer    replays the migrations into a new schema
     * @param template    the Flyway-migrated template the run's first replayed schema is checked against
     * @param spares      the spare schemas of earlier runs, claimed first
     * @param poolSize    the pool size of each schema
     * @param counters    counts replayed and reused schemas
     */
    public SchemaFactory(TestDatabaseServer server, AdminSessions sessions, String runId, MigrationReplayer replayer,
            TemplateSchema template, SpareSchemas spares, int poolSize, RunCounters counters) {
        this.spares = spares;
        this.server = server;
        this.sessions = sessions;
        this.runId = runId;
        this.replayer = replayer;
        this.template = template;
        this.poolSize = poolSize;
        this.counters = counters;
    }

    /** {@return the next name of this run, {@code test_<run>_<n>}} */
    public SchemaName nextName() {
        return TestSchemaNames.schema(runId, counter.getAndIncrement());
    }

    /**
     * A schema with its pool, ready to lease: a spare handed back by an earlier run if one is left, else a new one.
     * Whatever fails, nothing of the schema is left.
     *
     * @return the schema
     * @throws AttuneDbException when building or verifying it failed
     */
    public PooledSchema create() {
        SchemaName schema = nextName();
        Optional<PooledSchema> spare = spares.claim(schema);
        if (spare.isPresent()) {
            counters.reused.incrementAndGet();
            return spare.get();
        }
        try {
            sessions.use(session -> {
                replayer.createSchema(session, schema, TestSchemaNames.marker(runId, "<ready>"));
                counters.replayed.incrementAndGet();
                verifyOnce(session, schema);
                return null;
            });
            return PooledSchema.open(server, schema, poolSize);
        } catch (SQLException | RuntimeException e) {
            sessions.dropQuietly(schema);
            if (e instanceof AttuneDbException known) {
                throw known;
            }
            throw new AttuneDbException("creating test schema " + schema + " failed: " + e.getMessage(), e);
        }
    }

    /** The first replayed schema of a run must equal the template; a difference fails every later creation too. */
    private void verifyOnce(Connection connection, SchemaName schema) throws SQLException {
        if (replayVerified) {
            return;
        }
        synchronized (verification) {
            if (replayMismatch != null) {
                throw replayMismatch;
            }
            if (replayVerified) {
                return;
            }
            CatalogFingerprint expected = template.fingerprint();
            CatalogFingerprint replayed = CatalogFingerprint.of(connection, schema.value());
            if (!replayed.equals(expected)) {
                replayMismatch = new AttuneDbException("replayed schema " + schema + " differs from the Flyway-migrated"
                        + " template " + template.name() + " (- template only, + replay only):"
                        + expected.differenceFrom(replayed));
                throw replayMismatch;
            }
            replayVerified = true;
            LOG.info("Replayed schema {} matches the Flyway template {} ({})", schema, template.name(), replayed);
        }
    }
}
