package dev.attune.provisioning;

import dev.attune.db.AttuneDbException;
import dev.attune.migrations.MigrationScripts;
import dev.attune.provisioning.internal.AdminSessions;
import dev.attune.provisioning.internal.BackgroundWork;
import dev.attune.provisioning.internal.ConnectionBudget;
import dev.attune.provisioning.internal.FlywayPerTestSchemas;
import dev.attune.provisioning.internal.MigrationReplayer;
import dev.attune.provisioning.internal.PooledSchema;
import dev.attune.provisioning.internal.ProvisionedSchemas;
import dev.attune.provisioning.internal.ReadyQueue;
import dev.attune.provisioning.internal.ReleasePolicy;
import dev.attune.provisioning.internal.RunCounters;
import dev.attune.provisioning.internal.RunLease;
import dev.attune.provisioning.internal.SchemaFactory;
import dev.attune.provisioning.internal.SchemaRecycler;
import dev.attune.provisioning.internal.SchemaSource;
import dev.attune.provisioning.internal.SpareSchemas;
import dev.attune.provisioning.internal.TemplateKey;
import dev.attune.provisioning.internal.TemplateSchema;
import dev.attune.provisioning.janitor.CleanupReport;
import dev.attune.provisioning.janitor.Janitor;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
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
 * names no longer of this run), drops the rest and releases the lease: nothing named after the run remains. The catalog
 * work of the start and the end runs on the lease's own connection.
 *
 * <p>With {@link Isolation#FLYWAY_PER_TEST} (the seed plan's way, kept for comparison) none of that happens: each lease
 * Flyway-migrates a new schema while the test waits and its release drops it.
 *
 * <p>Usable without JUnit: {@code try (var provisioner = TestSchemaProvisioner.start(); var schema =
 * provisioner.lease("my test")) { ... }}.
 */
public final class TestSchemaProvisioner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestSchemaProvisioner.class);
    /** How long a lease waits for its schema once it holds a slot (a replay takes well under a second). */
    private static final Duration SCHEMA_CREATION_TIMEOUT = Duration.ofMinutes(5);

    private final ProvisioningSettings settings;
    private final RunLease runLease;
    private final ConnectionBudget budget;
    private final SchemaSource schemas;
    private final RunCounters counters;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TestSchemaProvisioner(ProvisioningSettings settings, RunLease runLease, ConnectionBudget budget,
            SchemaSource schemas, RunCounters counters) {
        this.settings = settings;
        this.runLease = runLease;
        this.budget = budget;
        this.schemas = schemas;
        this.counters = counters;
    }

    /**
     * Starts a run on the {@link TestDatabaseServer} with {@link ProvisioningSettings#fromSystem()}.
     *
     * @return the running provisioner; close it to end the run
     */
    public static TestSchemaProvisioner start() {
        return start(TestDatabaseServer.get(), ProvisioningSettings.fromSystem());
    }

    /**
     * Starts a run: lease, janitor, template, then schemas are prepared in the background. If anything fails, whatever
     * was created is removed before the error is thrown.
     *
     * @param server   the server the schemas are made on
     * @param settings how they are made
     * @return the running provisioner; close it to end the run
     * @throws dev.attune.db.AttuneDbException when the run cannot start
     */
    public static TestSchemaProvisioner start(TestDatabaseServer server, ProvisioningSettings settings) {
        ServerConnections connections = new ServerConnections(server);
        RunLease lease = RunLease.acquire(connections);
        String runId = lease.runId();
        if (settings.isolation() == Isolation.FLYWAY_PER_TEST) {
            return startFlywayPerTest(server, settings, connections, lease);
        }
        List<MigrationScripts.Script> scripts = MigrationScripts.load();
        TemplateSchema template = null;
        try {
            // The catalog work of the start runs on the lease's own connection: no session of its own to open.
            StartState state = lease.use(admin -> {
                CleanupReport cleanup = new Janitor(connections).clean(admin, false, LOG::debug);
                if (!cleanup.leaked().isEmpty()) {
                    LOG.warn("Found {} leaked test schema(s) of dead runs, dropped them: {}", cleanup.leaked().size(),
                            cleanup.leaked());
                }
                // Ready schemas keep their pools too: they are set aside like the provisioning connections.
                ConnectionBudget measured = ConnectionBudget.measure(admin, settings.maxLeases(),
                        settings.connectionsPerLease(),
                        BackgroundWork.THREADS + 2 + settings.readySchemas() * settings.connectionsPerLease());
                TemplateKey key = TemplateKey.of(admin, scripts);
                // Last: nothing after it can fail, so a template made here always reaches the clean-up below.
                return new StartState(measured, key, TemplateSchema.shared(server, connections, admin, lease, key));
            });
            template = state.template();
            ConnectionBudget budget = state.budget();
            SchemaRecycler recycler = settings.recycleSchemas()
                    ? SchemaRecycler.learningFrom(template.name().value()) : null;
            SpareSchemas spares = new SpareSchemas(server, connections, lease, state.key(),
                    settings.connectionsPerLease());
            RunCounters counters = new RunCounters();
            BackgroundWork background = new BackgroundWork();
            AdminSessions sessions = new AdminSessions(connections, "attune-test-provisioning:" + runId,
                    BackgroundWork.THREADS);
            SchemaFactory factory = new SchemaFactory(server, sessions, runId,
                    new MigrationReplayer(scripts), template, spares, settings.connectionsPerLease(), counters);
            // Recycling, one schema is enough until a second lease shows that the run has more than one test.
            ReadyQueue ready = new ReadyQueue(settings.readySchemas(),
                    recycler == null ? settings.readySchemas() : 1, () -> background.submit(factory::create));
            ReleasePolicy policy = new ReleasePolicy(recycler, factory, ready, background, sessions, runId, counters);
            TestSchemaProvisioner provisioner = new TestSchemaProvisioner(settings, lease, budget,
                    new ProvisionedSchemas(runId, template, spares, background, sessions, ready, policy,
                            SCHEMA_CREATION_TIMEOUT),
                    counters);
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

    /** The seed plan's way: lease, janitor and budget only; every lease migrates its own schema with Flyway. */
    private static TestSchemaProvisioner startFlywayPerTest(TestDatabaseServer server, ProvisioningSettings settings,
            ServerConnections connections, RunLease lease) {
        try {
            ConnectionBudget budget = lease.use(admin -> {
                new Janitor(connections).clean(admin, false, LOG::debug);
                return ConnectionBudget.measure(admin, settings.maxLeases(), settings.connectionsPerLease(), 2);
            });
            LOG.info("Test run {} on {}: flyway-per-test isolation (every lease migrates a new schema with Flyway)",
                    lease.runId(), server.description());
            return new TestSchemaProvisioner(settings, lease, budget, new FlywayPerTestSchemas(server, connections,
                    lease.runId(), settings.connectionsPerLease()), new RunCounters());
        } catch (SQLException | RuntimeException e) {
            lease.close();
            throw new AttuneDbException("starting test run " + lease.runId() + " failed: " + e.getMessage(), e);
        }
    }

    /** What the start learned on the lease's connection. */
    private record StartState(ConnectionBudget budget, TemplateKey key, TemplateSchema template) {
    }

    private static void cleanUpFailedStart(TemplateSchema template, RunLease lease) {
        if (template != null) {
            template.close();
        }
        lease.close();
    }

    /** {@return this run's id: the {@code <runid>} in {@code test_<runid>_<n>}} */
    public String runId() {
        return runLease.runId();
    }

    /** {@return the settings this run was started with} */
    public ProvisioningSettings settings() {
        return settings;
    }

    /** {@return how many schemas may be leased at once on this server} */
    public int maxConcurrentLeases() {
        return budget.leases();
    }

    /** {@return what the run has done so far} */
    public ProvisioningStatistics statistics() {
        return new ProvisioningStatistics(counters.leases(), counters.replayed(), counters.recycled(),
                counters.replaced(), counters.reused(), Duration.ofNanos(counters.recycleNanos()));
    }

    /**
     * Leases a fully migrated schema for {@code testName}. Waits for a free slot when {@link #maxConcurrentLeases()}
     * are held, and fails after the lease timeout instead of hanging.
     *
     * @param testName the test, written into the schema's marker and logs
     * @return the schema; close it when the test is done
     * @throws dev.attune.db.AttuneDbException when no schema could be had within the timeout
     * @throws IllegalStateException when the run is closed
     */
    public IsolatedSchema lease(String testName) {
        if (closed.get()) {
            throw new IllegalStateException("test run " + runId() + " is closed");
        }
        budget.acquire(settings.leaseTimeout());
        try {
            PooledSchema schema = schemas.take(testName);
            counters.leased();
            return new IsolatedSchema(schema, testName, this::release);
        } catch (Throwable e) {
            budget.release();
            throw e;
        }
    }

    private void release(IsolatedSchema schema) {
        try {
            schemas.release(schema.pooled(), schema.testName(), schema.kept());
        } finally {
            budget.release();
        }
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
        schemas.close(runLease);
        runLease.close();
        LOG.info("Test run {} closed ({} isolation): {}", runId(), settings.isolation(), statistics().summary());
    }
}
