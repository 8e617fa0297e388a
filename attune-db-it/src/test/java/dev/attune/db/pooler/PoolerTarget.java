package dev.attune.db.pooler;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attune.db.DatabaseConfig;
import dev.attune.db.Environment;
import dev.attune.db.PoolerMode;
import dev.attune.testserver.PgBouncer;
import dev.attune.testserver.ScratchDatabase;
import dev.attune.testserver.TestDatabaseServer;
import java.util.Optional;

/**
 * One test's own database and role ({@link ScratchDatabase}) and the PgBouncers started in front of it; closing it stops
 * them and drops both. Schema {@value #SCHEMA} lives in that database only.
 */
final class PoolerTarget implements AutoCloseable {

    static final String SCHEMA = "attune";

    private final ScratchDatabase database;
    private final java.util.Deque<PgBouncer> bouncers = new java.util.ArrayDeque<>();

    private PoolerTarget(ScratchDatabase database) {
        this.database = database;
    }

    /** Skips the calling test, printing why, when PgBouncer cannot run here; otherwise creates the database. */
    static PoolerTarget create() {
        Optional<String> unavailable = PgBouncer.unavailableReason();
        unavailable.ifPresent(reason -> System.err.println("SKIPPED pooler tests: " + reason));
        assumeTrue(unavailable.isEmpty(), () -> "PgBouncer tests skipped: " + unavailable.orElseThrow());
        return new PoolerTarget(ScratchDatabase.create(TestDatabaseServer.get()));
    }

    ScratchDatabase database() {
        return database;
    }

    /** A transaction-mode PgBouncer that drops {@code ignored} startup parameters ("" for none). */
    PgBouncer pgbouncer(String ignored) {
        PgBouncer pgbouncer = PgBouncer.inFrontOf(database).ignoreStartupParameters(ignored).poolSize(4).start();
        bouncers.push(pgbouncer);
        return pgbouncer;
    }

    /** Gives the role {@code search_path = value} in this database only. */
    void setRoleSearchPath(String value) {
        database.executeAsAdmin("alter role " + database.role() + " in database " + database.name()
                + " set search_path = " + value);
    }

    /** A configuration of the role through {@code pgbouncer}; {@code direct} adds the server's own URL. */
    DatabaseConfig config(PgBouncer pgbouncer, PoolerMode pooler, boolean direct) {
        return DatabaseConfig.builder()
                .environment(Environment.TEST)
                .url(pgbouncer.url())
                .user(database.role())
                .password(database.password())
                .schema(SCHEMA)
                .maxConnections(4)
                .pooler(pooler)
                .directUrl(direct ? database.url() : null)
                .build();
    }

    @Override
    public void close() {
        while (!bouncers.isEmpty()) {
            bouncers.pop().close();
        }
        database.close();
    }
}
