package dev.attune.db;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated PostgreSQL schema name.
 *
 * <p>Rules, checked in this order; a name that breaks one is rejected, never repaired:
 * <ol>
 *   <li>it is not empty;</li>
 *   <li>it matches {@code [a-z_][a-z0-9_]*} (lower-case ASCII letters, digits and underscores; no leading digit), so it
 *       cannot smuggle SQL;</li>
 *   <li>it is at most {@value #MAX_BYTES} bytes, so that {@code <schema>_notifications} still fits PostgreSQL's 63-byte
 *       identifier limit (longer names would be silently truncated, and two of them could collide);</li>
 *   <li>it does not start with {@code pg_} (reserved for system schemas) and is not {@code information_schema};</li>
 *   <li>it is not an SQL reserved word such as {@code user} or {@code order}, so it never needs quoting.</li>
 * </ol>
 */
public final class SchemaName {

    /** Longest accepted name in bytes: 63 (PostgreSQL's identifier limit) minus the length of {@code _notifications}. */
    public static final int MAX_BYTES = 49;

    private static final Pattern FORMAT = Pattern.compile("[a-z_][a-z0-9_]*");

    /** PostgreSQL's reserved key words and those not allowed as a schema name without quotes (SQL key words appendix). */
    private static final Set<String> RESERVED_WORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
            "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
            "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike",
            "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like",
            "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or",
            "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
            "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then", "to",
            "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window",
            "with");

    /** The production schema. */
    public static final SchemaName ATTUNE = of("attune");

    private final String value;

    private SchemaName(String value) {
        this.value = value;
    }

    /**
     * Validates {@code name}.
     *
     * @param name the name to check
     * @return the valid schema name
     * @throws InvalidSchemaNameException naming the broken rule and the rejected value
     */
    public static SchemaName of(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidSchemaNameException(name, "must not be empty");
        }
        if (!FORMAT.matcher(name).matches()) {
            throw new InvalidSchemaNameException(name,
                    "must match [a-z_][a-z0-9_]* (lower-case ASCII letters, digits and '_', not starting with a digit)");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidSchemaNameException(name,
                    "must be at most " + MAX_BYTES + " bytes so that '<schema>_notifications' fits PostgreSQL's 63-byte"
                            + " identifier limit (got " + bytes + ")");
        }
        if (name.startsWith("pg_") || name.equals("information_schema")) {
            throw new InvalidSchemaNameException(name, "must not start with 'pg_' or be 'information_schema' (reserved by PostgreSQL)");
        }
        if (RESERVED_WORDS.contains(name)) {
            throw new InvalidSchemaNameException(name, "must not be an SQL reserved word (it would need quoting everywhere)");
        }
        return new SchemaName(name);
    }

    /** {@return the name as PostgreSQL stores it} Safe to use unquoted in SQL. */
    public String value() {
        return value;
    }

    /** {@return the NOTIFY channel on which this schema's execution changes are published: {@code <schema>_notifications}} */
    public String notificationChannel() {
        return value + "_notifications";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SchemaName that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
