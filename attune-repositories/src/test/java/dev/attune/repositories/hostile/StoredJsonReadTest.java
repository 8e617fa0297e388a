package dev.attune.repositories.hostile;

import static dev.attune.repositories.schema.Tables.EXECUTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.execution.ExecutionRepository;
import dev.attune.repositories.schema.tables.pojos.Execution;
import dev.attune.repositories.schema.tables.records.ExecutionRecord;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Whatever JSON PostgreSQL accepted, written by anyone, is read back: one row must never make a list unreadable. */
@IsolatedSchemaTest
class StoredJsonReadTest {

    /** Writes {@code json} into {@code execution.result} with plain SQL, as another writer of the schema could. */
    private static void storeWithPlainSql(DSLContext dsl, long executionId, String json) {
        // plain SQL on purpose: the repositories refuse such values, other writers of the database do not
        dsl.execute("update execution set result = ?::jsonb where id = ?", json, executionId);
    }

    private static ExecutionRecord execution(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        return fixtures.execution(fixtures.action(fixtures.pack("core"), "echo"));
    }

    @ParameterizedTest(name = "a result nested {0} deep, stored with plain SQL, is listed")
    @ValueSource(ints = {1_001, 1_500, 10_000})
    void deeplyNestedJsonStoredByPlainSqlIsListed(int depth, DSLContext dsl) {
        ExecutionRecord execution = execution(dsl);
        storeWithPlainSql(dsl, execution.getId(), "[".repeat(depth) + "]".repeat(depth));

        List<Execution> listed = new ExecutionRepository(dsl).list();

        assertThat(listed).hasSize(1);
        int levels = 0;
        for (JsonNode node = listed.get(0).result(); node != null && node.isArray(); node = node.get(0)) {
            levels++;
        }
        assertThat(levels).isEqualTo(depth);
    }

    @ParameterizedTest(name = "a stored value with {0} is read back exactly")
    @ValueSource(strings = {"a 5,000-digit number", "a 20,000,001-character string", "a 60,000-character key"})
    void largeValuesBeyondJacksonsDefaultsAreReadBack(String what, DSLContext dsl) {
        ExecutionRecord execution = execution(dsl);
        String json = switch (what) {
            case "a 5,000-digit number" -> "[" + "7".repeat(5_000) + "]";
            case "a 20,000,001-character string" -> "[\"" + "s".repeat(20_000_001) + "\"]";
            default -> "{\"" + "k".repeat(60_000) + "\": 1}";
        };
        storeWithPlainSql(dsl, execution.getId(), json);

        JsonNode result = new ExecutionRepository(dsl).getById(execution.getId()).result();

        assertThat(result.toString().length()).isEqualTo(json.replace(": ", ":").length());
        assertThat(dsl.fetchValue("select result::text = ?::jsonb::text from execution where id = ?",
                result.toString(), execution.getId())).isEqualTo(true);
        assertThat(dsl.fetchCount(EXECUTION)).isEqualTo(1);
    }
}
