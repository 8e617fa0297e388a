package dev.attune.provisioning;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The schema's pool as one lease sees it: it hands out connections only while the lease is open, so a test that kept a
 * reference after closing its {@link IsolatedSchema} fails loudly instead of touching the next test's data.
 */
final class LeaseDataSource implements DataSource {

    private final DataSource pool;
    private final BooleanSupplier open;
    private final String schema;

    LeaseDataSource(DataSource pool, BooleanSupplier open, String schema) {
        this.pool = pool;
        this.open = open;
        this.schema = schema;
    }

    @Override
    public Connection getConnection() throws SQLException {
        ensureOpen();
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        ensureOpen();
        return pool.getConnection(username, password);
    }

    private void ensureOpen() {
        if (!open.getAsBoolean()) {
            throw new IllegalStateException("the lease of test schema " + schema + " is closed; it may already belong"
                    + " to another test");
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
