package dev.attune.provisioning;

import dev.attune.db.Database;
import dev.attune.db.SchemaName;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * A fully migrated schema that belongs to one test, with a connection pool bound to it.
 *
 * <p>Obtain one from {@link TestSchemaProvisioner#lease(String)} (or let the JUnit extension inject it) and close it when
 * the test is done: closing closes the pool and recycles the schema (verified, see {@link ProvisioningSettings}) or
 * drops it.
 * {@link #close()} is idempotent; the pool cannot be used afterwards.
 */
public final class IsolatedSchema implements AutoCloseable {

    private final Database database;
    private final Consumer<IsolatedSchema> release;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean keep;

    IsolatedSchema(Database database, Consumer<IsolatedSchema> release) {
        this.database = database;
        this.release = release;
    }

    /** The schema's name, {@code test_<runid>_<n>}. */
    public SchemaName name() {
        return database.schema();
    }

    /** A pool whose connections have the search path set to this schema alone. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** A POSTGRES-dialect jOOQ context over {@link #dataSource()}. */
    public DSLContext dsl() {
        return database.dsl();
    }

    /** The underlying pool and its configuration. */
    public Database database() {
        return database;
    }

    /** Keep the schema after {@link #close()} instead of dropping it (for debugging a failed test). */
    public void keepAfterClose() {
        keep = true;
    }

    boolean kept() {
        return keep;
    }

    /** Closes the pool and gives the schema back. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                database.close();
            } finally {
                release.accept(this);
            }
        }
    }

    @Override
    public String toString() {
        return "IsolatedSchema[" + name() + "]";
    }
}
