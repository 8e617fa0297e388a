package dev.attune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A schema name that breaks the naming rule is rejected before anything reaches the server: exit 2, a message naming the
 * rule and the value, and no schema of that name (or any damage) on the server.
 */
class SchemaNameRejectionTest {

    private static final String CONFIG = RepositoryFiles.file("config.production.yaml").toString();

    @ParameterizedTest
    @ValueSource(strings = {"Bad-Name", "x;drop schema public", "attune\"; drop schema public cascade; --"})
    void hostileSchemaOverrideIsRejectedWithTheRuleAndTheValue(String schema) {
        Map<String, String> environment = TestServer.productionEnvironment();
        environment.put("ATTUNE__DATABASE__SCHEMA", schema);

        CliRun run = CliRun.run(environment, "migrate", "--config", CONFIG);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("error: database.schema: schema '" + schema + "' is invalid")
                .contains("must match [a-z_][a-z0-9_]*", "ATTUNE__DATABASE__SCHEMA");
        assertThat(TestServer.schemaExists(schema)).isFalse();
        assertThat(TestServer.schemaExists("public")).isTrue();
    }
}
