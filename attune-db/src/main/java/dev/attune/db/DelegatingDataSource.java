package dev.attune.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that forwards everything to another one and lets a subclass guard how connections are opened: check
 * a state before opening, or check the connection after. The library's own guards extend it (every connection checked
 * for its schema binding; attune-provisioning's lease that hands out connections only while it is open), and so may a
 * user's.
 */
public abstract class DelegatingDataSource implements DataSource {

    /** Opens one connection from the delegate. */
    @FunctionalInterface
    protected interface Opening {
        /**
         * Opens the connection.
         *
         * @return a new connection from the delegate
         * @throws SQLException when the delegate fails
         */
        Connection open() throws SQLException;
    }

    private final DataSource delegate;

    /**
     * Forwards to {@code delegate}.
     *
     * @param delegate the data source that opens the connections
     */
    protected DelegatingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /**
     * Opens a connection through {@code opening}, with this data source's guard around it.
     *
     * @param opening opens the delegate's connection (with or without credentials)
     * @return the connection to hand out
     * @throws SQLException when opening or the guard fails
     */
    protected abstract Connection connect(Opening opening) throws SQLException;

    @Override
    public final Connection getConnection() throws SQLException {
        return connect(delegate::getConnection);
    }

    @Override
    public final Connection getConnection(String username, String password) throws SQLException {
        return connect(() -> delegate.getConnection(username, password));
    }

    @Override
    public final PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public final void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public final void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public final int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public final Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public final <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public final boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
