package dev.attune.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * How a connection is bound to its schema, and the check that it really is, run on every new physical connection before
 * it is handed out.
 *
 * <p>The check is one round trip ({@link #QUERY}) and compares the {@code search_path} setting with the configured
 * schema: it must be that schema alone. {@code current_schema()} is reported too; it is null while the schema does not
 * exist yet (before the first migration), which is safe: with the path naming only the schema, unqualified names fail
 * instead of resolving elsewhere.
 */
enum SchemaBinding {

    /** pgjdbc's {@code currentSchema} startup parameter (a direct connection). */
    STARTUP_PARAMETER,
    /** The role's {@code search_path} setting (through a transaction pooler, which rejects the startup parameter). */
    ROLE_SETTING;

    /** One round trip: everything the check and its message need. */
    static final String QUERY = "select pg_catalog.current_setting('search_path'), pg_catalog.current_schema(),"
            + " current_user, pg_catalog.current_database()";

    /**
     * Refuses {@code connection} unless its search path is exactly {@code config}'s schema.
     *
     * @param purpose what the connection is for ("the service pool", "migrations", ...), for the message
     * @throws SchemaBindingException naming the expected and actual values and the fix
     * @throws SQLException when the check cannot run
     */
    void verify(Connection connection, DatabaseConfig config, String purpose) throws SQLException {
        String searchPath;
        String currentSchema;
        String user;
        String database;
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(QUERY)) {
            result.next();
            searchPath = result.getString(1);
            currentSchema = result.getString(2);
            user = result.getString(3);
            database = result.getString(4);
        }
        String expected = config.schema().value();
        if (List.of(expected).equals(entries(searchPath)) && (currentSchema == null || currentSchema.equals(expected))) {
            return;
        }
        RoleStatement statement = new RoleStatement(user, database, config.schema());
        throw new SchemaBindingException("refusing a connection for " + purpose + ": it is bound to the wrong schema: expected"
                + " search_path '" + expected + "', got '" + searchPath + "' (current_schema() = "
                + (currentSchema == null ? "none" : currentSchema) + ") for user " + user + " on database " + database
                + "; nothing was read or written. " + fix(statement), expected, searchPath);
    }

    private String fix(RoleStatement statement) {
        if (this == STARTUP_PARAMETER) {
            return "The currentSchema startup parameter did not take effect: a pooler in between (e.g. PgBouncer with"
                    + " ignore_startup_parameters = search_path) dropped it. Connect to PostgreSQL directly, or set"
                    + " database.pooler: transaction and run as the database owner: " + statement.sql();
        }
        return "With database.pooler: transaction the schema comes from the role's search_path; run as the database"
                + " owner: " + statement.sql() + " then make the pooler reconnect (PgBouncer: RECONNECT on its admin"
                + " console, or a restart), since open server connections keep their old search_path.";
    }

    /** The entries of a {@code search_path} value, trimmed and unquoted: {@code "$user", public} → [$user, public]. */
    static List<String> entries(String searchPath) {
        List<String> entries = new ArrayList<>();
        if (searchPath == null || searchPath.isBlank()) {
            return entries;
        }
        for (String entry : searchPath.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
                trimmed = trimmed.substring(1, trimmed.length() - 1).replace("\"\"", "\"");
            }
            entries.add(trimmed);
        }
        return entries;
    }
}
