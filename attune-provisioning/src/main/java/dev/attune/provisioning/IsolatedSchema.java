package dev.attune.provisioning;

import dev.attune.db.Database;
import dev.attune.db.SchemaName;
import dev.attune.provisioning.internal.PooledSchema;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A fully migrated schema that belongs to one test, with a connection pool bound to it.
 *
 * <p>Obtain one from {@link TestSchemaProvisioner#lease(String)} (or let the JUnit extension inject it) and close it when
 * the test is done: closing gives the schema back, to be recycled (verified, see {@link ProvisioningSettings}) or
 * dropped in the background. The pool stays with the schema across leases (its connections are warm for the next
 * test); after {@link #close()} — idempotent — this lease's {@link #dataSource()} and {@link #dsl()} refuse to hand out
 * connections. Close every connection you borrowed before closing the lease: a schema with a borrowed connection is
 * never reused.
 */
public final class IsolatedSchema implements AutoCloseable {

    private final PooledSchema pooled;
    private final String testName;
    private final Consumer<IsolatedSchema> release;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final DataSource dataSource;
    private final DSLContext dsl;
    private volatile boolean keep;

    IsolatedSchema(PooledSchema pooled, String testName, Consumer<IsolatedSchema> release) {
        this.pooled = pooled;
        this.testName = testName;
        this.release = release;
        this.dataSource = new LeaseDataSource(pooled.database().dataSource(), () -> !closed.get(),
                pooled.name().value());
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, Database.jooqSettings());
    }

    /** {@return the schema's name, {@code test_<runid>_<n>}} */
    public SchemaName name() {
        return pooled.name();
    }

    /**
     * A pool whose connections have the search path set to this schema alone; usable until {@link #close()}.
     *
     * @return the lease's view of the schema's pool
     * @throws IllegalStateException when the lease is closed
     */
    public DataSource dataSource() {
        ensureOpen();
        return dataSource;
    }

    /**
     * A POSTGRES-dialect jOOQ context over {@link #dataSource()}.
     *
     * @return the context
     * @throws IllegalStateException when the lease is closed
     */
    public DSLContext dsl() {
        ensureOpen();
        return dsl;
    }

    /**
     * The underlying pool and its configuration, for code that takes a {@link Database}. It belongs to the schema, not
     * to the test: do not close it (a closed pool makes the schema be dropped instead of recycled).
     *
     * @return the schema's pool
     * @throws IllegalStateException when the lease is closed
     */
    public Database database() {
        ensureOpen();
        return pooled.database();
    }

    /** Keep the schema after {@link #close()} instead of dropping it (for debugging a failed test). */
    public void keepAfterClose() {
        keep = true;
    }

    boolean kept() {
        return keep;
    }

    PooledSchema pooled() {
        return pooled;
    }

    String testName() {
        return testName;
    }

    /** Gives the schema back. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.accept(this);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the lease of test schema " + name() + " is closed");
        }
    }

    @Override
    public String toString() {
        return "IsolatedSchema[" + name() + "]";
    }
}
