package dev.attune.repositories.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attune.provisioning.IsolatedSchema;
import dev.attune.codegen.JooqCodegen;
import dev.attune.junit.IsolatedSchemaTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fails when the committed jOOQ code no longer matches what the migrations generate. */
@IsolatedSchemaTest
@Order(2) // started early: the code generator makes it one of the longest classes of the suite
class GeneratedCodeIsUpToDateTest {

    static final String REGENERATE = "./mvnw -Pcodegen -pl attune-repositories -am compile";
    private static final Path COMMITTED = Path.of("src/generated/java");
    private static final Path CONFIGURATION = Path.of("src/codegen/jooq-codegen.xml");
    /** A test schema's name, or public./attune. in front of a name (Java packages dev.attune.* excluded). */
    private static final Pattern SCHEMA_MENTION =
            Pattern.compile("test_[0-9a-f]{8}_[0-9]+|(?<![\\w.])public\\.[a-z_]|(?<![\\w.])attune\\.[a-z_]");

    @Test
    void committedGeneratedCodeEqualsAFreshGeneration(IsolatedSchema scratch, @TempDir Path fresh) throws Exception {
        JooqCodegen.generate(CONFIGURATION, fresh, scratch);

        List<Path> expected = JooqCodegen.files(fresh);
        assertThat(JooqCodegen.files(COMMITTED))
                .as("generated files differ from the migrations; regenerate with: " + REGENERATE)
                .isEqualTo(expected);
        List<Path> drifted = new ArrayList<>();
        for (Path file : expected) {
            if (!Files.readString(fresh.resolve(file)).equals(Files.readString(COMMITTED.resolve(file)))) {
                drifted.add(file);
            }
        }
        assertThat(drifted).as("generated code drifted from the migrations; regenerate with: " + REGENERATE).isEmpty();
    }

    @Test
    void generatedCodeNamesNoSchema() throws Exception {
        List<Path> qualified = new ArrayList<>();
        for (Path file : JooqCodegen.files(COMMITTED)) {
            String code = Files.readString(COMMITTED.resolve(file));
            if (SCHEMA_MENTION.matcher(code).find()) {
                qualified.add(file);
            }
        }
        assertThat(qualified).as("generated files mentioning a schema-qualified name").isEmpty();
    }
}
