package dev.attune.db;

import java.util.Locale;

/**
 * What sits between the service and PostgreSQL ({@code database.pooler}); it decides how the schema binding is made.
 *
 * <ul>
 *   <li>{@link #NONE} (the default): {@code database.url} reaches PostgreSQL itself. The schema is sent as pgjdbc's
 *       {@code currentSchema} startup parameter, and every new connection is checked.</li>
 *   <li>{@link #TRANSACTION}: {@code database.url} reaches a transaction pooler such as PgBouncer
 *       ({@code pool_mode = transaction}). No schema is sent (PgBouncer rejects the {@code search_path} startup
 *       parameter); the schema comes from the role's {@code search_path}
 *       ({@code ALTER ROLE … IN DATABASE … SET search_path = <schema>}), which every new connection checks. Prepared
 *       statements stay unnamed ({@code prepareThreshold=0}). Migrations and the notification listener use
 *       {@code database.direct_url}: nothing session-level is sent through the pooler.</li>
 * </ul>
 */
public enum PoolerMode {
    /** Direct connections to PostgreSQL (or a pooler that passes the startup packet through unchanged). */
    NONE,
    /** A transaction pooler (PgBouncer {@code pool_mode = transaction}) between the service and PostgreSQL. */
    TRANSACTION;

    /**
     * Parses {@code none} or {@code transaction} (case-insensitive).
     *
     * @param key   the configuration key, for the error message
     * @param value the configured text
     * @return the constant
     * @throws ConfigurationException naming {@code key} when the text is none of them
     */
    public static PoolerMode parse(String key, String value) {
        return ConfigEnums.parse(values(), key, value);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
