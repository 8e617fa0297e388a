package dev.attune.provisioning.internal;

import dev.attune.db.SchemaName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>Usually all of it is one round trip and a commit: the worker's own session state, which other sessions ran
 * anything since they were last known clean ({@code state_change} of {@code pg_stat_get_activity}: a session that ran
 * nothing cannot have changed), the checks and the reset are sent together on one connection, the reset's statements
 * named with the schema (so that a setting a test left cannot redirect them) and prepared once per connection; the
 * transaction commits only if every check passed. Only the other sessions that ran something are read one by one.
 * Whatever is unusual (a dirty worker, a failing statement) rolls all of it back and takes the step-by-step path:
 * every session read first, then the checks, then the reset.
 */
public final class SchemaRecycler {

    /** When the given sessions last changed state: their pids and {@code state_change} in microseconds, aligned. */
    private static final String QUIET_SINCE = "select array_agg(a.pid) as pids,"
            + " array_agg((extract(epoch from a.state_change) * 1000000)::int8) as changes"
            + " from pg_catalog.pg_stat_get_activity(null) a where a.pid = any (?) and %s";

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
                 or exists (select 1 from pg_catalog.pg_stat_get_activity(null) a
                            where a.pid <> all (?) and right(a.application_name, ?) = ?) as in_use,
                    array(select distinct pid from locks where locktype = 'advisory' and pid = any (?)) as advisory)
            """);

    /**
     * The worker's own session state (column 1), read before any setting of the round trip, and when each of the
     * pool's other sessions last changed state (columns 2 and 3: their pids and {@code state_change} in microseconds;
     * a session whose {@code state_change} is the one seen when it was last known clean has run nothing since).
     */
    private static final String SESSIONS = "select " + SessionState.LEFTOVERS + ", q.pids, q.changes from ("
            + QUIET_SINCE.formatted("a.pid <> pg_catalog.pg_backend_pid()") + ") q";
    /** Waiting for another session's lock means the schema is in use: give up quickly and take the careful path. */
    private static final String LOCK_TIMEOUT = "set local lock_timeout = '1s'";

    /** The template the reset script is learnt from, when it is learnt on the first recycle. */
    private final String templateSchema;
    private volatile ResetPlan resetPlan;

    private SchemaRecycler(String templateSchema, ResetPlan resetPlan) {
        this.templateSchema = templateSchema;
        this.resetPlan = resetPlan;
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
        return new SchemaRecycler(templateSchema, ResetPlan.learn(connection, templateSchema));
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
        try (PoolSessions sessions = schema.borrowAll()) {
            Connection worker = sessions.preferring(schema.lastWorkerPid());
            String reset = resetScript(worker, schema.name());
            return switch (inOneRoundTrip(schema, sessions, worker, reset)) {
                case RECYCLED -> true;
                case REPLACE -> false;
                case UNUSUAL -> stepByStep(schema, sessions, reset);
            };
        }
    }

    /**
     * The usual path: session states, checks and reset in one round trip on {@code worker}, committed only if all
     * passed.
     */
    private Verdict inOneRoundTrip(PooledSchema schema, PoolSessions sessions, Connection worker,
            String reset) throws SQLException {
        if (!worker.getAutoCommit()) {
            return Verdict.UNUSUAL; // a test left auto-commit off: the session is dirty
        }
        List<Integer> checked;
        worker.setAutoCommit(false);
        try {
            Optional<RoundTrip> sent = send(schema, sessions, worker, reset);
            if (sent.isEmpty() || !sent.get().workerClean()) {
                worker.rollback();
                return Verdict.UNUSUAL;
            }
            RoundTrip trip = sent.get();
            if (!trip.check().unchangedAndUnused(schema)) {
                worker.rollback();
                return Verdict.REPLACE;
            }
            sessions.markClean(worker);
            checked = checkOthers(schema, sessions, worker, trip.stateChanges());
            worker.commit();
            sessions.evict(trip.check().advisoryHolders());
        } catch (SQLException | RuntimeException e) {
            worker.rollback();
            throw e;
        } finally {
            worker.setAutoCommit(true);
        }
        schema.recordWorker(sessions.pid(worker));
        if (!checked.isEmpty()) {
            // Their checks changed their state_change: remember the new one, or they would look busy next time.
            schema.recordQuiet(quietSince(worker, checked));
        }
        return Verdict.RECYCLED;
    }

    /** Sends the round trip inside the worker's transaction; empty when one of its statements failed. */
    private static Optional<RoundTrip> send(PooledSchema schema, PoolSessions sessions, Connection worker,
            String reset) throws SQLException {
        String sql = String.join(";\n", SESSIONS, CatalogVersion.PLANNER_SETTINGS, LOCK_TIMEOUT, CHECK, reset);
        try (PreparedStatement statement = worker.prepareStatement(sql)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(1); // every part planned once per connection
            Array pids = worker.createArrayOf("int4", sessions.pids().toArray());
            statement.setArray(1, pids);
            bindCheck(statement, 2, schema, pids);
            try {
                statement.execute();
            } catch (SQLException e) {
                return Optional.empty(); // a changed schema, a lock held elsewhere, a setting a test left...
            }
            boolean workerClean;
            Map<Integer, Long> stateChanges;
            try (ResultSet result = statement.getResultSet()) {
                result.next();
                workerClean = result.getLong(1) == 0;
                stateChanges = stateChanges(result, 2);
            }
            try (ResultSet result = nextResultSet(statement)) {
                return Optional.of(new RoundTrip(workerClean, stateChanges, readCheck(result)));
            }
        }
    }

    /**
     * Marks the pool's other sessions clean when they ran nothing since they were last seen clean, and reads the state
     * of the others; returns the pids of those read and found clean.
     */
    private static List<Integer> checkOthers(PooledSchema schema, PoolSessions sessions, Connection worker,
            Map<Integer, Long> stateChanges) throws SQLException {
        List<Integer> checked = new ArrayList<>();
        for (Connection other : sessions.all()) {
            int pid = sessions.pid(other);
            Long changed = stateChanges.get(pid);
            if (other == worker) {
                continue;
            }
            if (changed != null && changed.equals(schema.quietSince(pid))) {
                sessions.markClean(other);
            } else if (sessions.check(other)) {
                checked.add(pid);
            }
        }
        return checked;
    }

    /** Every session read first, then the checks, then the reset, each on its own round trip. */
    private boolean stepByStep(PooledSchema schema, PoolSessions sessions, String reset)
            throws SQLException {
        sessions.checkEach();
        Connection connection = sessions.worker();
        connection.setAutoCommit(false);
        try {
            CatalogVersion.usePlannerSettings(connection);
            Check check;
            try (PreparedStatement statement = connection.prepareStatement(CHECK)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(1); // keeps the generic plan on the connection
                bindCheck(statement, 1, schema, connection.createArrayOf("int4", sessions.pids().toArray()));
                try (ResultSet result = statement.executeQuery()) {
                    check = readCheck(result);
                }
            }
            if (!check.unchangedAndUnused(schema)) {
                connection.rollback();
                return false;
            }
            try (PreparedStatement statement = connection.prepareStatement(reset)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(1);
                statement.execute();
            }
            connection.commit();
            sessions.evict(check.advisoryHolders()); // their data work is done; their sessions must not serve a test
            schema.recordWorker(sessions.pid(connection));
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The reset script of {@code schema}, learning the template's tables on the first call. */
    private String resetScript(Connection connection, SchemaName schema) throws SQLException {
        ResetPlan plan = resetPlan;
        if (plan == null) {
            plan = ResetPlan.learn(connection, templateSchema); // the same for every schema: a race only repeats it
            resetPlan = plan;
        }
        return plan.script(schema);
    }

    /** The pids and state changes in columns {@code first} and {@code first + 1} of {@code result}'s row. */
    private static Map<Integer, Long> stateChanges(ResultSet result, int first) throws SQLException {
        Map<Integer, Long> changes = new HashMap<>();
        Array pids = result.getArray(first);
        if (pids != null) {
            Object[] pid = (Object[]) pids.getArray();
            Object[] change = (Object[]) result.getArray(first + 1).getArray();
            for (int i = 0; i < pid.length; i++) {
                changes.put(((Number) pid[i]).intValue(), change[i] == null ? null : ((Number) change[i]).longValue());
            }
        }
        return changes;
    }

    /** When the sessions {@code pids} last changed state, read through {@code connection} (in auto-commit mode). */
    private static Map<Integer, Long> quietSince(Connection connection, List<Integer> pids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(QUIET_SINCE.formatted("true"))) {
            statement.setArray(1, connection.createArrayOf("int4", pids.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return stateChanges(result, 1);
            }
        }
    }

    /** Binds {@link #CHECK}'s parameters from {@code first} on. */
    private static void bindCheck(PreparedStatement statement, int first, PooledSchema schema, Array poolPids)
            throws SQLException {
        String tag = ":" + schema.name().value();
        statement.setString(first, schema.name().value());
        statement.setString(first + 1, schema.name().value());
        statement.setArray(first + 2, poolPids);
        statement.setArray(first + 3, poolPids);
        statement.setInt(first + 4, tag.length());
        statement.setString(first + 5, tag);
        statement.setArray(first + 6, poolPids);
    }

    /** Moves to the next result set of a statement of several, past the update counts (of SETs, DELETEs) before it. */
    private static ResultSet nextResultSet(PreparedStatement statement) throws SQLException {
        while (!statement.getMoreResults()) {
            if (statement.getUpdateCount() == -1) {
                throw new SQLException("the recycle statement returned fewer results than it has queries");
            }
        }
        return statement.getResultSet();
    }

    /** What {@link #CHECK} returned in its one row. */
    private static Check readCheck(ResultSet result) throws SQLException {
        if (!result.next()) {
            throw new SQLException("the recycle check returned no row");
        }
        List<Integer> advisory = new ArrayList<>();
        for (Object pid : (Object[]) result.getArray(6).getArray()) {
            advisory.add(((Number) pid).intValue());
        }
        return new Check(CatalogVersion.read(result), result.getBoolean(5), advisory);
    }

    /** The outcome of the one-round-trip path. */
    private enum Verdict {
        /** Checked and emptied: lease it again. */
        RECYCLED,
        /** Changed or still in use: drop it and build another. */
        REPLACE,
        /** A dirty worker or a failing statement, all rolled back: look again step by step. */
        UNUSUAL
    }

    /** What the round trip found before its reset. */
    private record RoundTrip(boolean workerClean, Map<Integer, Long> stateChanges, Check check) {
    }

    /**
     * What {@link #CHECK} found: the catalog version, whether another session uses the schema, which of the pool's
     * sessions hold an advisory lock (those are evicted).
     */
    private record Check(CatalogVersion version, boolean inUse, List<Integer> advisoryHolders) {

        boolean unchangedAndUnused(PooledSchema schema) {
            return version.equals(schema.verifiedVersion()) && !inUse;
        }
    }

    /**
     * What a recycle runs once its checks passed: the deletes and {@code setval}s of {@code schema}, named with the
     * schema. Public for the benchmark, which measures it without the checks.
     *
     * @param schema the schema the script empties
     * @return the script: statements separated by semicolons
     * @throws IllegalStateException when nothing was learnt yet ({@link #learningFrom} before the first recycle)
     */
    public String resetScript(SchemaName schema) {
        ResetPlan plan = resetPlan;
        if (plan == null) {
            throw new IllegalStateException("the reset script of " + templateSchema + " is learnt on the first recycle");
        }
        return plan.script(schema);
    }
}
