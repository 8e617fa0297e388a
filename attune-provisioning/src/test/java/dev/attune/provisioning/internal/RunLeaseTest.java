package dev.attune.provisioning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** {@link RunLease}: a run is alive exactly while some session holds its advisory lock. */
class RunLeaseTest {

    private static final ServerConnections CONNECTIONS = new ServerConnections(TestDatabaseServer.get());

    @Test
    void aLeaseIsSeenAliveFromAnotherSessionUntilItIsClosed() throws SQLException {
        try (Connection observer = CONNECTIONS.open("attune-run-lease-test")) {
            RunLease lease = RunLease.acquire(CONNECTIONS);
            String runId = lease.runId();
            assertThat(runId).matches("[0-9a-f]{8}");
            assertThat(RunLease.isAlive(observer, runId)).isTrue();
            assertThat(lockHolders(observer, TestSchemaNames.LOCK_NAMESPACE, TestSchemaNames.lockKey(runId)))
                    .isEqualTo(1);

            String applicationName = lease.use(connection -> connection.getClientInfo("ApplicationName"));
            assertThat(applicationName).as("work runs on the lease's own session").isEqualTo("attune-test-run:" + runId);

            lease.close();
            lease.close();

            assertThatThrownBy(() -> lease.use(connection -> 1)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the lease of test run " + runId + " is closed");
            assertThat(RunLease.isAlive(observer, runId)).isFalse();
            // The lease's own session ends too.
            long deadline = System.nanoTime() + 10_000_000_000L;
            int sessions;
            while ((sessions = sessions(observer, "attune-test-run:" + runId)) > 0 && System.nanoTime() < deadline) {
                pause();
            }
            assertThat(sessions).isZero();
            assertThat(lockHolders(observer, TestSchemaNames.LOCK_NAMESPACE, TestSchemaNames.lockKey(runId))).isZero();
        }
    }

    @Test
    void probingARunDoesNotTakeItsLock() throws SQLException {
        try (Connection observer = CONNECTIONS.open("attune-run-lease-test"); RunLease lease = RunLease.acquire(CONNECTIONS)) {
            String deadRun = lease.runId().equals("00000001") ? "00000002" : "00000001";

            assertThat(RunLease.isAlive(observer, deadRun)).isFalse();
            assertThat(lockHolders(observer, TestSchemaNames.LOCK_NAMESPACE, TestSchemaNames.lockKey(deadRun)))
                    .isZero();
        }
    }

    @Test
    void twoLeasesGetDifferentRunIds() {
        try (RunLease first = RunLease.acquire(CONNECTIONS); RunLease second = RunLease.acquire(CONNECTIONS)) {
            assertThat(first.runId()).isNotEqualTo(second.runId());
        }
    }

    @Test
    void aSharedLockIsHeldUntilTheLeaseCloses() throws SQLException {
        int key = 0x7fff0000 | (int) (System.nanoTime() & 0xffff);
        try (Connection observer = CONNECTIONS.open("attune-run-lease-test")) {
            RunLease lease = RunLease.acquire(CONNECTIONS);
            lease.holdShared(TemplateKey.USE_LOCK, key);

            assertThat(lockHolders(observer, TemplateKey.USE_LOCK, key)).isEqualTo(1);
            assertThat(tryExclusive(observer, key)).as("an exclusive lock waits for the run").isFalse();

            lease.close();
            assertThat(lockHolders(observer, TemplateKey.USE_LOCK, key)).isZero();
        }
    }

    private static boolean tryExclusive(Connection connection, int key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, TemplateKey.USE_LOCK);
            lock.setInt(2, key);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                boolean taken = result.getBoolean(1);
                if (taken) {
                    try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                        unlock.setInt(1, TemplateKey.USE_LOCK);
                        unlock.setInt(2, key);
                        unlock.execute();
                    }
                }
                return taken;
            }
        }
    }

    private static int sessions(Connection connection, String applicationName) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select count(*) from pg_catalog.pg_stat_activity where application_name = ?")) {
            query.setString(1, applicationName);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int lockHolders(Connection connection, int namespace, int key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from pg_catalog.pg_locks"
                + " where locktype = 'advisory' and classid = ?::int4::oid and objid = ?::int4::oid and objsubid = 2"
                + " and granted and database = (select oid from pg_catalog.pg_database where datname = current_database())")) {
            query.setInt(1, namespace);
            query.setInt(2, key);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
