package dev.attune.repositories.hostile;

import static dev.attune.repositories.schema.Tables.EXECUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.Limits;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.execution.ExecutionRepository;
import dev.attune.repositories.schema.tables.records.ExecutionRecord;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON written by a repository: refused before SQL when it cannot be stored as given, else an exact round trip. */
@IsolatedSchemaTest
class JsonInputTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static ExecutionRecord execution(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        return fixtures.execution(fixtures.action(fixtures.pack("core"), "echo"));
    }

    private static JsonNode nested(int depth) {
        JsonNode node = JSON.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = JSON.arrayNode().add(node);
        }
        return node;
    }

    static Stream<Arguments> unstorableJson() {
        ObjectNode nulKey = JSON.objectNode();
        nulKey.put("a\u0000", 1);
        ObjectNode surrogateKey = JSON.objectNode();
        surrogateKey.put("k\uDC00", 1);
        return Stream.of(
                Arguments.of("NaN", JSON.objectNode().put("x", Double.NaN), "JSON numbers must be finite (found NaN at $.x;"),
                Arguments.of("Infinity", JSON.arrayNode().add(Double.POSITIVE_INFINITY),
                        "JSON numbers must be finite (found Infinity at $[0];"),
                Arguments.of("-Infinity float", JSON.objectNode().put("f", Float.NEGATIVE_INFINITY),
                        "JSON numbers must be finite (found -Infinity at $.f;"),
                Arguments.of("a lone surrogate", JSON.objectNode().put("s", "x\uD800"),
                        "JSON strings must not contain an unpaired UTF-16 surrogate (found \\uD800 at $.s)"),
                Arguments.of("a lone surrogate in a key", surrogateKey,
                        "JSON strings must not contain an unpaired UTF-16 surrogate (found \\uDC00 at $ (key))"),
                Arguments.of("a NUL", JSON.arrayNode().add("a").add("b\u0000"),
                        "JSON strings must not contain \\u0000 (PostgreSQL's jsonb cannot store it; at $[1])"),
                Arguments.of("a NUL in a key", nulKey,
                        "JSON strings must not contain \\u0000 (PostgreSQL's jsonb cannot store it; at $ (key))"),
                Arguments.of("nesting 1,001 deep", nested(Limits.MAX_JSON_DEPTH + 1),
                        "JSON must be nested at most 1000 levels deep (deeper at $" + "[0]".repeat(1000) + ")"),
                Arguments.of("nesting 1,500 deep", nested(1_500), "JSON must be nested at most 1000 levels deep"));
    }

    @ParameterizedTest(name = "a result with {0} is refused before SQL")
    @MethodSource("unstorableJson")
    void unstorableJsonIsRefusedNamingTheColumnAndThePath(String what, JsonNode result, String rule, DSLContext dsl) {
        ExecutionRecord execution = execution(dsl);
        ExecutionRepository executions = new ExecutionRepository(dsl);
        assertThatThrownBy(() -> executions.update(execution.getId(), RowUpdate.of(EXECUTION).set(EXECUTION.RESULT, result)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("execution");
                    assertThat(e.field()).isEqualTo("result");
                    assertThat(e.rule()).startsWith(rule);
                })
                .hasMessageStartingWith("execution.result is invalid: " + rule);
        assertThat(executions.getById(execution.getId()).result()).isNull();
    }

    static Stream<Arguments> storableJson() {
        ArrayNode mixed = JSON.arrayNode().add(JSON.numberNode(new BigDecimal("1" + "0".repeat(2_000) + ".5")))
                .add("smile \uD83D\uDE00").add("tab\tnewline\n").add(JSON.nullNode())
                .add(JSON.numberNode(new BigDecimal("0.1000000000000000000000000001")));
        return Stream.of(
                Arguments.of("nesting exactly 1,000 deep", nested(Limits.MAX_JSON_DEPTH - 1)),
                Arguments.of("a 2,000-digit number, emoji, controls, null", mixed),
                Arguments.of("a 100,000-character string", JSON.stringNode("x".repeat(100_000))));
    }

    @ParameterizedTest(name = "a result with {0} round-trips exactly")
    @MethodSource("storableJson")
    void storableJsonRoundTripsExactly(String what, JsonNode result, DSLContext dsl) {
        ExecutionRecord execution = execution(dsl);
        ExecutionRepository executions = new ExecutionRepository(dsl);
        executions.update(execution.getId(), RowUpdate.of(EXECUTION).set(EXECUTION.RESULT, result));
        assertThat(executions.getById(execution.getId()).result()).isEqualTo(result);
    }

    @Test
    void theDepthLimitAppliesToInsertsToo(DSLContext dsl) {
        var fixtures = new Fixtures(dsl);
        var action = fixtures.action(fixtures.pack("core"), "echo");
        var create = new dev.attune.repositories.execution.NewExecution(action.getId(), action.getRef(),
                nested(1_500), null, null, null, dev.attune.repositories.schema.enums.ExecutionStatusEnum.requested,
                null, null);
        assertThatThrownBy(() -> new ExecutionRepository(dsl).create(create))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("config"));
    }
}
