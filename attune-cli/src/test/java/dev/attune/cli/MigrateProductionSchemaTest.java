package dev.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attune.db.Database;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The production path end to end: {@code config.production.yaml}, {@code DATABASE_URL} from the environment, schema
 * {@code attune} created and migrated by {@code attune migrate}.
 *
 * <p>Unlike repository tests, which each get their own {@code test_<run>_<n>} schema, these tests must use the one real
 * name {@code attune}. Each test therefore runs in a database of its own ({@link CliDatabase}), created before and
 * dropped after it: tests and concurrent runs cannot meet, and an {@code attune} schema in the test database is never
 * touched.
 */
class MigrateProductionSchemaTest {

    private static final String CONFIG = RepositoryFiles.file("config.production.yaml").toString();
    private static final String LATEST_VERSION = "20260129000001";

    private CliDatabase database;
    private Map<String, String> environment;

    @BeforeEach
    void createDatabase(TestInfo test) {
        database = CliDatabase.create(getClass().getSimpleName() + "." + test.getDisplayName());
        environment = database.productionEnvironment();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void migrateCreatesAndMigratesTheAttuneSchemaAndLogsIt() {
        CliRun run;
        try (CapturedLogs logs = new CapturedLogs(Database.class)) {
            run = CliRun.run(environment, "migrate", "--config", CONFIG);
            assertThat(logs.messages()).contains("Using schema: attune");
        }

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Schema attune: applied 13 migration(s), now at version " + LATEST_VERSION)
                .contains("20250101000001", "initial setup", LATEST_VERSION, "fix webhook function overload");
        assertThat(database.schemaExists("attune")).isTrue();
        assertThat(database.countTables("attune")).as("25 tables + flyway_schema_history").isEqualTo(26);
    }

    @Test
    void secondMigrateAppliesNothingAndInfoAndValidateSucceed() {
        assertThat(CliRun.run(environment, "migrate", "--config", CONFIG).exitCode()).isEqualTo(ExitCodes.OK);

        CliRun again = CliRun.run(environment, "migrate", "--config", CONFIG);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).isEqualToIgnoringNewLines("Schema attune is up to date at version " + LATEST_VERSION);

        CliRun info = CliRun.run(environment, "info", "--config", CONFIG);
        assertThat(info.exitCode()).as(info.err()).isEqualTo(ExitCodes.OK);
        assertThat(info.out().lines()).first().isEqualTo("Schema attune:");
        assertThat(info.out().lines().skip(1)).first().asString()
                .startsWith("Version").contains("Description", "State", "Installed on");
        assertThat(info.out().lines().filter(line -> line.matches("\\d{14} .*Success\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d")))
                .as(info.out()).hasSize(13);

        CliRun validate = CliRun.run(environment, "validate", "--config", CONFIG);
        assertThat(validate.exitCode()).as(validate.err()).isEqualTo(ExitCodes.OK);
        assertThat(validate.out()).isEqualToIgnoringNewLines("Schema attune: OK");
    }

    @Test
    void validateOfAnUnmigratedSchemaListsThePendingMigrationsAndFails() {
        CliRun info = CliRun.run(environment, "info", "--config", CONFIG);
        assertThat(info.exitCode()).as(info.err()).isEqualTo(ExitCodes.OK);
        assertThat(info.out().lines().filter(line -> line.contains("Pending"))).hasSize(13);

        CliRun validate = CliRun.run(environment, "validate", "--config", CONFIG);

        assertThat(validate.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(validate.out().lines()).as("heading and problems").hasSizeGreaterThan(1)
                .first().asString().startsWith("schema attune does not match the migrations");
        assertThat(validate.errLines()).singleElement().asString()
                .startsWith("error: schema attune does not match the migrations");
        assertThat(database.schemaExists("attune")).as("info and validate change nothing").isFalse();
    }
}
