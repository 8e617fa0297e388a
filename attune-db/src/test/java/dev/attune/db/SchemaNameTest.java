package dev.attune.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaNameTest {

    private static final String EMPTY = "must not be empty";
    private static final String FORMAT = "must match [a-z_][a-z0-9_]*";
    private static final String LENGTH = "must be at most 49 bytes";
    private static final String RESERVED = "must not start with 'pg_' or be 'information_schema'";
    private static final String RESERVED_WORD = "must not be an SQL reserved word";

    /** A name of exactly {@code bytes} bytes that passes every other rule. */
    private static String nameOfBytes(int bytes) {
        return "s" + "_".repeat(bytes - 2) + "9";
    }

    static Stream<Arguments> hostileNames() {
        return Stream.of(
                arguments("", EMPTY),
                arguments("Attune", FORMAT),
                arguments("ATTUNE", FORMAT),
                arguments("attunE", FORMAT),
                arguments("\"attune\"", FORMAT),
                arguments("attune\"; drop schema public cascade; --", FORMAT),
                arguments("o'reilly", FORMAT),
                arguments("attune'", FORMAT),
                arguments("attune;", FORMAT),
                arguments("public;drop", FORMAT),
                arguments("attune--", FORMAT),
                arguments("attune/*x*/", FORMAT),
                arguments("my schema", FORMAT),
                arguments(" attune", FORMAT),
                arguments("attune ", FORMAT),
                arguments("1attune", FORMAT),
                arguments("9", FORMAT),
                arguments("schéma", FORMAT),
                arguments("схема", FORMAT),
                arguments("ａttune", FORMAT), // full-width a
                arguments("a.b", FORMAT),
                arguments("public.pack", FORMAT),
                arguments("attune-dev", FORMAT),
                arguments("attune$1", FORMAT),
                arguments("$$", FORMAT),
                arguments("attune\t", FORMAT),
                arguments("attune\n", FORMAT),
                arguments("att\nune", FORMAT),
                arguments("attune\r\n", FORMAT),
                arguments("attune\\x", FORMAT),
                arguments("attune\u0000", FORMAT),
                arguments("attune)", FORMAT),
                arguments("*", FORMAT),
                arguments("pg_catalog", RESERVED),
                arguments("user", RESERVED_WORD),
                arguments("order", RESERVED_WORD),
                arguments("table", RESERVED_WORD),
                arguments("pg_temp", RESERVED),
                arguments("pg_toast", RESERVED),
                arguments("pg_", RESERVED),
                arguments("pg_attune", RESERVED),
                arguments("information_schema", RESERVED),
                arguments(nameOfBytes(50), LENGTH),
                arguments(nameOfBytes(63), LENGTH),
                arguments(nameOfBytes(64), LENGTH),
                arguments("a".repeat(200), LENGTH));
    }

    @ParameterizedTest(name = "[{index}] rejects ''{0}'' ({1})")
    @MethodSource("hostileNames")
    void rejectsAHostileNameWithAMessageNamingTheRuleAndTheValue(String name, String rule) {
        assertThatThrownBy(() -> SchemaName.of(name))
                .isInstanceOf(InvalidSchemaNameException.class)
                .hasMessageContaining(rule)
                .hasMessageContaining("'" + name + "'")
                .satisfies(e -> assertThat(((InvalidSchemaNameException) e).rejectedName()).isEqualTo(name));
    }

    @Test
    void thereAreAtLeastTwentyHostileNamesCovered() {
        assertThat(hostileNames().count()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void rejectsNullAsEmpty() {
        assertThatThrownBy(() -> SchemaName.of(null))
                .isInstanceOf(InvalidSchemaNameException.class)
                .hasMessage("schema null is invalid: " + EMPTY);
    }

    @Test
    void theLengthRuleCountsBytesAndReportsTheActualSize() {
        assertThat(nameOfBytes(50).getBytes(StandardCharsets.UTF_8)).hasSize(50);
        assertThatThrownBy(() -> SchemaName.of(nameOfBytes(50)))
                .hasMessageContaining("_notifications")
                .hasMessageContaining("63-byte")
                .hasMessageContaining("(got 50)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"attune", "test_0a1b2c3d_17", "_x", "_", "x", "attune_staging", "it_00ff", "pg", "pgx_data",
            "a1_b2", "information_schema_copy"})
    void acceptsAGoodName(String name) {
        SchemaName schema = SchemaName.of(name);

        assertThat(schema.value()).isEqualTo(name);
        assertThat(schema).hasToString(name);
    }

    @Test
    void acceptsExactly49BytesWhoseNotificationChannelFitsTheIdentifierLimit() {
        String name = nameOfBytes(SchemaName.MAX_BYTES);

        SchemaName schema = SchemaName.of(name);

        assertThat(name).hasSize(49);
        assertThat(schema.notificationChannel()).hasSize(63).isEqualTo(name + "_notifications");
    }

    @Test
    void theProductionSchemaIsAttuneWithChannelAttuneNotifications() {
        assertThat(SchemaName.ATTUNE.value()).isEqualTo("attune");
        assertThat(SchemaName.ATTUNE.notificationChannel()).isEqualTo("attune_notifications");
    }

    @Test
    void namesAreValuesComparedByTheirText() {
        assertThat(SchemaName.of("attune")).isEqualTo(SchemaName.ATTUNE).hasSameHashCodeAs(SchemaName.ATTUNE);
        assertThat(SchemaName.of("attune_dev")).isNotEqualTo(SchemaName.ATTUNE);
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void aConfigurationWithAHostileSchemaIsRejectedBeforeAnySqlRuns(String name, String rule) {
        // The URL points at a port nobody listens on: building the configuration never connects anywhere.
        DatabaseConfig.Builder builder = DatabaseConfig.builder()
                .url("jdbc:postgresql://127.0.0.1:1/nowhere")
                .schema(name);

        assertThatThrownBy(builder::build)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("database.schema: ")
                .hasMessageContaining(rule)
                .hasMessageContaining("'" + name + "'")
                .satisfies(e -> assertThat(((ConfigurationException) e).key()).isEqualTo("database.schema"));
    }

    @Test
    void aConfigurationWithANullSchemaIsRejectedNamingTheKey() {
        DatabaseConfig.Builder builder = DatabaseConfig.builder().url("jdbc:postgresql://127.0.0.1:1/nowhere").schema(null);

        assertThatThrownBy(builder::build)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.schema")
                .hasMessageContaining(EMPTY);
    }
}
