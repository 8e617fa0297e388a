package dev.attune.provisioning;

import dev.attune.db.AttuneDbException;
import dev.attune.db.Database;
import dev.attune.db.MigrationScripts;
import dev.attune.db.Migrator;
import dev.attune.db.SchemaName;
import dev.attune.provisioning.janitor.CleanupReport;
import dev.attune.provisioning.janitor.Janitor;
import dev.attune.provisioning.internal.CatalogFingerprint;
import dev.attune.provisioning.internal.CatalogMaintenance;
import dev.attune.provisioning.internal.ConnectionBudget;
import dev.attune.provisioning.internal.MigrationReplayer;
import dev.attune.provisioning.internal.RunLease;
import dev.attune.provisioning.internal.SchemaRecycler;
import dev.attune.provisioning.internal.TestSchemaNames;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out {@link IsolatedSchema}s for one test run.
 *
 * <p>On {@link #start()} it takes the run's lease, lets the janitor remove schemas of dead runs, migrates a template
 * schema {@code test_<run>_0} with Flyway (the production path) and fingerprints its catalog. Test schemas are then made
 * by replaying the same migration SQL in one transaction each, on two background threads that keep a few schemas ready
 * ahead of demand; the first replayed schema is proven equal to the template before any test uses it. Released schemas
 * are recycled when verified clean (see {@link ProvisioningSettings#recycleSchemas()}) or dropped, in the background, one
 * per transaction. {@link #close()} waits for that, drops the ready and template schemas and releases the lease: nothing
 * of the run remains.
 *
 * <p>Usable without JUnit: {@code try (var provisioner = TestSchemaProvisioner.start(); var schema =
 * provisioner.lease("my test")) { ... }}.
 */
public final class TestSchemaProvisioner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TestSchemaProvisioner.class);
    private static final int WORKER_THREADS = 2;
    /** How long a lease waits for its schema to be built once it holds a slot (a replay takes well under a second). */
    private static final Duration SCHEMA_CREATION_TIMEOUT = Duration.ofMinutes(5);

    private final TestDatabaseServer server;
    private final ProvisioningSettings settings;
    private final ServerConnections connections;
    private final RunLease runLease;
    private final MigrationReplayer replayer;
    private final ConnectionBudget budget;
    private final SchemaName template;
    private final CatalogFingerprint templateFingerprint;
    private final SchemaRecycler recycler;
    private final ExecutorService workers;
    private final BlockingQueue<CompletableFuture<SchemaName>> ready = new LinkedBlockingQueue<>();
    /** Guards "not closed yet → hand work to the workers" against {@link #close()} shutting them down in between. */
    private final Object lifecycle = new Object();
    private final AtomicLong counter = new AtomicLong(1);
    private final AtomicInteger leasesGranted = new AtomicInteger();
    private final AtomicInteger schemasCreated = new AtomicInteger();
    private final AtomicInteger schemasRecycled = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object verification = new Object();
    private volatile boolean replayVerified;
    private volatile AttuneDbException replayMismatch;

    private TestSchemaProvisioner(TestDatabaseServer server, ProvisioningSettings settings, RunLease runLease) {
        this.server = server;
        this.settings = settings;
        this.connections = new ServerConnections(server);
        this.runLease = runLease;
        this.replayer = new MigrationReplayer(MigrationScripts.load());
        this.template = TestSchemaNames.schema(runLease.runId(), 0);
        try (Connection admin = connections.open("attune-test-admin:" + runLease.runId())) {
            this.budget = ConnectionBudget.measure(admin, settings.maxLeases(), settings.connectionsPerLease(),
                    WORKER_THREADS + 2);
            this.templateFingerprint = migrateTemplate(admin);
            this.recycler = settings.recycleSchemas()
                    ? SchemaRecycler.forTemplate(admin, template.value(), templateFingerprint)
                    : null;
        } catch (SQLException e) {
            throw new AttuneDbException("preparing the template schema " + template + " failed: " + e.getMessage(), e);
        }
        this.workers = Executors.newFixedThreadPool(WORKER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "attune-test-provisioning");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < settings.readySchemas(); i++) {
            ready.add(createAsync());
        }
        LOG.info("Test run {} on {}: template {} ready ({}), up to {} concurrent leases, {} mode", runLease.runId(),
                server.description(), template, templateFingerprint, budget.leases(),
                recycler == null ? "fresh" : "recycle");
    }

    /** Starts a run on the {@link TestDatabaseServer} with {@link ProvisioningSettings#fromSystem()}. */
    public static TestSchemaProvisioner start() {
        return start(TestDatabaseServer.get(), ProvisioningSettings.fromSystem());
    }

    /**
     * Starts a run: lease, janitor, template. If anything fails, whatever was created is removed before the error is
     * thrown.
     */
    public static TestSchemaProvisioner start(TestDatabaseServer server, ProvisioningSettings settings) {
        ServerConnections connections = new ServerConnections(server);
        RunLease lease = RunLease.acquire(connections);
        try {
            CleanupReport cleanup = new Janitor(connections).clean(false, LOG::debug);
            if (!cleanup.leaked().isEmpty()) {
                LOG.warn("Found {} leaked test schema(s) of dead runs, dropped them: {}", cleanup.leaked().size(),
                        cleanup.leaked());
            }
            return new TestSchemaProvisioner(server, settings, lease);
        } catch (Throwable e) {
            dropQuietly(connections, TestSchemaNames.schema(lease.runId(), 0));
            lease.close();
            throw e;
        }
    }

    /** This run's id: the {@code <runid>} in {@code test_<runid>_<n>}. */
    public String runId() {
        return runLease.runId();
    }

    /** The Flyway-migrated template's catalog fingerprint, which every replayed schema matches. */
    public CatalogFingerprint templateFingerprint() {
        return templateFingerprint;
    }

    /** The settings this run was started with. */
    public ProvisioningSettings settings() {
        return settings;
    }

    /** How many schemas may be leased at once on this server. */
    public int maxConcurrentLeases() {
        return budget.leases();
    }

    /**
     * Leases a fully migrated schema for {@code testName} (recorded in the schema's marker comment). Waits for a free
     * slot when {@link #maxConcurrentLeases()} are held, and fails after the lease timeout instead of hanging.
     */
    public IsolatedSchema lease(String testName) {
        if (closed.get()) {
            throw new IllegalStateException("test run " + runId() + " is closed");
        }
        budget.acquire(settings.leaseTimeout());
        SchemaName schema = null;
        Database database = null;
        try {
            schema = nextSchema();
            verifyReplayOnce(schema);
            database = Database.open(TestServerConfigs.forSchema(server, schema, settings.connectionsPerLease()), "attune-test:" + schema);
            database.dsl().execute(TestSchemaNames.commentStatement(schema, TestSchemaNames.marker(runId(), testName)));
            leasesGranted.incrementAndGet();
            return new IsolatedSchema(database, this::release);
        } catch (Throwable e) {
            if (database != null) {
                database.close();
            }
            budget.release();
            if (schema != null) {
                drop(schema);
            }
            throw e;
        }
    }

    private SchemaName nextSchema() {
        CompletableFuture<SchemaName> next = ready.poll();
        synchronized (lifecycle) {
            if (closed.get()) {
                throw new IllegalStateException("test run " + runId() + " is closed");
            }
            if (next == null) {
                next = createAsync();
            }
            if (ready.size() < settings.readySchemas()) {
                ready.add(createAsync());
            }
        }
        try {
            return next.get(SCHEMA_CREATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new AttuneDbException("creating a test schema failed: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            next.thenAccept(this::drop); // whenever it arrives, nobody will lease it
            throw new AttuneDbException("creating a test schema took longer than " + SCHEMA_CREATION_TIMEOUT.toMinutes()
                    + " minutes", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            next.thenAccept(this::drop);
            throw new AttuneDbException("interrupted while creating a test schema", e);
        }
    }

    /** A schema replayed on a worker thread. Call only while holding {@link #lifecycle} or before the run is shared. */
    private CompletableFuture<SchemaName> createAsync() {
        CompletableFuture<SchemaName> schema = new CompletableFuture<>();
        workers.execute(() -> {
            try {
                schema.complete(createSchema());
            } catch (Throwable e) {
                schema.completeExceptionally(e);
            }
        });
        return schema;
    }

    private SchemaName createSchema() throws SQLException {
        SchemaName schema = TestSchemaNames.schema(runId(), counter.getAndIncrement());
        try (Connection connection = connections.open("attune-test-provisioning:" + runId())) {
            replayer.createSchema(connection, schema, TestSchemaNames.marker(runId(), "<ready>"));
        }
        schemasCreated.incrementAndGet();
        return schema;
    }

    private void verifyReplayOnce(SchemaName schema) {
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
            try (Connection connection = connections.open("attune-test-admin:" + runId())) {
                CatalogFingerprint replayed = CatalogFingerprint.of(connection, schema.value());
                if (!replayed.equals(templateFingerprint)) {
                    replayMismatch = new AttuneDbException("replayed schema " + schema + " differs from the Flyway-migrated"
                            + " template " + template + " (- template only, + replay only):"
                            + templateFingerprint.differenceFrom(replayed));
                    throw replayMismatch;
                }
                replayVerified = true;
                LOG.info("Replayed schema {} matches the Flyway template {} ({})", schema, template, replayed);
            } catch (SQLException e) {
                throw new AttuneDbException("fingerprinting " + schema + " failed: " + e.getMessage(), e);
            }
        }
    }

    private void release(IsolatedSchema schema) {
        budget.release();
        if (schema.kept()) {
            LOG.warn("Kept schema {} of a failed test for debugging; the next run's janitor (or"
                    + " scripts/cleanup-test-schemas.sh --force) removes it", schema.name());
            return;
        }
        if (recycler == null) {
            drop(schema.name());
            return;
        }
        synchronized (lifecycle) {
            if (!closed.get()) {
                // Queued at once, so the next lease waits for this (fast) recycle instead of replaying a new schema.
                CompletableFuture<SchemaName> next = new CompletableFuture<>();
                workers.execute(() -> recycleOrReplace(schema.name(), next));
                ready.add(next);
                return;
            }
        }
        dropQuietly(connections, schema.name());
    }

    /** Completes {@code next} with the recycled schema, or drops it and completes with a newly replayed one. */
    private void recycleOrReplace(SchemaName schema, CompletableFuture<SchemaName> next) {
        try (Connection connection = connections.open("attune-test-recycle:" + runId())) {
            if (recycler.recycle(connection, schema)) {
                schemasRecycled.incrementAndGet();
                next.complete(schema);
                return;
            }
            LOG.debug("Schema {} cannot be recycled (changed DDL or still in use); replacing it", schema);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Recycling {} failed, replacing it: {}", schema, e.getMessage());
        }
        dropQuietly(connections, schema);
        try {
            next.complete(createSchema());
        } catch (SQLException | RuntimeException e) {
            next.completeExceptionally(e);
        }
    }

    private void drop(SchemaName schema) {
        synchronized (lifecycle) {
            if (!closed.get()) {
                workers.execute(() -> dropQuietly(connections, schema));
                return;
            }
        }
        dropQuietly(connections, schema);
    }

    private CatalogFingerprint migrateTemplate(Connection admin) throws SQLException {
        try {
            try (var statement = admin.createStatement()) {
                statement.execute("create schema " + template.value());
                statement.execute(TestSchemaNames.commentStatement(template, TestSchemaNames.marker(runId(), "<template>")));
            }
            try (Database database = Database.open(TestServerConfigs.forSchema(server, template, 2), "attune-test-template:" + runId())) {
                new Migrator(database).migrate();
            }
            return CatalogFingerprint.of(admin, template.value());
        } catch (Throwable e) {
            dropQuietly(connections, template);
            throw e;
        }
    }

    /**
     * Ends the run: waits for pending drops, drops the ready and template schemas, releases the lease. Idempotent. Kept
     * schemas of failed tests stay until the next run's janitor.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            // Queued creations, recycles and drops finish first, so that every schema they produce is in the queue.
            workers.shutdown();
        }
        try {
            if (!workers.awaitTermination(5, TimeUnit.MINUTES)) {
                LOG.warn("Test run {}: background work did not finish; the next run's janitor removes the rest", runId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Future<SchemaName> pending = ready.poll(); pending != null; pending = ready.poll()) {
            try {
                if (pending.isDone()) {
                    dropQuietly(connections, pending.get());
                }
            } catch (ExecutionException e) {
                // Creation failed and rolled back: nothing to drop.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dropQuietly(connections, template);
        try (Connection connection = connections.open("attune-test-maintenance:" + runId())) {
            CatalogMaintenance.vacuumIfAutovacuumIsOff(connection);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not vacuum the system catalogs after test run {}: {}", runId(), e.getMessage());
        }
        runLease.close();
        LOG.info("Test run {} closed: {} lease(s), {} schema(s) replayed, {} recycled", runId(), leasesGranted.get(),
                schemasCreated.get(), schemasRecycled.get());
    }

    private static void dropQuietly(ServerConnections connections, SchemaName schema) {
        try (Connection connection = connections.open("attune-test-drop")) {
            MigrationReplayer.dropSchema(connection, schema);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not drop test schema {} ({}); the next run's janitor will", schema, e.getMessage());
        }
    }
}
