package dev.attune.provisioning.benchmark;

import dev.attune.db.SchemaName;
import dev.attune.migrations.MigrationScripts;
import dev.attune.provisioning.IsolatedSchema;
import dev.attune.provisioning.ProvisioningSettings;
import dev.attune.provisioning.TestSchemaProvisioner;
import dev.attune.provisioning.internal.MigrationReplayer;
import dev.attune.provisioning.internal.TemplateKey;
import dev.attune.testserver.ServerConnections;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * A whole test run with one test, as an IDE or a test-by-test tool launches it: start + lease + release + close.
 * Cold: the shared template and spare schemas of the current migrations are dropped first (so the run builds them, as
 * the first run after a migration changed does). Warm: they are there.
 */
final class Runs {

    private final TestDatabaseServer server;
    private final ServerConnections connections;
    private final ProvisioningSettings settings = ProvisioningSettings.fromSystem();

    Runs(TestDatabaseServer server, ServerConnections connections) {
        this.server = server;
        this.connections = connections;
    }

    Timings cold(int iterations) throws Exception {
        return Timings.measureParts("Run with one test, cold (builds the shared template: start + lease + release +"
                + " close)", iterations, 0, clock -> {
                    clock.pause();
                    dropSharedSchemas();
                    clock.resume();
                    oneTestRun(clock);
                });
    }

    Timings warm(int iterations) throws Exception {
        return Timings.measureParts("Run with one test, warm template (start + lease + release + close)", iterations, 2,
                this::oneTestRun);
    }

    private void oneTestRun(Timings.Clock clock) {
        try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start(server, settings)) {
            try (IsolatedSchema schema = provisioner.lease("benchmark")) {
                clock.pause();
                schema.dsl().execute("insert into pack (ref, label, version) values ('bench', 'Bench', '1.0.0')");
                clock.resume();
            }
        }
    }

    /** Drops the current key's template and spares, under the exclusive lock a janitor takes (no run may use them). */
    private void dropSharedSchemas() throws Exception {
        try (Connection connection = connections.open("attune-benchmark")) {
            TemplateKey key = TemplateKey.of(connection, MigrationScripts.load());
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?, ?)")) {
                lock.setInt(1, TemplateKey.USE_LOCK);
                lock.setInt(2, key.lockKey());
                lock.execute();
            }
            try (PreparedStatement list = connection.prepareStatement(
                    "select nspname from pg_catalog.pg_namespace where nspname = ? or nspname like ?")) {
                list.setString(1, key.templateName().value());
                list.setString(2, key.sparePattern());
                try (ResultSet result = list.executeQuery()) {
                    while (result.next()) {
                        try (Connection drop = connections.open("attune-benchmark")) {
                            MigrationReplayer.dropSchema(drop, SchemaName.of(result.getString(1)));
                        }
                    }
                }
            }
        } // closing the connection releases the lock
    }
}
