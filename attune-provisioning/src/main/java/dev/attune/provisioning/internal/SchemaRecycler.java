package dev.attune.provisioning.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGStatement;

/**
 * Makes a released test schema as good as new, or says it cannot: the verified recycle mode.
 *
 * <p>A schema is recycled only when its pool has every connection back, none of them carries session state a test left
 * (those are evicted), no other session uses the schema (no lock on any of its relations, no other connection tagged
 * with its name), and its {@link CatalogVersion} equals the one recorded when it was verified (a test that altered,
 * created, dropped, granted or commented anything is dropped instead). Then, in one transaction on one of the schema's
 * own warm connections, every table is emptied with {@code DELETE} (children before parents, so no foreign key is ever
 * violated; much cheaper than {@code TRUNCATE} for small tables) and every sequence is set back to its start with
 * {@code setval} (unlike {@code ALTER SEQUENCE RESTART}, it writes no catalog row, so the catalog version stays).
 */
public final class SchemaRecycler {

    /**
     * The whole check in one round trip: the schema's {@link CatalogVersion} (columns 1-4), then one read of
     * {@code pg_locks} answering both questions about the pool's sessions and the schema — does another session lock
     * one of its relations or carry its name (column 5: in use), and which of the pool's own sessions hold an advisory
     * lock (column 6: those are evicted).
     */
    private static final String CHECK = CatalogVersion.queryWith("""
            (with locks as materialized (select locktype, relation, pid from pg_catalog.pg_locks)
             select exists (select 1 from locks l
                            join pg_catalog.pg_class c on c.oid = l.relation
                            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                            where n.nspname = ? and l.pid <> all (?))
                 or exists (select 1 from pg_catalog.pg_stat_activity
                            where pid <> all (?) and right(application_name, ?) = ?) as in_use,
                    array(select distinct pid from locks where locktype = 'advisory' and pid = any (?)) as advisory)
            """);

    /** The template the reset script is learnt from, when it is learnt on the first recycle. */
    private final String templateSchema;
    private volatile String resetScript;

    private SchemaRecycler(String templateSchema, String resetScript) {
        this.templateSchema = templateSchema;
        this.resetScript = resetScript;
    }

    /**
     * A recycler that learns the tables, foreign keys and sequences of {@code templateSchema} on its first recycle, on
     * that schema's connection: a run that never recycles (one test) does not pay for it at its start.
     *
     * @param templateSchema the template all schemas of the run are copies of
     * @return the recycler
     */
    public static SchemaRecycler learningFrom(String templateSchema) {
        return new SchemaRecycler(templateSchema, null);
    }

    /**
     * Learns the tables, their foreign keys and the sequences of {@code templateSchema}.
     *
     * @param connection     a connection to the test server
     * @param templateSchema the template all schemas of the run are copies of
     * @return the recycler
     * @throws SQLException when the catalog cannot be read
     */
    public static SchemaRecycler forTemplate(Connection connection, String templateSchema) throws SQLException {
        return new SchemaRecycler(templateSchema, learn(connection, templateSchema));
    }

    private static String learn(Connection connection, String templateSchema) throws SQLException {
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
        return resetScript(childrenFirst(tables, parents), sequenceStarts(connection, templateSchema));
    }

    /**
     * Empties {@code schema} if it is safe to reuse. Runs on the schema's own pool.
     *
     * @param schema the released schema, its pool open
     * @return true when the schema is clean and may be leased again; false when it is still in use or changed and
     *         must be dropped
     * @throws SQLException when checking or emptying it failed (rolled back; drop the schema)
     */
    public boolean recycle(PooledSchema schema) throws SQLException {
        if (!schema.idle()) {
            return false;
        }
        try (PooledSchema.Sessions sessions = schema.borrowAll()) {
            Connection connection = sessions.worker();
            connection.setAutoCommit(false);
            try {
                CatalogVersion.usePlannerSettings(connection);
                List<Integer> advisoryHolders = new ArrayList<>();
                if (!unchangedAndUnused(connection, schema, sessions.pids(), advisoryHolders)) {
                    connection.rollback();
                    return false;
                }
                String script = resetScript;
                if (script == null) {
                    script = learn(connection, templateSchema); // the same for every schema: a race only repeats it
                    resetScript = script;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute(script); // one round trip; the search path is the schema alone
                }
                connection.commit();
                sessions.evict(advisoryHolders); // their data work is done; their sessions must not serve a test
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static String resetScript(List<String> deleteOrder, Map<String, Long> sequences) {
        // Planner settings of the catalog queries end here; test data needs no durable commit.
        StringBuilder script = new StringBuilder("set local enable_seqscan = on; set local enable_hashjoin = on;"
                + " set local enable_mergejoin = on; set local synchronous_commit = off;\n");
        for (String table : deleteOrder) {
            script.append("delete from \"").append(table).append("\";\n");
        }
        if (!sequences.isEmpty()) {
            List<String> calls = new ArrayList<>();
            sequences.forEach((sequence, start) -> calls.add("pg_catalog.setval('\"" + sequence + "\"', " + start + ", false)"));
            script.append("select ").append(String.join(", ", calls)).append(";\n");
        }
        return script.toString();
    }

    /**
     * What a recycle runs once its checks passed: the deletes and {@code setval}s, unqualified (for the schema's own
     * connections). Public for the benchmark, which measures it without the checks.
     *
     * @return the script
     */
    public String resetScript() {
        if (resetScript == null) {
            throw new IllegalStateException("the reset script of " + templateSchema + " is learnt on the first recycle");
        }
        return resetScript;
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

    /**
     * Whether the schema's catalog version is the verified one and no other session uses it: none holds a lock on any
     * of its relations, none is tagged with its name ({@code attune-notifications:<schema>}, a tool's connection, ...
     * — an idle connection or a LISTEN holds no lock). The schema's own pool ({@code poolPids}) does not count; those
     * of its sessions that hold an advisory lock are added to {@code advisoryHolders}.
     */
    private static boolean unchangedAndUnused(Connection connection, PooledSchema schema, List<Integer> poolPids,
            List<Integer> advisoryHolders) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CHECK)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(1); // keeps the generic plan on the connection
            Array pids = connection.createArrayOf("int4", poolPids.toArray());
            String tag = ":" + schema.name().value();
            statement.setString(1, schema.name().value());
            statement.setString(2, schema.name().value());
            statement.setArray(3, pids);
            statement.setArray(4, pids);
            statement.setInt(5, tag.length());
            statement.setString(6, tag);
            statement.setArray(7, pids);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                for (Object pid : (Object[]) result.getArray(6).getArray()) {
                    advisoryHolders.add(((Number) pid).intValue());
                }
                return CatalogVersion.read(result).equals(schema.verifiedVersion()) && !result.getBoolean(5);
            }
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
