package dev.attune.provisioning;

import dev.attune.db.DelegatingDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * The schema's pool as one lease sees it: it hands out connections only while the lease is open, so a test that kept a
 * reference after closing its {@link IsolatedSchema} fails loudly instead of touching the next test's data.
 */
final class LeaseDataSource extends DelegatingDataSource {

    private final BooleanSupplier open;
    private final String schema;

    LeaseDataSource(DataSource pool, BooleanSupplier open, String schema) {
        super(pool);
        this.open = open;
        this.schema = schema;
    }

    @Override
    protected Connection connect(Opening opening) throws SQLException {
        if (!open.getAsBoolean()) {
            throw new IllegalStateException("the lease of test schema " + schema + " is closed; it may already belong"
                    + " to another test");
        }
        return opening.open();
    }
}
