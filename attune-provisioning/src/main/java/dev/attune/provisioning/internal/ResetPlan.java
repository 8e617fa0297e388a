package dev.attune.provisioning.internal;

import dev.attune.db.SchemaName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a recycled schema is emptied, learnt once from the template: its tables, children before parents (from the
 * foreign keys, so that deleting in this order never violates one), and its sequences with their start values.
 *
 * @param deleteOrder the tables, every one before the tables it references
 * @param sequences   the sequences and the values they start at
 */
public record ResetPlan(List<String> deleteOrder, Map<String, Long> sequences) {

    /**
     * Learns the tables, their foreign keys and the sequences of {@code templateSchema}.
     *
     * @param connection     a connection to the test server
     * @param templateSchema the schema to learn from
     * @return the plan
     * @throws SQLException when the catalog cannot be read
     */
    public static ResetPlan learn(Connection connection, String templateSchema) throws SQLException {
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
        return new ResetPlan(childrenFirst(tables, parents), sequenceStarts(connection, templateSchema));
    }

    /**
     * The statements that empty {@code schema}: the deletes and {@code setval}s, every name qualified with the schema
     * (a {@code search_path} a test left cannot redirect them), after the planner settings of the recycle's catalog
     * queries are set back.
     *
     * @param schema the schema to empty
     * @return the statements, separated by semicolons
     */
    public String script(SchemaName schema) {
        String prefix = "\"" + schema.value() + "\".";
        // Planner settings of the catalog queries end here; test data needs no durable commit.
        StringBuilder script = new StringBuilder("set local enable_seqscan = on; set local enable_hashjoin = on;"
                + " set local enable_mergejoin = on; set local synchronous_commit = off;\n");
        for (String table : deleteOrder) {
            script.append("delete from ").append(prefix).append('"').append(table).append("\";\n");
        }
        if (!sequences.isEmpty()) {
            List<String> calls = new ArrayList<>();
            sequences.forEach((sequence, start) -> calls.add(
                    "pg_catalog.setval('" + prefix + "\"" + sequence + "\"', " + start + ", false)"));
            script.append("select ").append(String.join(", ", calls)).append(";\n");
        }
        return script.toString();
    }

    /** The tables in an order where every table comes before the tables it references. */
    static List<String> childrenFirst(List<String> tables, Map<String, Set<String>> parents) {
        List<String> parentsFirst = new ArrayList<>();
        Set<String> visited = new LinkedHashSet<>();
        for (String table : tables) {
            visit(table, parents, visited, parentsFirst);
        }
        List<String> order = new ArrayList<>(parentsFirst);
        Collections.reverse(order);
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

    private static Map<String, Long> sequenceStarts(Connection connection, String schema) throws SQLException {
        String query = "select c.relname, s.seqstart from pg_catalog.pg_sequence s"
                + " join pg_catalog.pg_class c on c.oid = s.seqrelid"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace where n.nspname = ? order by c.relname";
        Map<String, Long> starts = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    starts.put(result.getString(1), result.getLong(2));
                }
            }
        }
        return starts;
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
