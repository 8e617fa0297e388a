package dev.attune.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.db.Database;
import dev.attune.db.LogCapture;
import dev.attune.db.DirectConnectionRequiredException;
import dev.attune.db.PoolerMode;
import dev.attune.db.SchemaName;
import dev.attune.db.ServerFixture;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Migrator} on a real PostgreSQL (the test server), each test in schemas of its own. */
class MigratorTest {

    private static final List<MigrationScripts.Script> SCRIPTS = MigrationScripts.load();
    private static final String LATEST = SCRIPTS.get(SCRIPTS.size() - 1).version();

    private ServerFixture fixture;
    private SchemaName schema;

    @BeforeEach
    void newSchemaName() {
        fixture = new ServerFixture();
        schema = fixture.newSchema();
    }

    @AfterEach
    void dropEverything() throws Exception {
        fixture.close();
        assertThat(fixture.schemaExists(schema)).isFalse();
    }

    @Test
    void migratingANewSchemaCreatesItAndAppliesEveryScriptInOrder() {
        Database database = fixture.open(fixture.config(schema).build());

        MigrationReport report;
        try (LogCapture log = LogCapture.of(Migrator.class)) {
            report = new Migrator(database).migrate();
            assertThat(log.linesMentioning(schema.value())).containsExactly("INFO Schema " + schema.value()
                    + ": applied " + SCRIPTS.size() + " migration(s), now at version " + LATEST);
        }

        assertThat(fixture.schemaExists(schema)).isTrue();
        assertThat(report.schema()).isEqualTo(schema);
        assertThat(report.previousVersion()).isEmpty();
        assertThat(report.currentVersion()).contains(LATEST);
        assertThat(report.grantedTo()).isEmpty();
        assertThat(report.applied()).extracting(MigrationReport.Applied::version)
                .containsExactlyElementsOf(SCRIPTS.stream().map(MigrationScripts.Script::version).toList());
        assertThat(report.applied()).extracting(MigrationReport.Applied::description)
                .containsExactlyElementsOf(SCRIPTS.stream().map(s -> s.description().replace('_', ' ')).toList());
        assertThat(report.applied()).allSatisfy(applied -> assertThat(applied.executionMillis()).isNotNegative());
        assertThat(database.dsl().fetchValue("select count(*) from pack")).isEqualTo(0L);
    }

    @Test
    void aSecondMigrationAppliesNothingAndReportsTheUnchangedVersion() {
        Database database = fixture.open(fixture.config(schema).build());
        new Migrator(database).migrate();

        MigrationReport again = new Migrator(database).migrate();

        assertThat(again.applied()).isEmpty();
        assertThat(again.previousVersion()).contains(LATEST);
        assertThat(again.currentVersion()).contains(LATEST);
    }

    @Test
    void infoListsEveryScriptPendingBeforeAndAppliedAfterMigrating() {
        Database database = fixture.open(fixture.config(schema).build());
        Migrator migrator = new Migrator(database);
        List<String> versions = SCRIPTS.stream().map(MigrationScripts.Script::version).toList();

        List<MigrationStatus> before = migrator.info();
        assertThat(before).extracting(MigrationStatus::version).containsExactlyElementsOf(versions);
        assertThat(before).allSatisfy(status -> {
            assertThat(status.pending()).isTrue();
            assertThat(status.state()).isEqualTo("Pending");
            assertThat(status.installedOn()).isEmpty();
        });

        migrator.migrate();
        List<MigrationStatus> after = migrator.info().stream().filter(status -> !status.version().isEmpty()).toList();
        assertThat(after).extracting(MigrationStatus::version).containsExactlyElementsOf(versions);
        assertThat(after).allSatisfy(status -> {
            assertThat(status.pending()).isFalse();
            assertThat(status.state()).isEqualTo("Success");
            assertThat(status.installedOn()).isPresent();
        });
        assertThat(after.get(0).description()).isEqualTo(SCRIPTS.get(0).description().replace('_', ' '));
    }

    @Test
    void aMigratedSchemaValidates() {
        Database database = fixture.open(fixture.config(schema).build());
        Migrator migrator = new Migrator(database);
        migrator.migrate();

        migrator.validate();
    }

