package dev.attune.provisioning.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Connections borrowed from a schema's pool for a recycle: each is unchecked until found clean (given back on
 * close) or dirty (evicted on close, its session ended).
 */
final class PoolSessions implements AutoCloseable {

    private final HikariDataSource pool;
    private final List<Connection> all = new ArrayList<>();
    private final Map<Connection, Integer> pidOf = new IdentityHashMap<>();
    private final Map<Connection, Boolean> cleanOf = new IdentityHashMap<>();

    PoolSessions(HikariDataSource pool) {
        this.pool = pool;
    }

    void add(Connection connection) throws SQLException {
        all.add(connection);
        // The driver learnt its server process at start-up: no round trip.
        pidOf.put(connection, connection.unwrap(PGConnection.class).getBackendPID());
    }

    /** Every borrowed connection, in borrowing order. */
    List<Connection> all() {
        return all;
    }

    /** The borrowed connection of server process {@code pid}, else the first borrowed one. */
    Connection preferring(int pid) {
        return all.stream().filter(connection -> pidOf.get(connection) == pid).findFirst().orElse(all.get(0));
    }

    /** The server process of {@code connection}. */
    int pid(Connection connection) {
        return pidOf.get(connection);
    }

    /** Reads the {@link SessionState} of every connection not yet known clean or dirty. */
    void checkEach() throws SQLException {
        for (Connection connection : all) {
            if (!cleanOf.containsKey(connection)) {
                check(connection);
            }
        }
    }

    /** Reads the {@link SessionState} of {@code connection}; returns whether it is clean. */
    boolean check(Connection connection) throws SQLException {
        boolean clean = SessionState.of(connection).clean();
        cleanOf.put(connection, clean);
        return clean;
    }

    /** Records that {@code connection}'s session carries nothing a test left. */
    void markClean(Connection connection) {
        cleanOf.put(connection, true);
    }

    /** Records that {@code connection}'s session must end instead of serving another test. */
    void markDirty(Connection connection) {
        cleanOf.put(connection, false);
    }

    /**
     * A connection known clean to work on: a borrowed one, or — when every borrowed one was dirty and is now
     * evicted — a new one from the pool. Call after {@link #checkEach()}.
     */
    Connection worker() throws SQLException {
        for (Connection connection : all) {
            if (Boolean.TRUE.equals(cleanOf.get(connection))) {
                return connection;
            }
        }
        evictDirty();
        Connection connection = pool.getConnection();
        add(connection);
        check(connection);
        if (!cleanOf.get(connection)) {
            throw new SQLException("a new connection of pool " + pool.getPoolName() + " is not clean");
        }
        return connection;
    }

    /** Treats the sessions of {@code holders} as dirty: they are evicted instead of given back. */
    void evict(List<Integer> holders) {
        for (Connection connection : all) {
            if (holders.contains(pidOf.get(connection))) {
                markDirty(connection);
            }
        }
    }

    private void evictDirty() {
        for (Iterator<Connection> it = all.iterator(); it.hasNext(); ) {
            Connection connection = it.next();
            if (Boolean.FALSE.equals(cleanOf.get(connection))) {
                pool.evictConnection(connection);
                it.remove();
            }
        }
    }

    /** Server processes of every borrowed connection, clean or not: the pool's own sessions. */
    List<Integer> pids() {
        List<Integer> pids = new ArrayList<>();
        for (Connection connection : all) {
            pids.add(pidOf.get(connection));
        }
        return pids;
    }

    /** Gives clean connections back; evicts the others, also those never checked. */
    @Override
    public void close() {
        for (Connection connection : all) {
            if (!Boolean.TRUE.equals(cleanOf.get(connection))) {
                pool.evictConnection(connection);
                continue;
            }
            try {
                connection.close();
            } catch (SQLException e) {
                pool.evictConnection(connection);
            }
        }
        all.clear();
    }
}
