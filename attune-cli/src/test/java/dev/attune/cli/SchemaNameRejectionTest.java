package dev.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A schema name that breaks the naming rule is rejected before anything reaches the server: exit 2, a message naming the
 * rule and the value, and no schema of that name (or any damage) in the database — one of the class's own, so that a
 * regression that let the SQL through could only harm that.
 */
class SchemaNameRejectionTest {

    private static final String CONFIG = RepositoryFiles.file("config.production.yaml").toString();

    private static CliDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = CliDatabase.create(SchemaNameRejectionTest.class.getSimpleName());
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad-Name", "x;drop schema public", "attune\"; drop schema public cascade; --"})
    void hostileSchemaOverrideIsRejectedWithTheRuleAndTheValue(String schema) {
        Map<String, String> environment = database.productionEnvironment();
        environment.put("ATTUNE__DATABASE__SCHEMA", schema);

        CliRun run = CliRun.run(environment, "migrate", "--config", CONFIG);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("error: database.schema: schema '" + schema + "' is invalid")
                .contains("must match [a-z_][a-z0-9_]*", "ATTUNE__DATABASE__SCHEMA");
        assertThat(database.schemaExists(schema)).isFalse();
        assertThat(database.schemaExists("public")).isTrue();
    }
}
