package dev.attune.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The value types and helpers of this module, on their edges: defaults, names, ordering, messages. */
class SmallTypesTest {

    private static final String URL = "jdbc:postgresql://db:5432/attune";

    @Test
    void aConfigBuiltWithoutPoolerOrDirectUrlHasNoneAndEmpty() {
        DatabaseConfig config = new DatabaseConfig(Environment.TEST, URL, null, null, SchemaName.of("attune"), 3,
                Optional.empty(), null, null);

        assertThat(config.pooler()).isEqualTo(PoolerMode.NONE);
        assertThat(config.directUrl()).isEmpty();
        assertThat(config.serviceRole()).isEmpty();
    }

    @Test
    void redactingHidesEveryPasswordParameterAndKeepsNull() {
        assertThat(JdbcUrls.redact(null)).isNull();
        assertThat(JdbcUrls.redact(URL + "?user=a&PASSWORD=s3cret&ssl=true")).isEqualTo(URL
                + "?user=a&PASSWORD=****&ssl=true");
    }

    @Test
    void environmentsAndPoolerModesPrintAsTheyAreWritten() {
        assertThat(Environment.PRODUCTION).hasToString("production");
        assertThat(Environment.DEVELOPMENT).hasToString("development");
        assertThat(PoolerMode.TRANSACTION).hasToString("transaction");
        assertThat(PoolerMode.NONE).hasToString("none");
    }

    @Test
    void equalSchemaNamesHashAlikeAndDifferentOnesApart() {
        assertThat(SchemaName.of("attune")).hasSameHashCodeAs(SchemaName.of("attune"));
        assertThat(SchemaName.of("attune").hashCode()).isNotEqualTo(SchemaName.of("attune_it").hashCode());
    }

    @Test
    void searchPathEntriesAreTrimmedAndUnquotedEvenWhenEmpty() {
        assertThat(SchemaBinding.entries("\"$user\", public")).containsExactly("$user", "public");
        assertThat(SchemaBinding.entries("\"\"")).containsExactly("");
        assertThat(SchemaBinding.entries("\"a\"\"b\"")).containsExactly("a\"b");
        assertThat(SchemaBinding.entries("\"")).containsExactly("\"");
        assertThat(SchemaBinding.entries("attune")).containsExactly("attune");
        assertThat(SchemaBinding.entries(" ")).isEmpty();
        assertThat(SchemaBinding.entries(null)).isEmpty();
    }

    @Test
    void theRoleStatementNeedsADatabaseNameAndNamesTheUrlKeyItRead() {
        DatabaseConfig unparsable = DatabaseConfig.builder().url("jdbc:postgresql://db:5432").user("svc").build();
        DatabaseConfig directWithoutDatabase = DatabaseConfig.builder().url(URL).user("svc").pooler(PoolerMode.TRANSACTION)
                .directUrl("jdbc:postgresql://db:5432/").build();

        assertThatThrownBy(() -> RoleStatement.forConfig(unparsable))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.key()).isEqualTo("database.url");
                    assertThat(e.getMessage()).contains("must name a database to write the role statement for (got"
                            + " 'jdbc:postgresql://db:5432')");
                });
        assertThatThrownBy(() -> RoleStatement.forConfig(directWithoutDatabase))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.key()).isEqualTo("database.direct_url"));
    }

    @Test
    void theRoleStatementNeedsAUserFromTheConfigOrTheUrl() {
        for (String url : new String[] {URL, URL + "?user="}) {
            DatabaseConfig config = DatabaseConfig.builder().url(url).build();
            assertThatThrownBy(() -> RoleStatement.forConfig(config)).as(url)
                    .isInstanceOfSatisfying(ConfigurationException.class,
                            e -> assertThat(e.key()).isEqualTo("database.user"));
        }
        RoleStatement statement = RoleStatement.forConfig(DatabaseConfig.builder().url(URL + "?user=svc").build());
        assertThat(statement).hasToString("ALTER ROLE \"svc\" IN DATABASE \"attune\" SET search_path = attune;");
    }
}
