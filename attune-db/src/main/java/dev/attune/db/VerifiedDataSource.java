package dev.attune.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that checks the schema binding of every connection it opens ({@link SchemaBinding#verify}) and closes
 * and refuses a connection that fails the check. HikariCP and Flyway open their physical connections through it, so no
 * connection reaches a borrower or a migration unchecked.
 */
final class VerifiedDataSource implements DataSource {

    private final DataSource delegate;
    private final SchemaBinding binding;
    private final DatabaseConfig config;
    private final String purpose;

    VerifiedDataSource(DataSource delegate, SchemaBinding binding, DatabaseConfig config, String purpose) {
        this.delegate = delegate;
        this.binding = binding;
        this.config = config;
        this.purpose = purpose;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return verified(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return verified(delegate.getConnection(username, password));
    }

    private Connection verified(Connection connection) throws SQLException {
        try {
            binding.verify(connection, config, purpose);
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
