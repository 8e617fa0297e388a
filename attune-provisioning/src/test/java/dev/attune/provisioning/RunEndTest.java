package dev.attune.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attune.provisioning.internal.RunLease;
import dev.attune.testserver.TestDatabaseServer;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A run's end leaves nothing named after the run but spare schemas, and a later run can lease again at once. */
class RunEndTest {

    private static final ProvisioningSettings TWO_READY = new ProvisioningSettings(2, 2, 2, Duration.ofMinutes(2), false,
            true);

    @Test
    void aClosedRunLeavesOnlySparesAndReleasesItsLease() throws Exception {
        String runId;
        try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start(TestDatabaseServer.get(), TWO_READY)) {
            runId = provisioner.runId();
            try (IsolatedSchema schema = provisioner.lease("one test")) {
                schema.dsl().execute("insert into pack (ref, label, version) values ('aa', 'A', '1.0.0')");
            }
        }
        assertThat(TestSchemaQueries.schemasLike("test\\_" + runId + "\\_%")).as("schemas of the closed run").isEmpty();
        assertThat(TestSchemaQueries.schemasLike("test\\_spare\\_%\\_" + runId + "\\_%")).as("at most 4 spares")
                .hasSizeLessThanOrEqualTo(4);
        try (Connection connection = TestSchemaQueries.connections().open("attune-test-support-test")) {
            assertThat(RunLease.isAlive(connection, runId)).as("the run's lease is released").isFalse();
        }
        try (TestSchemaProvisioner next = TestSchemaProvisioner.start(TestDatabaseServer.get(), TWO_READY);
                IsolatedSchema schema = next.lease("the next run's test")) {
            assertThat(schema.dsl().fetchCount(schema.dsl().selectFrom("pack"))).as("a clean schema").isZero();
        }
    }
}
