package dev.attune.db;

import java.util.Objects;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The statement that binds a role to a schema in one database, for a transaction pooler that cannot pass the schema in
 * the startup packet:
 *
 * <pre>
 * ALTER ROLE "attune_service" IN DATABASE "attune" SET search_path = attune;
 * </pre>
 *
 * <p>{@code IN DATABASE} limits the setting to that database, and a role-and-database setting takes precedence over
 * role-only and database-only settings. New sessions of the role pick it up; existing ones (a pooler's open server
 * connections) keep their old value until they reconnect.
 *
 * @param user     the role the service logs in as
 * @param database the real database name (not a pooler's alias for it)
 * @param schema   the configured schema
 */
public record RoleStatement(String user, String database, SchemaName schema) {

    /**
     * Requires every component.
     *
     * @param user     the role the service logs in as
     * @param database the real database name
     * @param schema   the configured schema
     */
    public RoleStatement {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(schema, "schema");
    }

    /**
     * The statement for {@code config}: its user ({@code database.user}, else the URL's {@code user} parameter) in the
     * database named by {@code database.direct_url} when set (a pooler's database name may be an alias), else by
     * {@code database.url}.
     *
     * @param config the service's configuration
     * @return the statement for its user, database and schema
     * @throws ConfigurationException when no user is configured or the URL names no database
     */
    public static RoleStatement forConfig(DatabaseConfig config) {
        String url = config.directUrl().orElse(config.url());
        // A host part without a '/' names no database; pgjdbc would also log a warning for it.
        Properties parsed = namesNoPath(url) ? null : Driver.parseURL(url, new Properties());
        String key = config.directUrl().isPresent() ? "database.direct_url" : "database.url";
        if (parsed == null || parsed.getProperty("PGDBNAME", "").isBlank()) {
            throw new ConfigurationException(key, "must name a database to write the role statement for (got '"
                    + JdbcUrls.redact(url) + "')");
        }
        String user = config.user() != null ? config.user() : parsed.getProperty("user");
        if (user == null || user.isBlank()) {
            throw new ConfigurationException("database.user",
                    "is needed to write the role statement: set it, or the URL's user parameter");
        }
        return new RoleStatement(user, parsed.getProperty("PGDBNAME"), config.schema());
    }

    /** {@return the SQL, identifiers quoted} Run it as the database owner or a superuser. */
    public String sql() {
        return "ALTER ROLE " + quote(user) + " IN DATABASE " + quote(database) + " SET search_path = " + schema.value()
                + ";";
    }

    @Override
    public String toString() {
        return sql();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static boolean namesNoPath(String url) {
        int hosts = url.indexOf("//");
        return hosts >= 0 && url.indexOf('/', hosts + 2) < 0;
    }
}
