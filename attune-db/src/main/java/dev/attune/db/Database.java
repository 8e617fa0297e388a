package dev.attune.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A HikariCP pool whose every connection is bound to one schema, and a jOOQ {@link DSLContext} over it.
 *
 * <p>The schema is sent as pgjdbc's {@code currentSchema} startup parameter, so the connection's {@code search_path} is
 * the schema alone: no {@code SET} round trip, nothing for a later borrower to inherit, and it survives
 * {@code RESET ALL} / {@code DISCARD ALL}. Because {@code public} is not on the path, a table missing from the schema is an
 * error instead of silently resolving to {@code public.<table>}. Connections carry the application name
 * {@code attune:<schema>} so they can be told apart in {@code pg_stat_activity}.
 *
 * <p>With {@code database.pooler: transaction} nothing schema-related is sent (PgBouncer rejects it): the schema comes
 * from the role's {@code search_path}, and prepared statements stay unnamed. In both modes every new physical connection
 * is checked before the pool hands it out: its {@code search_path} must be the schema alone, or the connection is refused
 * with a {@link SchemaBindingException} (at {@link #open}, the pool does not start).
 *
 * <p>Whoever opens a {@code Database} closes it; {@link #close()} is idempotent.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private Database(DatabaseConfig config, String applicationName) {
        this.config = config;
        this.dataSource = new HikariDataSource(hikariConfig(config, applicationName));
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, jooqSettings());
    }

    /**
     * Opens a pool for {@code config}, tagged {@code attune:<schema>}, and logs the schema in use.
     *
     * @param config the validated configuration
     * @return the open pool; close it
     * @throws SchemaBindingException when the first connection is not bound to exactly the configured schema
     * @throws AttuneDbException      when the server cannot be reached
     */
    public static Database open(DatabaseConfig config) {
        return open(config, "attune:" + config.schema());
    }

    /**
     * Opens a pool for {@code config} whose connections report {@code applicationName} to the server.
     *
     * @param config          the validated configuration
     * @param applicationName the {@code ApplicationName} the server shows for the pool's connections
     * @return the open pool; close it
     * @throws SchemaBindingException when the first connection is not bound to exactly the configured schema
     * @throws AttuneDbException      when the server cannot be reached
     */
    public static Database open(DatabaseConfig config, String applicationName) {
        LOG.info("Using schema: {}", config.schema());
        if (config.pooler() == PoolerMode.TRANSACTION) {
            LOG.info("database.pooler is transaction: schema {} comes from the role's search_path (checked on every new"
                    + " connection); migrations and LISTEN use database.direct_url{}", config.schema(),
                    config.directUrl().isPresent() ? "" : ", which is not set, so they are refused");
        }
        if (config.isUnusualProductionSchema()) {
            LOG.warn("PRODUCTION IS USING SCHEMA '{}', NOT 'attune'. Every table, function and NOTIFY channel ({}) lives"
                    + " there. If this is not intended, fix database.schema / ATTUNE__DATABASE__SCHEMA.",
                    config.schema(), config.schema().notificationChannel());
        }
        try {
            return new Database(config, applicationName);
        } catch (RuntimeException e) {
            SchemaBindingException binding = find(e, SchemaBindingException.class);
            if (binding != null) {
                throw binding;
            }
            String root = rootMessage(e);
            throw new AttuneDbException("cannot open a connection pool to " + JdbcUrls.redact(config.url())
                    + " for schema " + config.schema() + ": " + root + hint(config, root), e);
        }
    }

    /**
     * Opens a connection of its own, outside the pool, for work that needs a session (such as {@code LISTEN}):
     * through {@code database.direct_url} when set, else {@code database.url}, bound by {@code currentSchema} and
     * checked like every pooled connection. The caller closes it.
     *
     * @param applicationName what the connection reports to the server
     * @param purpose         what it is for, for messages ("listening to execution changes")
     * @param why             the session-level statements it will send, for the refusal message ("LISTEN")
     * @return the open, verified connection
     * @throws DirectConnectionRequiredException with {@code database.pooler: transaction} and no
     *                                           {@code database.direct_url}
     * @throws SchemaBindingException            when the connection is not bound to exactly the configured schema
     * @throws AttuneDbException                 when the server cannot be reached
     */
    public Connection openDirectConnection(String applicationName, String purpose, String why) {
        ensureOpen();
        DataSource direct = ConnectionSources.direct(config, applicationName, purpose, why);
        try {
            return direct.getConnection();
        } catch (SQLException e) {
            throw new AttuneDbException("cannot open a direct connection for " + purpose + " to "
                    + JdbcUrls.redact(config.directUrl().orElse(config.url())) + ": " + e.getMessage(), e);
        }
    }

    /**
     * A data source of unpooled connections of their own, for work that holds sessions and may need more than one
     * connection at a time (such as migrations): like {@link #openDirectConnection}, through {@code database.direct_url}
     * when set, else {@code database.url}, bound by {@code currentSchema}, every connection checked like every pooled one.
     * Nothing connects until a connection is asked for; whoever borrows a connection closes it.
     *
     * @param applicationName what the connections report to the server
     * @param purpose         what they are for, for messages ("migrations (Flyway)")
     * @param why             the session-level statements they will send, for the refusal message ("SET ROLE")
     * @return the unpooled data source
     * @throws DirectConnectionRequiredException with {@code database.pooler: transaction} and no
     *                                           {@code database.direct_url}
     */
    public DataSource directDataSource(String applicationName, String purpose, String why) {
        ensureOpen();
        return ConnectionSources.direct(config, applicationName, purpose, why);
    }

    /** {@return the jOOQ settings every Attune {@code DSLContext} uses: never render a schema, the connection chooses it} */
    public static Settings jooqSettings() {
        return new Settings()
                .withRenderSchema(false)
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
                .withExecuteLogging(false);
    }

    /** {@return the schema all connections are bound to} */
    public SchemaName schema() {
        return config.schema();
    }

    /** {@return the validated configuration this pool was opened with} */
    public DatabaseConfig config() {
        return config;
    }

    /** {@return the pool} Connections borrowed from it must be closed by the borrower. */
    public DataSource dataSource() {
        ensureOpen();
        return dataSource;
    }

    /**
     * {@return a {@link SQLDialect#POSTGRES} context over the pool}
     * Compose repositories inside {@code dsl.transaction(...)}.
     */
    public DSLContext dsl() {
        ensureOpen();
        return dsl;
    }

    /** Closes the pool. Idempotent. */
    @Override
    public void close() {
        dataSource.close();
    }

    private void ensureOpen() {
        if (dataSource.isClosed()) {
            throw new IllegalStateException("Database for schema " + config.schema() + " is closed");
        }
    }

    private static HikariConfig hikariConfig(DatabaseConfig config, String applicationName) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("attune-" + config.schema());
        // Every physical connection comes from here and is checked before Hikari may hand it out.
        hikari.setDataSource(ConnectionSources.pooled(config, applicationName));
        hikari.setMaximumPoolSize(config.maxConnections());
        hikari.setMinimumIdle(Math.min(2, config.maxConnections()));
        return hikari;
    }

    /** What to do about a start-up failure a pooler causes. */
    private static String hint(DatabaseConfig config, String rootMessage) {
        if (rootMessage.contains("unsupported startup parameter") && config.pooler() == PoolerMode.NONE) {
            return ". A connection pooler (PgBouncer) rejects the currentSchema startup parameter: set database.pooler:"
                    + " transaction, give the role its search path (scripts/attune role-statement prints the ALTER ROLE"
                    + " statement) and point database.direct_url at PostgreSQL itself for migrations";
        }
        return "";
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
