package dev.attune.provisioning.internal;

import dev.attune.db.AttuneDbException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many schemas are leased at once, so that their pools never ask the server for more connections than
 * {@code max_connections} allows. A lease beyond the budget waits; after the timeout it fails with an explanation.
 */
public final class ConnectionBudget {

    /** Connections left for everybody else (psql sessions, other tools) when computing the budget. */
    static final int HEADROOM = 5;

    private final int leases;
    private final int connectionsPerLease;
    private final Semaphore permits;

    private ConnectionBudget(int leases, int connectionsPerLease) {
        this.leases = leases;
        this.connectionsPerLease = connectionsPerLease;
        this.permits = new Semaphore(leases, true);
    }

    /**
     * Reads {@code max_connections}, the reserved slots and the sessions in use, and allows at most {@code wanted} leases
     * of {@code connectionsPerLease} connections each, after setting aside {@code ownConnections} for provisioning.
     *
     * @param connection          a connection to the test server
     * @param wanted              the leases the settings ask for
     * @param connectionsPerLease the pool size of each leased schema
     * @param ownConnections      the connections provisioning itself holds
     * @return the budget
     * @throws AttuneDbException when not even one lease fits
     * @throws SQLException when the server's settings cannot be read
     */
    public static ConnectionBudget measure(Connection connection, int wanted, int connectionsPerLease, int ownConnections)
            throws SQLException {
        int max;
        int reserved;
        int used;
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select current_setting('max_connections')::int,"
                        + " current_setting('superuser_reserved_connections')::int,"
                        + " (select count(*) from pg_catalog.pg_stat_activity where backend_type = 'client backend')::int")) {
            result.next();
            max = result.getInt(1);
            reserved = result.getInt(2);
            used = result.getInt(3);
        }
        int free = max - reserved - used - HEADROOM - ownConnections;
        int fitting = free / connectionsPerLease;
        if (fitting < 1) {
            throw new AttuneDbException("the test server cannot take another test schema pool: max_connections=" + max
                    + ", reserved=" + reserved + ", in use=" + used + ", needed per lease=" + connectionsPerLease
                    + ". Close other sessions, raise max_connections, or lower attune.test.connections-per-lease.");
        }
        return new ConnectionBudget(Math.min(wanted, fitting), connectionsPerLease);
    }

    /**
     * Waits for a free lease slot.
     *
     * @param timeout how long to wait
     * @throws AttuneDbException when no slot was freed within {@code timeout}, or the wait was interrupted
     */
    public void acquire(Duration timeout) {
        try {
            if (!permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AttuneDbException("no test schema could be leased within " + timeout.toSeconds() + " s: all "
                        + leases + " leases (" + connectionsPerLease + " connections each) are held. A test that never"
                        + " closes its IsolatedSchema leaks one; otherwise raise attune.test.lease-timeout-seconds.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AttuneDbException("interrupted while waiting for a test schema lease", e);
        }
    }

    /** Gives a slot back. */
    public void release() {
        permits.release();
    }

    /** {@return how many leases may be held at once} */
    public int leases() {
        return leases;
    }
}
