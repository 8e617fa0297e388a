package dev.attune.db;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Immutable, validated settings of one Attune database binding.
 *
 * <p>Build with {@link #builder()} or load from YAML with {@link dev.attune.db.config.ConfigFiles}. Every field is checked
 * once, in the constructor; a bad value fails with a {@link ConfigurationException} that names the key, the rule and the
 * value.
 *
 * @param environment    where this runs; default {@code development}. In {@code production} any schema other than
 *                       {@code attune} is logged as a warning.
 * @param url            pgjdbc URL ({@code jdbc:postgresql://host:port/database}); required. It must not choose a
 *                       schema itself ({@code currentSchema}, {@code options}): the schema comes only from {@code schema}.
 * @param user           database user; optional when the URL carries it.
 * @param password       database password; optional (trust or URL authentication). Never printed.
 * @param schema         the schema every connection is bound to; default {@code attune}.
 * @param maxConnections pool size, 1–1000; default {@value #DEFAULT_MAX_CONNECTIONS}.
 * @param serviceRole    role that the migrator grants table, sequence and function privileges to after migrating;
 *                       optional (no grants when absent).
 * @param pooler         what {@code url} reaches: {@link PoolerMode#NONE} (PostgreSQL itself; the default) or
 *                       {@link PoolerMode#TRANSACTION} (a transaction pooler such as PgBouncer; the schema then comes from
 *                       the role's {@code search_path}, which is checked).
 * @param directUrl      pgjdbc URL of PostgreSQL itself, bypassing the pooler, for migrations and the notification
 *                       listener; optional. Without it they use {@code url}, except with a transaction pooler, where they
 *                       are refused. Same rules as {@code url}.
 */
public record DatabaseConfig(
        Environment environment,
        String url,
        String user,
        String password,
        SchemaName schema,
        int maxConnections,
        Optional<String> serviceRole,
        PoolerMode pooler,
        Optional<String> directUrl) {

    /** Default pool size. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10;

    private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern SCHEMA_IN_URL = Pattern.compile("[?&](currentschema|options|searchpath)=");

    /**
     * Validates every field, then their combinations; prefer {@link #builder()}, which supplies the defaults.
     *
     * @param environment    where the layer runs
     * @param url            the pgjdbc URL; must not choose a schema
     * @param user           the user, unless the URL carries it
     * @param password       the password, if any
     * @param schema         the schema of every connection
     * @param maxConnections the pool size, 1 to 1000
     * @param serviceRole    the role granted privileges after each migration, if any
     * @param pooler         what {@code url} reaches
     * @param directUrl      PostgreSQL's own URL for migrations and the listener, if {@code url} is a pooler's
     * @throws ConfigurationException naming the first key whose value breaks a rule
     */
    public DatabaseConfig {
        if (environment == null) {
            throw new ConfigurationException("environment", "is required");
        }
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("database.url", "is required (a jdbc:postgresql:// URL)");
        }
        checkUrl("database.url", url);
        directUrl = directUrl == null ? Optional.empty() : directUrl;
        directUrl.ifPresent(direct -> checkUrl("database.direct_url", direct));
        pooler = pooler == null ? PoolerMode.NONE : pooler;
        if (schema == null) {
            throw new ConfigurationException("database.schema", "is required");
        }
        if (maxConnections < 1 || maxConnections > 1000) {
            throw new ConfigurationException("database.max_connections", "must be between 1 and 1000 (got " + maxConnections + ")");
        }
        serviceRole = serviceRole == null ? Optional.empty() : serviceRole;
        serviceRole.ifPresent(role -> {
            if (!ROLE.matcher(role).matches()) {
                throw new ConfigurationException("database.service_role",
                        "must match [a-z_][a-z0-9_]* and be at most 63 bytes (got '" + role + "')");
            }
        });
    }

    /**
     * Without a pooler: {@link PoolerMode#NONE} and no direct URL.
     *
     * @param environment    where the layer runs
     * @param url            the pgjdbc URL; must not choose a schema
     * @param user           the user, unless the URL carries it
     * @param password       the password, if any
     * @param schema         the schema of every connection
     * @param maxConnections the pool size, 1 to 1000
     * @param serviceRole    the role granted privileges after each migration, if any
     * @throws ConfigurationException naming the first key whose value breaks a rule
     */
    public DatabaseConfig(Environment environment, String url, String user, String password, SchemaName schema,
            int maxConnections, Optional<String> serviceRole) {
        this(environment, url, user, password, schema, maxConnections, serviceRole, PoolerMode.NONE, Optional.empty());
    }

    private static void checkUrl(String key, String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigurationException(key,
                    "must start with 'jdbc:postgresql:' (got '" + JdbcUrls.redact(url) + "')");
        }
        if (SCHEMA_IN_URL.matcher(url.toLowerCase(Locale.ROOT)).find()) {
            throw new ConfigurationException(key,
                    "must not set currentSchema, searchpath or options; the schema comes only from database.schema (got '"
                            + JdbcUrls.redact(url) + "')");
        }
    }

    /** {@return a builder with the defaults: development, schema {@code attune}, {@value #DEFAULT_MAX_CONNECTIONS} connections} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A copy bound to another schema (used to point the same server at a test or scratch schema).
     *
     * @param otherSchema the schema of the copy
     * @return the copy
     */
    public DatabaseConfig withSchema(SchemaName otherSchema) {
        return new DatabaseConfig(environment, url, user, password, otherSchema, maxConnections, serviceRole, pooler,
                directUrl);
    }

    /** {@return whether this is production with a schema other than {@code attune}} Allowed, but logged loudly. */
    public boolean isUnusualProductionSchema() {
        return environment == Environment.PRODUCTION && !schema.equals(SchemaName.ATTUNE);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[environment=" + environment + ", url=" + JdbcUrls.redact(url) + ", user=" + user
                + ", password=" + (password == null ? "<none>" : "****") + ", schema=" + schema + ", maxConnections=" + maxConnections
                + ", serviceRole=" + serviceRole.orElse("<none>") + ", pooler=" + pooler + ", directUrl="
                + directUrl.map(JdbcUrls::redact).orElse("<none>") + "]";
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private Environment environment = Environment.DEVELOPMENT;
        private String url;
        private String user;
        private String password;
        private String schema = SchemaName.ATTUNE.value();
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private String serviceRole;
        private PoolerMode pooler = PoolerMode.NONE;
        private String directUrl;

        private Builder() {
        }

        /**
         * Where the layer runs; default {@link Environment#DEVELOPMENT}.
         *
         * @param environment the environment, required
         * @return this builder
         */
        public Builder environment(Environment environment) {
            this.environment = environment;
            return this;
        }

        /**
         * The pgjdbc URL, {@code jdbc:postgresql://host:port/database}; required, and it must not choose a schema
         * ({@code currentSchema}, {@code options}, {@code searchpath}).
         *
         * @param url the JDBC URL
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * The user; default none (the URL may carry it).
         *
         * @param user the user or null
         * @return this builder
         */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * The password; default none. Never printed.
         *
         * @param password the password or null
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * The schema of every connection; default {@code attune}. Must be a valid {@link SchemaName}.
         *
         * @param schema the schema name
         * @return this builder
         */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /**
         * The pool size, 1 to 1000; default {@value DatabaseConfig#DEFAULT_MAX_CONNECTIONS}.
         *
         * @param maxConnections the largest number of open connections
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * The role granted DML, sequence and function privileges after each migration; default none (no grants).
         *
         * @param serviceRole the role name or null
         * @return this builder
         */
        public Builder serviceRole(String serviceRole) {
            this.serviceRole = serviceRole;
            return this;
        }

        /**
         * What {@code url} reaches; default {@link PoolerMode#NONE}.
         *
         * @param pooler PostgreSQL itself or a transaction pooler
         * @return this builder
         */
        public Builder pooler(PoolerMode pooler) {
            this.pooler = pooler;
            return this;
        }

        /**
         * PostgreSQL's own URL for migrations and the notification listener; default none.
         *
         * @param directUrl the URL or null
         * @return this builder
         */
        public Builder directUrl(String directUrl) {
            this.directUrl = directUrl;
            return this;
        }

        /**
         * Validates every setting and returns the immutable configuration.
         *
         * @return the configuration
         * @throws ConfigurationException naming the first key whose value breaks a rule
         */
        public DatabaseConfig build() {
            SchemaName schemaName;
            try {
                schemaName = SchemaName.of(schema);
            } catch (InvalidSchemaNameException e) {
                throw new ConfigurationException("database.schema", e.getMessage(), e);
            }
            return new DatabaseConfig(environment, url, user, password, schemaName, maxConnections,
                    Optional.ofNullable(serviceRole), pooler, Optional.ofNullable(directUrl));
        }
    }
}
