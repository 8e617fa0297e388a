package dev.attune.db.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.db.ConfigurationException;
import dev.attune.db.DatabaseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConfigFiles} on files that are empty, unreadable or only placeholders. */
class ConfigFilesEdgesTest {

    @TempDir
    Path folder;

    private DatabaseConfig load(String yaml, Map<String, String> environment) throws IOException {
        return new ConfigFiles(environment).load(Files.writeString(folder.resolve("config.yaml"), yaml));
    }

    @Test
    void anEmptyFileOrAnExplicitNullDocumentIsAFileWithoutKeys() {
        for (String yaml : new String[] {"", "~\n", "null\n", "# only a comment\n"}) {
            assertThatThrownBy(() -> load(yaml, Map.of())).as("'%s'", yaml)
                    .isInstanceOfSatisfying(ConfigurationException.class,
                            e -> assertThat(e.key()).isEqualTo("database.url"));
        }
    }

    @Test
    void anEmptyFileStillTakesEveryKeyFromOverrides() throws IOException {
        DatabaseConfig config = load("", Map.of("ATTUNE__DATABASE__URL", "jdbc:postgresql://h/db",
                "ATTUNE__DATABASE__SCHEMA", "attune_edge"));

        assertThat(config.url()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(config.schema().value()).isEqualTo("attune_edge");
    }

    @Test
    void unreadableYamlIsAnErrorOfTheFileWithTheParsersWords() {
        assertThatThrownBy(() -> load("database: [unclosed\n", Map.of()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.key()).isEqualTo("config");
                    assertThat(e.getMessage()).contains("cannot read ").contains("config.yaml: ");
                    assertThat(e.getMessage()).doesNotContain("more than once");
                });
    }

    @Test
    void aRepeatedKeyNamesTheLineOfTheRepetition() {
        assertThatThrownBy(() -> load("database:\n  url: jdbc:postgresql://h/db\n  schema: a\n  schema: b\n", Map.of()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.key()).isEqualTo("database.schema");
                    assertThat(e.getMessage()).containsPattern("is given more than once in .*config\\.yaml \\(line 4\\)");
                });
    }

    @Test
    void aValueMayBeOneOrSeveralPlaceholdersFromItsFirstCharacter() throws IOException {
        DatabaseConfig config = load("database:\n  url: ${URL}\n  schema: ${A}${B:-_x}\n",
                Map.of("URL", "jdbc:postgresql://h/db", "A", "attune"));

        assertThat(config.url()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(config.schema().value()).isEqualTo("attune_x");
    }
}
