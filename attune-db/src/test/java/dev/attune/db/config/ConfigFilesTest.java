package dev.attune.db.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.db.ConfigurationException;
import dev.attune.db.DatabaseConfig;
import dev.attune.db.Environment;
import dev.attune.db.SchemaName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigFilesTest {

    /** Surefire runs in the module folder; the example configurations live at the repository root. */
    private static final Path REPO_ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    @BeforeAll
    static void theRepositoryRootIsFound() {
        assertThat(REPO_ROOT.resolve("migrations")).as("repository root %s", REPO_ROOT).isDirectory();
    }

    private DatabaseConfig load(String yaml, Map<String, String> environment) throws IOException {
        Path file = Files.writeString(folder.resolve("config.yaml"), yaml);
        return new ConfigFiles(environment).load(file);
    }

    private static ConfigurationException configurationError(Throwable e) {
        return (ConfigurationException) e;
    }

    // --- the three example files of the repository ---------------------------------------------------------------

    @Test
    void theDevelopmentFileWorksWithAnEmptyEnvironment() {
        DatabaseConfig config = new ConfigFiles(Map.of()).load(REPO_ROOT.resolve("config.development.yaml"));

        assertThat(config.environment()).isEqualTo(Environment.DEVELOPMENT);
        assertThat(config.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
        assertThat(config.user()).isEqualTo("postgres");
        assertThat(config.password()).as("an empty ${DATABASE_PASSWORD:-} means no password").isNull();
        assertThat(config.schema()).isEqualTo(SchemaName.ATTUNE);
        assertThat(config.maxConnections()).isEqualTo(10);
        assertThat(config.serviceRole()).isEmpty();
    }

    @Test
    void theDevelopmentFileTakesTheDatabaseFromTheEnvironment() {
        DatabaseConfig config = new ConfigFiles(Map.of(
                "DATABASE_URL", "jdbc:postgresql://db.local:6543/dev",
                "DATABASE_USER", "dev",
                "DATABASE_PASSWORD", "devpw")).load(REPO_ROOT.resolve("config.development.yaml"));

        assertThat(config.url()).isEqualTo("jdbc:postgresql://db.local:6543/dev");
        assertThat(config.user()).isEqualTo("dev");
        assertThat(config.password()).isEqualTo("devpw");
    }

    @Test
    void theTestFileUsesTheTestServerAndSchemaAttuneTest() {
        DatabaseConfig config = new ConfigFiles(Map.of("ATTUNE_TEST_DATABASE_URL", "jdbc:postgresql://ci:5432/ci?user=ci"))
                .load(REPO_ROOT.resolve("config.test.yaml"));

        assertThat(config.environment()).isEqualTo(Environment.TEST);
        assertThat(config.url()).isEqualTo("jdbc:postgresql://ci:5432/ci?user=ci");
        assertThat(config.schema().value()).isEqualTo("attune_test");
        assertThat(config.maxConnections()).isEqualTo(4);
    }

    @Test
    void theProductionFileRequiresDatabaseUrl() {
        ConfigFiles files = new ConfigFiles(Map.of());

        assertThatThrownBy(() -> files.load(REPO_ROOT.resolve("config.production.yaml")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.url")
                .hasMessageContaining("DATABASE_URL")
                .hasMessageContaining("not set");
    }

    @Test
    void theProductionFileUsesSchemaAttuneExplicitly() throws IOException {
        DatabaseConfig config = new ConfigFiles(Map.of("DATABASE_URL", "jdbc:postgresql://db.internal:5432/attune"))
                .load(REPO_ROOT.resolve("config.production.yaml"));

        assertThat(config.environment()).isEqualTo(Environment.PRODUCTION);
        assertThat(config.schema()).isEqualTo(SchemaName.ATTUNE);
        assertThat(config.maxConnections()).isEqualTo(20);
        assertThat(config.serviceRole()).isEmpty();
        assertThat(config.isUnusualProductionSchema()).isFalse();
        assertThat(Files.readString(REPO_ROOT.resolve("config.production.yaml"))).containsPattern("(?m)^\\s+schema: attune$");
    }

    @Test
    void productionWithAnOverriddenSchemaIsFlaggedAsUnusual() {
        DatabaseConfig config = new ConfigFiles(Map.of(
                "DATABASE_URL", "jdbc:postgresql://db.internal:5432/attune",
                "ATTUNE__DATABASE__SCHEMA", "attune_staging",
                "ATTUNE_SERVICE_ROLE", "svc_attune")).load(REPO_ROOT.resolve("config.production.yaml"));

        assertThat(config.schema().value()).isEqualTo("attune_staging");
        assertThat(config.isUnusualProductionSchema()).isTrue();
        assertThat(config.serviceRole()).contains("svc_attune");
    }

    // --- interpolation ------------------------------------------------------------------------------------------

    @Test
    void interpolatesVariablesAndFallbacks() throws IOException {
        DatabaseConfig config = load("""
                environment: ${ENVIRONMENT:-test}
                database:
                  url: jdbc:postgresql://${DB_HOST}:${DB_PORT:-5432}/${DB_NAME:-attune}
                  user: ${DB_USER}
                  schema: ${SCHEMA:-attune_it}
                  max_connections: ${POOL:-7}
                """, Map.of("DB_HOST", "db.example", "DB_USER", "app", "DB_NAME", "prod"));

        assertThat(config.environment()).isEqualTo(Environment.TEST);
        assertThat(config.url()).isEqualTo("jdbc:postgresql://db.example:5432/prod");
        assertThat(config.user()).isEqualTo("app");
        assertThat(config.schema().value()).isEqualTo("attune_it");
        assertThat(config.maxConnections()).isEqualTo(7);
    }

    @Test
    void aSetVariableWinsOverItsFallback() throws IOException {
        DatabaseConfig config = load("""
                database:
                  url: ${URL:-jdbc:postgresql://fallback/db}
                """, Map.of("URL", "jdbc:postgresql://chosen/db"));

        assertThat(config.url()).isEqualTo("jdbc:postgresql://chosen/db");
    }

    @Test
    void aMissingVariableIsAnErrorNamingTheKeyAndTheVariable() {
        assertThatThrownBy(() -> load("""
                database:
                  url: jdbc:postgresql://h/db
                  password: ${ATTUNE_DB_SECRET}
                """, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.password")
                .hasMessageContaining("ATTUNE_DB_SECRET")
                .satisfies(e -> assertThat(configurationError(e).key()).isEqualTo("database.password"));
    }

    @Test
    void anUnterminatedPlaceholderIsAnError() {
        assertThatThrownBy(() -> load("""
                database:
                  url: jdbc:postgresql://${HOST/db
                """, Map.of("HOST", "h")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.url")
                .hasMessageContaining("unterminated");
    }

    // --- overrides ----------------------------------------------------------------------------------------------

    @Test
    void anAttuneDatabaseSchemaVariableOverridesTheFile() throws IOException {
        DatabaseConfig config = load("""
                database:
                  url: jdbc:postgresql://h/db
                  schema: attune
                """, Map.of("ATTUNE__DATABASE__SCHEMA", "attune_blue"));

        assertThat(config.schema().value()).isEqualTo("attune_blue");
    }

    @Test
    void productionWithoutAnExplicitSchemaIsRejected() {
        assertThatThrownBy(() -> load("""
                environment: production
                database:
                  url: jdbc:postgresql://h/db
                """, Map.of()))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.key()).isEqualTo("database.schema"))
                .hasMessageContaining("is required in production");
    }

    @Test
    void overridesCanSetEveryKnownKeyIncludingOnesAbsentFromTheFile() throws IOException {
        DatabaseConfig config = load("""
                database:
                  url: jdbc:postgresql://h/db
                """, Map.of(
                "ATTUNE__ENVIRONMENT", "production",
                "ATTUNE__DATABASE__SCHEMA", "attune",
                "ATTUNE__DATABASE__URL", "jdbc:postgresql://other/db",
                "ATTUNE__DATABASE__USER", "u",
                "ATTUNE__DATABASE__PASSWORD", "p",
                "ATTUNE__DATABASE__MAX_CONNECTIONS", "3",
                "ATTUNE__DATABASE__SERVICE_ROLE", "svc"));

        assertThat(config.environment()).isEqualTo(Environment.PRODUCTION);
        assertThat(config.url()).isEqualTo("jdbc:postgresql://other/db");
        assertThat(config.user()).isEqualTo("u");
        assertThat(config.password()).isEqualTo("p");
        assertThat(config.maxConnections()).isEqualTo(3);
        assertThat(config.serviceRole()).contains("svc");
    }

    @Test
    void variablesWithASingleUnderscoreAfterAttuneAreNotOverrides() throws IOException {
        DatabaseConfig config = load("""
                database:
                  url: jdbc:postgresql://h/db
                """, Map.of("ATTUNE_TEST_DATABASE_URL", "jdbc:postgresql://x/y", "ATTUNE_SCHEMA", "Not Valid"));

        assertThat(config.url()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(config.schema()).isEqualTo(SchemaName.ATTUNE);
    }

    @Test
    void anOverrideWithABadSchemaIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> load("""
                database:
                  url: jdbc:postgresql://h/db
                """, Map.of("ATTUNE__DATABASE__SCHEMA", "public;drop")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.schema")
                .hasMessageContaining("'public;drop'");
    }

    @Test
    void anUnknownOverrideIsAnErrorNamingTheKeyAndTheVariable() {
        assertThatThrownBy(() -> load("""
                database:
                  url: jdbc:postgresql://h/db
                """, Map.of("ATTUNE__DATABASE__SHEMA", "attune_x")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.shema")
                .hasMessageContaining("ATTUNE__DATABASE__SHEMA")
                .hasMessageContaining("not a known key")
                .satisfies(e -> assertThat(configurationError(e).key()).isEqualTo("database.shema"));
    }

    @Test
    void anOverrideOfAnUnknownSectionIsAnError() {
        assertThatThrownBy(() -> load("""
                database:
                  url: jdbc:postgresql://h/db
                """, Map.of("ATTUNE__POOL__SIZE", "3")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("pool.size")
                .hasMessageContaining("ATTUNE__POOL__SIZE");
    }

    // --- unknown and malformed keys ----------------------------------------------------------------------------

    @Test
    void anUnknownKeyInTheDatabaseSectionIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> load("""
                database:
                  url: jdbc:postgresql://h/db
                  shema: attune_typo
                """, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.shema")
                .hasMessageContaining("is not a known key")
                .hasMessageContaining("schema")
                .satisfies(e -> assertThat(configurationError(e).key()).isEqualTo("database.shema"));
    }

    @Test
    void anUnknownTopLevelKeyIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> load("""
                databse:
                  url: jdbc:postgresql://h/db
                """, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("databse")
                .hasMessageContaining("is not a known key")
                .satisfies(e -> assertThat(configurationError(e).key()).isEqualTo("databse"));
    }

    @Test
    void aNonNumericMaxConnectionsIsAnError() {
        assertThatThrownBy(() -> load("""
                database:
                  url: jdbc:postgresql://h/db
                  max_connections: many
                """, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.max_connections")
                .hasMessageContaining("'many'");
    }

    @Test
    void aNestedValueWhereAScalarBelongsIsAnError() {
        assertThatThrownBy(() -> load("""
                database:
                  url: jdbc:postgresql://h/db
                  schema:
                    name: attune
                """, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.schema")
                .hasMessageContaining("single value");
    }

    @Test
    void anUnknownEnvironmentInTheFileIsAnError() {
        assertThatThrownBy(() -> load("""
                environment: prod
                database:
                  url: jdbc:postgresql://h/db
                """, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("environment")
                .hasMessageContaining("prod");
    }

    @Test
    void aFileWithoutUrlIsRejectedNamingDatabaseUrl() {
        assertThatThrownBy(() -> load("environment: test\n", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.url")
                .hasMessageContaining("is required");
    }

    @Test
    void aMissingFileIsAnErrorNamingTheFile() {
        Path missing = folder.resolve("nope.yaml");

        assertThatThrownBy(() -> new ConfigFiles(Map.of()).load(missing))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    // --- hostile files: duplicate keys, empty values, wrong shapes ------------------------------------------------

    static Stream<Arguments> duplicateKeys() {
        return Stream.of(
                Arguments.of("database:\n  url: jdbc:postgresql://h/db\n  schema: attune\n  schema: attune_other\n",
                        "database.schema"),
                Arguments.of("environment: test\nenvironment: production\ndatabase:\n  url: jdbc:postgresql://h/db\n",
                        "environment"),
                Arguments.of("database:\n  url: jdbc:postgresql://h/db\ndatabase:\n  url: jdbc:postgresql://other/db\n",
                        "database"));
    }

    @ParameterizedTest(name = "a duplicated {1} is rejected naming the key")
    @MethodSource("duplicateKeys")
    void aDuplicatedKeyIsRejectedNamingTheKey(String yaml, String key) {
        assertThatThrownBy(() -> load(yaml, Map.of()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith(key + ": is given more than once in ")
                .hasMessageContaining("keep one (YAML would silently use the last)");
    }

    static Stream<Arguments> emptyValues() {
        return Stream.of(
                Arguments.of("schema:", "database.schema"),
                Arguments.of("schema: ~", "database.schema"),
                Arguments.of("schema: null", "database.schema"),
                Arguments.of("schema: \"\"", "database.schema"),
                Arguments.of("max_connections:", "database.max_connections"),
                Arguments.of("user: ''", "database.user"));
    }

    @ParameterizedTest(name = "{0} is an error, never a silent default")
    @MethodSource("emptyValues")
    void anEmptyValueIsAnErrorNamingTheKey(String line, String key) {
        assertThatThrownBy(() -> load("database:\n  url: jdbc:postgresql://h/db\n  " + line + "\n", Map.of()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessage(key + ": has no value: give one, or leave the key out to use its default (an empty value"
                        + " is never read as the default)");
    }

    @Test
    void anEmptyEnvironmentIsAnError() {
        assertThatThrownBy(() -> load("environment:\ndatabase:\n  url: jdbc:postgresql://h/db\n", Map.of()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("environment"))
                .hasMessageContaining("has no value");
    }

    @Test
    void anEmptyDatabaseSectionIsAnError() {
        assertThatThrownBy(() -> load("environment: test\ndatabase:\n", Map.of()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("database"))
                .hasMessage("database: has no value: give its keys, or leave the section out");
    }

    @Test
    void aValueMadeEmptyByInterpolationIsDeliberateAndMeansNone() throws IOException {
        DatabaseConfig config = load("database:\n  url: jdbc:postgresql://h/db\n  password: ${PW:-}\n", Map.of());
        assertThat(config.password()).isNull();
    }

    @Test
    void aTopLevelListIsRejectedNamingWhatWasFound() {
        assertThatThrownBy(() -> load("- database\n- schema\n", Map.of()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("config"))
                .hasMessageEndingWith("must contain a mapping (key: value lines) at the top level, not a list");
    }

    @Test
    void aTopLevelScalarIsRejected() {
        assertThatThrownBy(() -> load("attune\n", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageEndingWith("at the top level, not the value 'attune'");
    }

    @Test
    void aScalarDatabaseSectionIsRejectedNamingTheValue() {
        assertThatThrownBy(() -> load("database: foo\n", Map.of()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.key()).isEqualTo("database"))
                .hasMessage("database: must be a mapping of keys [direct_url, max_connections, password, pooler,"
                        + " schema, service_role, url, user], not the value 'foo'");
    }

    @Test
    void aListAsDatabaseSectionIsRejected() {
        assertThatThrownBy(() -> load("database:\n  - url\n", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageEndingWith(", not a list");
    }

    @Test
    void aMappingWhereAValueBelongsIsRejected() {
        assertThatThrownBy(() -> load("database:\n  url: jdbc:postgresql://h/db\n  schema:\n    name: attune\n",
                Map.of()))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.key()).isEqualTo("database.schema"))
                .hasMessage("database.schema: must be a single value, not a mapping");
    }

    @ParameterizedTest(name = "the placeholder {0} without a variable name is rejected")
    @ValueSource(strings = {"${:-x}", "${}", "${:-}"})
    void aPlaceholderWithoutAVariableNameIsRejected(String placeholder) {
        assertThatThrownBy(() -> load("database:\n  url: jdbc:postgresql://h/db\n  schema: " + placeholder + "\n",
                Map.of("", "attune")))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.key()).isEqualTo("database.schema"))
                .hasMessageContaining("has a placeholder without a variable name ('" + placeholder + "'");
    }
}
