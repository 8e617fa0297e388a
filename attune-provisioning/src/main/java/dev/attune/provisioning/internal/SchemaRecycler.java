package dev.attune.provisioning.internal;

import dev.attune.db.SchemaName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a released test schema as good as new, or says it cannot: the verified recycle mode.
 *
 * <p>A schema is recycled only when no other session uses it (no lock on any of its relations, no connection tagged
 * with its name) and its catalog fingerprint still equals the template's (a test that altered a table, function, type or
 * trigger is dropped instead). Then, in one transaction, every table is emptied with {@code DELETE} (children before
 * parents, so no foreign key is ever violated; much cheaper than {@code TRUNCATE} for small tables) and every sequence
 * restarts at 1.
 */
public final class SchemaRecycler {

    private final CatalogFingerprint template;
    private final List<String> deleteOrder;
    private final List<String> sequences;

    private SchemaRecycler(CatalogFingerprint template, List<String> deleteOrder, List<String> sequences) {
        this.template = template;
        this.deleteOrder = List.copyOf(deleteOrder);
        this.sequences = List.copyOf(sequences);
    }

    /** Learns the tables, their foreign keys and the sequences of {@code templateSchema}. */
    public static SchemaRecycler forTemplate(Connection connection, String templateSchema, CatalogFingerprint template)
            throws SQLException {
        List<String> tables = names(connection, templateSchema, "r");
        tables.remove("flyway_schema_history");
        Map<String, Set<String>> parents = new HashMap<>();
        String foreignKeys = "select child.relname, parent.relname from pg_catalog.pg_constraint k"
                + " join pg_catalog.pg_class child on child.oid = k.conrelid"
                + " join pg_catalog.pg_class parent on parent.oid = k.confrelid"
                + " join pg_catalog.pg_namespace n on n.oid = k.connamespace"
                + " where k.contype = 'f' and n.nspname = ?";
        try (PreparedStatement statement = connection.prepareStatement(foreignKeys)) {
            statement.setString(1, templateSchema);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    if (!result.getString(1).equals(result.getString(2))) {
                        parents.computeIfAbsent(result.getString(1), t -> new LinkedHashSet<>()).add(result.getString(2));
                    }
                }
            }
        }
        return new SchemaRecycler(template, childrenFirst(tables, parents), names(connection, templateSchema, "S"));
    }

    /**
     * Empties {@code schema} if it is safe to reuse.
     *
     * @return true when the schema is clean and may be leased again; false when it is still in use or its DDL changed
     *         and it must be dropped
     * @throws SQLException when emptying it failed (the transaction is rolled back; drop the schema)
     */
    public boolean recycle(Connection connection, SchemaName schema) throws SQLException {
        if (inUse(connection, schema) || !CatalogFingerprint.of(connection, schema.value()).equals(template)) {
            return false;
        }
        StringBuilder script = new StringBuilder();
        for (String table : deleteOrder) {
            script.append("delete from ").append(schema.value()).append(".\"").append(table).append("\";\n");
        }
        for (String sequence : sequences) {
            script.append("alter sequence ").append(schema.value()).append(".\"").append(sequence).append("\" restart;\n");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(script.toString()); // one round trip, one transaction
            connection.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The tables in an order where every table comes before the tables it references. */
    static List<String> childrenFirst(List<String> tables, Map<String, Set<String>> parents) {
        List<String> parentsFirst = new ArrayList<>();
        Set<String> visited = new LinkedHashSet<>();
        for (String table : tables) {
            visit(table, parents, visited, parentsFirst);
        }
        List<String> order = new ArrayList<>(parentsFirst);
        java.util.Collections.reverse(order);
        return order;
    }

    private static void visit(String table, Map<String, Set<String>> parents, Set<String> visited, List<String> out) {
        if (visited.add(table)) {
            for (String parent : parents.getOrDefault(table, Set.of())) {
                visit(parent, parents, visited, out);
            }
            out.add(table);
        }
    }

    /**
     * Whether another session still uses the schema: one holding a lock on any of its relations, or one tagged with its
     * name ({@code attune-test:<schema>}, {@code attune-notifications:<schema>}, ...) — an idle pool or a LISTEN
     * connection holds no lock.
     */
    private static boolean inUse(Connection connection, SchemaName schema) throws SQLException {
        String query = "select exists (select 1 from pg_catalog.pg_locks l"
                + " join pg_catalog.pg_class c on c.oid = l.relation"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and l.pid <> pg_catalog.pg_backend_pid())"
                + " or exists (select 1 from pg_catalog.pg_stat_activity"
                + " where pid <> pg_catalog.pg_backend_pid() and right(application_name, ?) = ?)";
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            String tag = ":" + schema.value();
            statement.setString(1, schema.value());
            statement.setInt(2, tag.length());
            statement.setString(3, tag);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static List<String> names(Connection connection, String schema, String relkind) throws SQLException {
        String query = "select c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = ? and c.relkind = ?::\"char\" order by c.relname";
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, schema);
            statement.setString(2, relkind);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
        }
        return names;
    }
}
