package dev.attune.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A data source that checks the schema binding of every connection it opens ({@link SchemaBinding#verify}) and closes
 * and refuses a connection that fails the check. HikariCP and Flyway open their physical connections through it, so no
 * connection reaches a borrower or a migration unchecked.
 */
final class VerifiedDataSource extends DelegatingDataSource {

    private final SchemaBinding binding;
    private final DatabaseConfig config;
    private final String purpose;

    VerifiedDataSource(DataSource delegate, SchemaBinding binding, DatabaseConfig config, String purpose) {
        super(delegate);
        this.binding = binding;
        this.config = config;
        this.purpose = purpose;
    }

    @Override
    protected Connection connect(Opening opening) throws SQLException {
        Connection connection = opening.open();
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
}
