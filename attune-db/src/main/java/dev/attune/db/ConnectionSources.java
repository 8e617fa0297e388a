package dev.attune.db;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The only place that builds pgjdbc data sources from a {@link DatabaseConfig}, so that every connection the library
 * opens is bound and checked the same way.
 *
 * <ul>
 *   <li>{@link #pooled}: {@code database.url}; with {@link PoolerMode#NONE} the schema is sent as {@code currentSchema},
 *       with {@link PoolerMode#TRANSACTION} nothing schema-related is sent (the role's {@code search_path} binds it)
 *       and prepared statements stay unnamed ({@code prepareThreshold=0}), since a named one would live on a server
 *       connection the next transaction may not get.</li>
 *   <li>{@link #direct}: for work that needs its own session (Flyway, {@code LISTEN}): {@code database.direct_url}, or
 *       {@code database.url} when there is no pooler; always bound by {@code currentSchema}.</li>
 * </ul>
 *
 * <p>Every data source returned checks each new connection ({@link VerifiedDataSource}). {@code ApplicationName} and
 * the other parameters go in the startup packet ({@code assumeMinServerVersion=9.0}), never as a later {@code SET};
 * PgBouncer accepts all of them ({@code extra_float_digits} is dropped by it, leaving the server default).
 */
final class ConnectionSources {

    private ConnectionSources() {
    }

    /** The source of the service pool's connections. */
    static DataSource pooled(DatabaseConfig config, String applicationName) {
        PGSimpleDataSource dataSource = base(config, config.url(), applicationName);
        if (config.pooler() == PoolerMode.TRANSACTION) {
            dataSource.setPrepareThreshold(0);
            return new VerifiedDataSource(dataSource, SchemaBinding.ROLE_SETTING, config, "the service pool");
        }
        dataSource.setCurrentSchema(config.schema().value());
        return new VerifiedDataSource(dataSource, SchemaBinding.STARTUP_PARAMETER, config, "the service pool");
    }

    /**
     * Unpooled connections of their own, for {@code purpose}.
     *
     * @param why the session-level statements that must not go through a transaction pooler, for the message
     * @throws DirectConnectionRequiredException in {@link PoolerMode#TRANSACTION} without {@code database.direct_url}
     */
    static DataSource direct(DatabaseConfig config, String applicationName, String purpose, String why) {
        String url = config.directUrl().orElse(null);
        if (url == null) {
            if (config.pooler() == PoolerMode.TRANSACTION) {
                throw new DirectConnectionRequiredException("a direct connection to PostgreSQL is required for " + purpose + ", but"
                        + " database.pooler is transaction and database.direct_url is not set. Through a transaction"
                        + " pooler " + why + " would not stay with this client: each transaction may run on another"
                        + " server connection, which other clients then inherit. Set database.direct_url to"
                        + " PostgreSQL's own address (not the pooler's).");
            }
            url = config.url();
        }
        PGSimpleDataSource dataSource = base(config, url, applicationName);
        dataSource.setCurrentSchema(config.schema().value());
        return new VerifiedDataSource(dataSource, SchemaBinding.STARTUP_PARAMETER, config, purpose);
    }

    private static PGSimpleDataSource base(DatabaseConfig config, String url, String applicationName) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        if (config.user() != null) {
            dataSource.setUser(config.user());
        }
        if (config.password() != null) {
            dataSource.setPassword(config.password());
        }
        dataSource.setApplicationName(applicationName);
        // Sends ApplicationName in the startup packet (not as a later SET), so RESET ALL / DISCARD ALL keep the tag.
        dataSource.setAssumeMinServerVersion("9.0");
        return dataSource;
    }
}
