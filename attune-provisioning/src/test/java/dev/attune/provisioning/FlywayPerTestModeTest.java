package dev.attune.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.migrations.MigrationScripts;
import dev.attune.testserver.TestDatabaseServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The seed plan's way, kept for comparison: a new Flyway-migrated schema per lease, dropped when it is released. */
class FlywayPerTestModeTest {

    private static final ProvisioningSettings FLYWAY_PER_TEST = new ProvisioningSettings(2, 1, 1, Duration.ofMinutes(2),
            false, true, Isolation.FLYWAY_PER_TEST);

    @Test
    void eachLeaseGetsANewSchemaMigratedByFlywayThatIsDroppedOnRelease() {
        try (TestSchemaProvisioner provisioner = TestSchemaProvisioner.start(TestDatabaseServer.get(), FLYWAY_PER_TEST)) {
            String first;
            try (IsolatedSchema schema = provisioner.lease("first")) {
                first = schema.name().value();
                assertThat(schema.dsl().fetchValue("select count(*) from flyway_schema_history where success"))
                        .as("every migration applied by Flyway").isEqualTo((long) MigrationScripts.load().size());
                schema.dsl().execute("insert into pack (ref, label, version) values ('aa', 'A', '1.0.0')");
            }
            assertThat(TestSchemaQueries.schemaExists(first)).as("dropped before close() returned").isFalse();
            try (IsolatedSchema schema = provisioner.lease("second")) {
                assertThat(schema.name().value()).isNotEqualTo(first);
                assertThat(schema.dsl().fetchCount(schema.dsl().selectFrom("pack"))).isZero();
            }
            assertThat(provisioner.statistics().leases()).isEqualTo(2);
            assertThat(provisioner.statistics().replayed()).as("nothing replayed").isZero();
        }
    }

    @Test
    void theSettingIsReadFromItsName() {
        assertThat(Isolation.of("flyway-per-test")).isEqualTo(Isolation.FLYWAY_PER_TEST);
        assertThat(Isolation.of(" Provisioned ")).isEqualTo(Isolation.PROVISIONED);
        assertThatThrownBy(() -> Isolation.of("per-test")).hasMessageContaining("attune.test.isolation");
    }
}
