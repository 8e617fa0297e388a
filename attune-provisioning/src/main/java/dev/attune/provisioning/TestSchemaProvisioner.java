package dev.attune.provisioning;

import dev.attune.db.AttuneDbException;
import dev.attune.db.MigrationScripts;
import dev.attune.provisioning.internal.BackgroundWork;
import dev.attune.provisioning.internal.CatalogFingerprint;
import dev.attune.provisioning.internal.CatalogMaintenance;
import dev.attune.provisioning.internal.ConnectionBudget;
import dev.attune.provisioning.internal.MigrationReplayer;
import dev.attune.provisioning.internal.PooledSchema;
import dev.attune.provisioning.internal.ReadyQueue;
import dev.attune.provisioning.internal.ReleasePolicy;
import dev.attune.provisioning.internal.RunCounters;
import dev.attune.provisioning.internal.RunLease;
import dev.attune.provisioning.internal.SchemaFactory;
import dev.attune.provisioning.internal.SchemaRecycler;
import dev.attune.provisioning.internal.SpareSchemas;
import dev.attune.provisioning.internal.TemplateKey;
import dev.attune.provisioning.internal.TemplateSchema;
import dev.attune.provisioning.janitor.CleanupReport;
import dev.attune.provisioning.janitor.Janitor;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out {@link IsolatedSchema}s for one test run.
 *
 * <p>{@link #start()} takes the run's lease, lets the janitor remove schemas of dead runs and finds (or builds) the
 * shared template (see {@link TemplateSchema}). Test schemas are spare schemas handed back by earlier runs
 * ({@link SpareSchemas}) or made by replaying the migration SQL in one transaction each, in the
 * background, and kept ready with their connection pools ({@link ReadyQueue}); the first replayed schema is proven equal
 * to the template. A lease takes a ready schema — no I/O when one is ready — and its release hands the schema to the
 * {@link ReleasePolicy}, which recycles it when verified clean (see {@link ProvisioningSettings#recycleSchemas()}) or
 * drops it, in the background. {@link #close()} waits for that, hands a few clean schemas back for the next run (under
 * names no longer of this run), drops the rest and releases the lease: nothing named after the run remains.
 *
 * <p>Usable without JUnit: {@code try (var provisioner = TestSchemaProvisioner.start(); var schema =
 * provisioner.lease("my test")) { ... }}.
 */
public final class TestSchemaProvisioner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestSchemaProvisioner.class);
    /** How long a lease waits for its schema once it holds a slot (a replay takes well under a second). */
    private static final Duration SCHEMA_CREATION_TIMEOUT = Duration.ofMinutes(5);

    private final ProvisioningSettings settings;
    private final ServerConnections connections;
    private final RunLease runLease;
    private final ConnectionBudget budget;
    private final TemplateSchema template;
    private final SpareSchemas spares;
    private final BackgroundWork background;
    private final ReadyQueue ready;
    private final ReleasePolicy releasePolicy;
    private final RunCounters counters;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TestSchemaProvisioner(ProvisioningSettings settings, ServerConnections connections, RunLease runLease,
            ConnectionBudget budget, TemplateSchema template, SpareSchemas spares, BackgroundWork background,
            ReadyQueue ready,
            ReleasePolicy releasePolicy, RunCounters counters) {
        this.settings = settings;
        this.connections = connections;
        this.runLease = runLease;
        this.budget = budget;
        this.template = template;
        this.spares = spares;
        this.background = background;
        this.ready = ready;
        this.releasePolicy = releasePolicy;
        this.counters = counters;
    }

    /** Starts a run on the {@link TestDatabaseServer} with {@link ProvisioningSettings#fromSystem()}. */
    public static TestSchemaProvisioner start() {
        return start(TestDatabaseServer.get(), ProvisioningSettings.fromSystem());
    }

    /**
     * Starts a run: lease, janitor, template, then schemas are prepared in the background. If anything fails, whatever
     * was created is removed before the error is thrown.
     */
    public static TestSchemaProvisioner start(TestDatabaseServer server, ProvisioningSettings settings) {
        ServerConnections connections = new ServerConnections(server);
        RunLease lease = RunLease.acquire(connections);
        String runId = lease.runId();
        TemplateSchema template = null;
        List<MigrationScripts.Script> scripts = MigrationScripts.load();
        try {
            ConnectionBudget budget;
            SchemaRecycler recycler;
            SpareSchemas spares;
            try (Connection admin = connections.open("attune-test-admin:" + runId)) {
                CleanupReport cleanup = new Janitor(connections).clean(admin, false, LOG::debug);
                if (!cleanup.leaked().isEmpty()) {
                    LOG.warn("Found {} leaked test schema(s) of dead runs, dropped them: {}", cleanup.leaked().size(),
                            cleanup.leaked());
                }
                // Ready schemas keep their pools too: they are set aside like the provisioning connections.
                budget = ConnectionBudget.measure(admin, settings.maxLeases(), settings.connectionsPerLease(),
                        BackgroundWork.THREADS + 2 + settings.readySchemas() * settings.connectionsPerLease());
                TemplateKey key = TemplateKey.of(admin, scripts);
                template = TemplateSchema.shared(server, connections, admin, lease, key);
                spares = new SpareSchemas(server, connections, key, runId, settings.connectionsPerLease());
                recycler = settings.recycleSchemas() ? SchemaRecycler.forTemplate(admin, template.name().value()) : null;
            }
            RunCounters counters = new RunCounters();
            BackgroundWork background = new BackgroundWork();
            SchemaFactory factory = new SchemaFactory(server, connections, runId,
                    new MigrationReplayer(scripts), template, spares, settings.connectionsPerLease(), counters);
            ReadyQueue ready = new ReadyQueue(settings.readySchemas(), () -> background.submit(factory::create));
            ReleasePolicy policy = new ReleasePolicy(recycler, factory, ready, background, connections, runId, counters);
            TestSchemaProvisioner provisioner = new TestSchemaProvisioner(settings, connections, lease, budget, template,
                    spares, background, ready, policy, counters);
            ready.fill();
            LOG.info("Test run {} on {}: template {} {}, up to {} concurrent leases, {} mode", runId,
                    server.description(), template.name(), template.built() ? "built" : "found ready", budget.leases(),
                    recycler == null ? "fresh" : "recycle");
            return provisioner;
        } catch (SQLException e) {
            cleanUpFailedStart(template, lease);
            throw new AttuneDbException("starting test run " + runId + " failed: " + e.getMessage(), e);
        } catch (Throwable e) {
            cleanUpFailedStart(template, lease);
            throw e;
        }
    }

    private static void cleanUpFailedStart(TemplateSchema template, RunLease lease) {
        if (template != null) {
            template.close();
        }
        lease.close();
    }

    /** This run's id: the {@code <runid>} in {@code test_<runid>_<n>}. */
    public String runId() {
        return runLease.runId();
    }

    /** The Flyway-migrated template's catalog fingerprint, which every replayed schema matches (verified on first use). */
    public CatalogFingerprint templateFingerprint() {
        return template.fingerprint();
    }

    /** The settings this run was started with. */
    public ProvisioningSettings settings() {
        return settings;
    }

    /** How many schemas may be leased at once on this server. */
    public int maxConcurrentLeases() {
        return budget.leases();
    }

    /** What the run has done so far. */
    public ProvisioningStatistics statistics() {
        return new ProvisioningStatistics(counters.leases(), counters.replayed(), counters.recycled(),
                counters.replaced(), counters.reused(), Duration.ofNanos(counters.recycleNanos()));
    }

    /**
     * Leases a fully migrated schema for {@code testName}. Waits for a free slot when {@link #maxConcurrentLeases()}
     * are held, and fails after the lease timeout instead of hanging.
     */
    public IsolatedSchema lease(String testName) {
        if (closed.get()) {
            throw new IllegalStateException("test run " + runId() + " is closed");
        }
        budget.acquire(settings.leaseTimeout());
        try {
            PooledSchema schema = ready.take(SCHEMA_CREATION_TIMEOUT);
            counters.leased();
            return new IsolatedSchema(schema, testName, this::release);
        } catch (Throwable e) {
            budget.release();
            throw e;
        }
    }

    private void release(IsolatedSchema schema) {
        budget.release();
        releasePolicy.release(schema.pooled(), schema.testName(), schema.kept());
    }

    /**
     * Ends the run: waits for background work, drops the ready and template schemas, releases the lease. Idempotent.
     * Kept schemas of failed tests stay until the next run's janitor.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Queued builds, recycles and drops finish first, so that every schema they produce is in the queue.
        if (!background.shutdownAndWait()) {
            LOG.warn("Test run {}: background work did not finish; the next run's janitor removes the rest", runId());
        }
        spares.handBack(ready.drain());
        template.close();
        try (Connection connection = connections.open("attune-test-maintenance:" + runId())) {
            CatalogMaintenance.vacuumIfNeeded(connection);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not vacuum the system catalogs after test run {}: {}", runId(), e.getMessage());
        }
        runLease.close();
        LOG.info("Test run {} closed: {}", runId(), statistics().summary());
    }
}
