package dev.attune.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseConfigTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/attune";

    private static DatabaseConfig.Builder valid() {
        return DatabaseConfig.builder().url(URL);
    }

    @Test
    void theBuilderDefaultsToDevelopmentSchemaAttuneAndTenConnections() {
        DatabaseConfig config = valid().build();

        assertThat(config.environment()).isEqualTo(Environment.DEVELOPMENT);
        assertThat(config.schema()).isEqualTo(SchemaName.ATTUNE);
        assertThat(config.maxConnections()).isEqualTo(DatabaseConfig.DEFAULT_MAX_CONNECTIONS).isEqualTo(10);
        assertThat(config.serviceRole()).isEmpty();
        assertThat(config.user()).isNull();
        assertThat(config.password()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void aMissingUrlIsRejectedNamingTheKey(String url) {
        assertThatThrownBy(() -> DatabaseConfig.builder().url(url).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.url")
                .hasMessageContaining("is required")
                .satisfies(e -> assertThat(((ConfigurationException) e).key()).isEqualTo("database.url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://127.0.0.1/attune", "postgresql://127.0.0.1/attune", "127.0.0.1:5432",
            "jdbc:pgsql://127.0.0.1/attune", " jdbc:postgresql://127.0.0.1/attune"})
    void aUrlOfAnotherDriverIsRejectedNamingTheKeyTheRuleAndTheValue(String url) {
        assertThatThrownBy(() -> DatabaseConfig.builder().url(url).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.url")
                .hasMessageContaining("must start with 'jdbc:postgresql:'")
                .hasMessageContaining(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        URL + "?currentSchema=other",
        URL + "?user=postgres&currentSchema=other",
        URL + "?CURRENTSCHEMA=other",
        URL + "?options=-c%20search_path%3Dother",
        URL + "?user=x&options=-csearch_path=other",
        URL + "?searchpath=other"})
    void aUrlThatChoosesASchemaItselfIsRejected(String url) {
        assertThatThrownBy(() -> DatabaseConfig.builder().url(url).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.url")
                .hasMessageContaining("the schema comes only from database.schema");
    }

    @Test
    void aUrlMentioningASchemaOutsideAParameterIsAccepted() {
        // "currentschema" in the database name is not the pgjdbc property
        DatabaseConfig config = DatabaseConfig.builder().url("jdbc:postgresql://h/currentschema_db?user=x").build();

        assertThat(config.url()).endsWith("currentschema_db?user=x");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void maxConnectionsOutsideOneToOneThousandIsRejected(int maxConnections) {
        assertThatThrownBy(() -> valid().maxConnections(maxConnections).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.max_connections")
                .hasMessageContaining("between 1 and 1000")
                .hasMessageContaining("(got " + maxConnections + ")");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 999, 1000})
    void maxConnectionsInsideTheRangeIsKept(int maxConnections) {
        assertThat(valid().maxConnections(maxConnections).build().maxConnections()).isEqualTo(maxConnections);
    }

    @Test
    void thePasswordIsNeverPrinted() {
        DatabaseConfig config = valid().user("attune_app").password("s3cr3t-Pa55").build();

        assertThat(config.toString())
                .doesNotContain("s3cr3t-Pa55")
                .contains("password=****")
                .contains("user=attune_app")
                .contains("schema=attune");
        assertThat(config.password()).isEqualTo("s3cr3t-Pa55");
    }

    @Test
    void aPasswordInsideTheUrlIsNeverPrintedEither() {
        DatabaseConfig config = DatabaseConfig.builder()
                .url("jdbc:postgresql://h:5432/attune?user=u&password=url-S3cret&ssl=true")
                .build();

        assertThat(config.toString()).doesNotContain("url-S3cret").contains("password=****&ssl=true");
    }

    @Test
    void aRejectedUrlDoesNotLeakItsPasswordIntoTheMessage() {
        assertThatThrownBy(() -> DatabaseConfig.builder().url("jdbc:mysql://h/db?password=url-S3cret").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.url")
                .hasMessageNotContaining("url-S3cret");
    }

    @Test
    void withoutAPasswordToStringSaysSo() {
        assertThat(valid().build().toString()).contains("password=<none>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Svc_Attune", "svc-attune", "svc attune", "1svc", "svc;drop role x", ""})
    void aServiceRoleThatIsNotAPlainIdentifierIsRejected(String role) {
        assertThatThrownBy(() -> valid().serviceRole(role).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.service_role")
                .hasMessageContaining("'" + role + "'");
    }

    @Test
    void aServiceRoleOfSixtyFourBytesIsRejected() {
        String role = "r".repeat(64);

        assertThatThrownBy(() -> valid().serviceRole(role).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.service_role")
                .hasMessageContaining("63 bytes");
    }

    @Test
    void aPlainServiceRoleIsKept() {
        assertThat(valid().serviceRole("svc_attune").build().serviceRole()).contains("svc_attune");
    }

    @Test
    void theEnvironmentIsRequired() {
        assertThatThrownBy(() -> valid().environment(null).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("environment")
                .hasMessageContaining("is required");
    }

    @Test
    void theRecordConstructorValidatesToo() {
        assertThatThrownBy(() -> new DatabaseConfig(Environment.TEST, URL, null, null, null, 5, Optional.empty()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.schema");
        assertThat(new DatabaseConfig(Environment.TEST, URL, null, null, SchemaName.ATTUNE, 5, null).serviceRole())
                .isEmpty();
    }

    @Test
    void productionWithASchemaOtherThanAttuneIsUnusual() {
        DatabaseConfig production = valid().environment(Environment.PRODUCTION).build();

        assertThat(production.isUnusualProductionSchema()).isFalse();
        assertThat(production.withSchema(SchemaName.of("attune_staging")).isUnusualProductionSchema()).isTrue();
        assertThat(valid().schema("attune_dev").build().isUnusualProductionSchema()).isFalse();
        assertThat(valid().environment(Environment.TEST).schema("test_0a1b2c3d_1").build().isUnusualProductionSchema())
                .isFalse();
    }

    @Test
    void withSchemaChangesOnlyTheSchema() {
        DatabaseConfig original = valid().environment(Environment.TEST).user("u").password("p").maxConnections(3)
                .serviceRole("svc").build();

        DatabaseConfig copy = original.withSchema(SchemaName.of("it_1"));

        assertThat(copy.schema().value()).isEqualTo("it_1");
        assertThat(copy).usingRecursiveComparison().ignoringFields("schema").isEqualTo(original);
        assertThat(original.schema()).isEqualTo(SchemaName.ATTUNE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "PRODUCTION", " Production "})
    void environmentNamesParseCaseInsensitively(String value) {
        assertThat(Environment.parse("environment", value)).isEqualTo(Environment.PRODUCTION);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"prod", "staging"})
    void anUnknownEnvironmentIsRejectedNamingTheKeyAndValue(String value) {
        assertThatThrownBy(() -> Environment.parse("environment", value))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("environment")
                .hasMessageContaining("development, test, production")
                .hasMessageContaining("(got " + value + ")");
    }
}