    @Test
    void aSchemaNotMigratedYetFailsValidationNamingWhatIsPending() {
        Database database = fixture.open(fixture.config(schema).build());

        assertThatThrownBy(() -> new Migrator(database).validate())
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.getMessage()).startsWith("schema " + schema.value() + " does not match the migrations:");
                    assertThat(e.problems()).containsExactly(SCRIPTS.size() + " migration(s) pending, up to version "
                            + LATEST + ": run 'attune migrate'");
                });
    }

    @Test
    void anEditedMigrationFailsValidationNamingItsVersion() throws SQLException {
        Database database = fixture.open(fixture.config(schema).build());
        Migrator migrator = new Migrator(database);
        migrator.migrate();
        String version = SCRIPTS.get(1).version();
        fixture.execute("update " + schema.value() + ".flyway_schema_history set checksum = checksum + 1"
                + " where version = '" + version + "'");

        assertThatThrownBy(migrator::validate)
                .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.problems())
                        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                        .startsWith(version + " ")
                        .containsIgnoringCase("checksum"));
    }

    @Test
    void aNonEmptySchemaWithoutHistoryIsRefusedAsAMigrationException() throws SQLException {
        fixture.execute("create schema " + schema.value());
        fixture.execute("create table " + schema.value() + ".somebody_elses (id int)");
        Database database = fixture.open(fixture.config(schema).build());

        assertThatThrownBy(() -> new Migrator(database).migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("migrating schema " + schema.value() + " failed: ")
                .hasCauseInstanceOf(org.flywaydb.core.api.FlywayException.class);
    }

    @Test
    void aBrokenHistoryTableMakesInfoAndValidateFailAsMigrationExceptions() throws SQLException {
        fixture.execute("create schema " + schema.value());
        fixture.execute("create table " + schema.value() + ".flyway_schema_history (unexpected int)");
        Database database = fixture.open(fixture.config(schema).build());
        Migrator migrator = new Migrator(database);

        assertThatThrownBy(migrator::info)
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("reading migration state of schema " + schema.value() + " failed: ");
        assertThatThrownBy(migrator::validate)
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("validating schema " + schema.value() + " failed: ");
    }

    @Test
    void theServiceRoleGetsUsageDmlSequencesAndFunctionsAfterMigrating() throws SQLException {
        String role = fixture.newRoleBoundTo(schema);
        Database database = fixture.open(fixture.config(schema).serviceRole(role).build());

        MigrationReport report = new Migrator(database).migrate();

        assertThat(report.grantedTo()).contains(role);
        String s = schema.value();
        assertThat(fixture.single("select has_schema_privilege('" + role + "', '" + s + "', 'USAGE')")).isEqualTo("t");
        assertThat(fixture.single("select bool_and(has_table_privilege('" + role + "', '" + s + ".pack',"
                + " privilege)) from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE']) privilege")).isEqualTo("t");
        assertThat(fixture.single("select has_table_privilege('" + role + "', '" + s + ".pack', 'TRUNCATE')"))
                .isEqualTo("f");
        assertThat(fixture.single("select bool_and(has_sequence_privilege('" + role + "', c.oid, 'USAGE')"
                + " and has_sequence_privilege('" + role + "', c.oid, 'SELECT')) from pg_class c"
                + " where c.relkind = 'S' and c.relnamespace = '" + s + "'::regnamespace")).isEqualTo("t");
        assertThat(fixture.single("select bool_and(has_function_privilege('" + role + "', p.oid, 'EXECUTE'))"
                + " from pg_proc p where p.pronamespace = '" + s + "'::regnamespace")).isEqualTo("t");
    }

    @Test
    void aMissingServiceRoleFailsAfterMigratingNamingTheRole() {
        String role = fixture.newMissingRole();
        Database database = fixture.open(fixture.config(schema).serviceRole(role).build());

        assertThatThrownBy(() -> new Migrator(database).migrate())
                .isInstanceOf(MigrationException.class)
                .hasMessage("database.service_role '" + role + "' does not exist: create the role first (roles are"
                        + " cluster-wide and never created by migrations)");
        assertThat(database.dsl().fetchValue("select count(*) from pack")).isEqualTo(0L);
    }

    @Test
    void aMigratorThroughATransactionPoolerWithoutDirectUrlIsRefused() throws SQLException {
        fixture.execute("create schema " + schema.value());
        String role = fixture.newRoleBoundTo(schema);
        fixture.execute("grant usage on schema " + schema.value() + " to " + role);
        Database database = fixture.open(fixture.config(schema).user(role).pooler(PoolerMode.TRANSACTION).build());

        assertThatThrownBy(() -> new Migrator(database))
                .isInstanceOf(DirectConnectionRequiredException.class)
                .hasMessageContaining("migrations (Flyway)")
                .hasMessageContaining("SET ROLE");
    }
}
