package dev.attune.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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

    /** Opens a pool for {@code config}, tagged {@code attune:<schema>}, and logs the schema in use. */
    public static Database open(DatabaseConfig config) {
        return open(config, "attune:" + config.schema());
    }

    /**
     * Opens a pool for {@code config} whose connections report {@code applicationName} to the server.
     *
     * @throws AttuneDbException when the server cannot be reached
     */
    public static Database open(DatabaseConfig config, String applicationName) {
        LOG.info("Using schema: {}", config.schema());
        if (config.isUnusualProductionSchema()) {
            LOG.warn("PRODUCTION IS USING SCHEMA '{}', NOT 'attune'. Every table, function and NOTIFY channel ({}) lives"
                    + " there. If this is not intended, fix database.schema / ATTUNE__DATABASE__SCHEMA.",
                    config.schema(), config.schema().notificationChannel());
        }
        try {
            return new Database(config, applicationName);
        } catch (RuntimeException e) {
            throw new AttuneDbException("cannot open a connection pool to " + DatabaseConfig.redact(config.url())
                    + " for schema " + config.schema() + ": " + rootMessage(e), e);
        }
    }

    /** The jOOQ settings every Attune {@code DSLContext} uses: never render a schema, the connection chooses it. */
    public static Settings jooqSettings() {
        return new Settings()
                .withRenderSchema(false)
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
                .withExecuteLogging(false);
    }

    /** The schema all connections are bound to. */
    public SchemaName schema() {
        return config.schema();
    }

    /** The validated configuration this pool was opened with. */
    public DatabaseConfig config() {
        return config;
    }

    /** The pool. Connections borrowed from it must be closed by the borrower. */
    public DataSource dataSource() {
        ensureOpen();
        return dataSource;
    }

    /** A {@link SQLDialect#POSTGRES} context over the pool; compose repositories inside {@code dsl.transaction(...)}. */
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
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxConnections());
        hikari.setMinimumIdle(Math.min(2, config.maxConnections()));
        hikari.addDataSourceProperty("currentSchema", config.schema().value());
        hikari.addDataSourceProperty("ApplicationName", applicationName);
        // Sends ApplicationName in the startup packet (not as a later SET), so RESET ALL / DISCARD ALL keep the tag.
        hikari.addDataSourceProperty("assumeMinServerVersion", "9.0");
        return hikari;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
