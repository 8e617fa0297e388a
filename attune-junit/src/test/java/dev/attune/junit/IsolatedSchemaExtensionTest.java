package dev.attune.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attune.provisioning.IsolatedSchema;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@IsolatedSchemaTest
class IsolatedSchemaExtensionTest {

    private static String classWideSchema;

    @BeforeAll
    static void leaseAClassWideSchema(IsolatedSchema schema) {
        classWideSchema = schema.name().value();
    }

    private String schemaSeenBeforeEach;

    @BeforeEach
    void rememberSchema(IsolatedSchema schema) {
        schemaSeenBeforeEach = schema.name().value();
    }

    @Test
    void injectsADslContextBoundToTheTestsOwnMigratedSchema(DSLContext dsl, IsolatedSchema schema) {
        assertThat(dsl.fetchValue("select current_schema()")).isEqualTo(schema.name().value());
        assertThat(dsl.fetchValue("show search_path")).isEqualTo(schema.name().value());
        assertThat(dsl.fetchCount(dsl.selectFrom("pack"))).isZero();
    }

    @Test
    void aClassWideSchemaIsNeverHandedToTestMethods(IsolatedSchema schema) {
        assertThat(classWideSchema).isNotNull();
        assertThat(schema.name().value()).isNotEqualTo(classWideSchema);
    }

    @Test
    void beforeEachAndTheTestMethodShareOneSchema(IsolatedSchema schema, DataSource dataSource) throws Exception {
        assertThat(schema.name().value()).isEqualTo(schemaSeenBeforeEach).matches("test_[0-9a-f]{8}_[0-9]+");
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getSchema()).isEqualTo(schemaSeenBeforeEach);
        }
    }
}
