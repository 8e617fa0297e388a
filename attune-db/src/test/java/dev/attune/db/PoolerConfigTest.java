package dev.attune.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.db.config.ConfigFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code database.pooler}, {@code database.direct_url}, the role statement and reading a search path. */
class PoolerConfigTest {

    private static final String URL = "jdbc:postgresql://pgbouncer:6432/attune_alias";

    @Test
    void thePoolerDefaultsToNoneAndNoDirectUrl() {
        DatabaseConfig config = DatabaseConfig.builder().url(URL).build();
        assertThat(config.pooler()).isEqualTo(PoolerMode.NONE);
        assertThat(config.directUrl()).isEmpty();
    }

    @Test
    void bothKeysAreReadFromYamlAndOverrides(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yaml"), """
                database:
                  url: %s
                  pooler: Transaction
                  direct_url: jdbc:postgresql://db:5432/attune
                """.formatted(URL));
        DatabaseConfig config = new ConfigFiles(Map.of()).load(file);
        assertThat(config.pooler()).isEqualTo(PoolerMode.TRANSACTION);
        assertThat(config.directUrl()).contains("jdbc:postgresql://db:5432/attune");

        DatabaseConfig overridden = new ConfigFiles(Map.of("ATTUNE__DATABASE__POOLER", "none")).load(file);
        assertThat(overridden.pooler()).isEqualTo(PoolerMode.NONE);
    }

    @Test
    void anUnknownPoolerModeAndABadDirectUrlAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> PoolerMode.parse("database.pooler", "session"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.pooler")
                .hasMessageContaining("none, transaction")
                .hasMessageContaining("session");
        assertThatThrownBy(() -> DatabaseConfig.builder().url(URL).directUrl("jdbc:postgresql://db/attune?currentSchema=x")
                .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.direct_url")
                .hasMessageContaining("currentSchema");
        assertThatThrownBy(() -> DatabaseConfig.builder().url(URL).directUrl("postgres://db/attune").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.direct_url");
    }

    @Test
    void theRoleStatementNamesTheUserAndTheRealDatabaseQuoted() {
        DatabaseConfig config = DatabaseConfig.builder().url(URL).user("attune_service")
                .directUrl("jdbc:postgresql://db:5432/attune").pooler(PoolerMode.TRANSACTION).build();
        assertThat(RoleStatement.forConfig(config).sql())
                .isEqualTo("ALTER ROLE \"attune_service\" IN DATABASE \"attune\" SET search_path = attune;");

        DatabaseConfig userInUrl = DatabaseConfig.builder().url(URL + "?user=svc").schema("attune_staging").build();
        assertThat(RoleStatement.forConfig(userInUrl).sql())
                .isEqualTo("ALTER ROLE \"svc\" IN DATABASE \"attune_alias\" SET search_path = attune_staging;");
        assertThat(new RoleStatement("we\"ird", "db", SchemaName.ATTUNE).sql()).startsWith("ALTER ROLE \"we\"\"ird\"");

        assertThatThrownBy(() -> RoleStatement.forConfig(DatabaseConfig.builder().url(URL).build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("database.user");
    }

    @Test
    void searchPathEntriesAreTrimmedAndUnquoted() {
        assertThat(SchemaBinding.entries("\"$user\", public")).containsExactly("$user", "public");
        assertThat(SchemaBinding.entries("attune")).containsExactly("attune");
        assertThat(SchemaBinding.entries("\"attune\"")).containsExactly("attune");
        assertThat(SchemaBinding.entries("")).isEmpty();
    }
}
