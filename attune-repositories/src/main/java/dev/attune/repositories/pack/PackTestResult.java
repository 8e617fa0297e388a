package dev.attune.repositories.pack;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.attune.repositories.RepositoryException;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.internal.Refs;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The structured result of running a pack's test suites, as stored whole in {@code pack_test_execution.result}
 * (camelCase JSON, as Attune wrote it: {@code packRef, packVersion, executionTime, status, totalTests, passed, failed,
 * skipped, passRate, durationMs, testSuites[...]}; {@code executionTime} is an ISO-8601 timestamp with offset).
 *
 * <p>{@code passRate} is exact: a {@link BigDecimal} with at most 4 decimal places, as the {@code numeric(5,4)} column
 * holds it (Attune decoded it as a float, which failed). Use {@link #passRateOf(int, int)} to compute it.
 *
 * @param packRef       the tested pack's ref; required
 * @param packVersion   the tested pack's version; required
 * @param executionTime when the tests ran; required (stored as {@code execution_time})
 * @param status        overall status as reported by the runner (free text, e.g. {@code passed}); required
 * @param totalTests    0 or more
 * @param passed        0 or more
 * @param failed        0 or more
 * @param skipped       0 or more
 * @param passRate      0 to 1 with at most 4 decimal places; required
 * @param durationMs    0 or more
 * @param testSuites    default empty
 */
public record PackTestResult(
        String packRef,
        String packVersion,
        OffsetDateTime executionTime,
        String status,
        int totalTests,
        int passed,
        int failed,
        int skipped,
        BigDecimal passRate,
        long durationMs,
        List<TestSuite> testSuites) {

    private static final String ENTITY = PackTestRepository.ENTITY;

    /** Jackson without the java.time module: {@code executionTime} is written and read as ISO-8601 text here. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("attune-pack-test-result")
                    .addSerializer(OffsetDateTime.class, new IsoOffsetDateTimeSerializer())
                    .addDeserializer(OffsetDateTime.class, new IsoOffsetDateTimeDeserializer()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public PackTestResult {
        Refs.requireValue(ENTITY, "packRef", packRef);
        Refs.requireValue(ENTITY, "packVersion", packVersion);
        Refs.requireValue(ENTITY, "executionTime", executionTime);
        Refs.requireValue(ENTITY, "status", status);
        requireNotNegative("totalTests", totalTests);
        requireNotNegative("passed", passed);
        requireNotNegative("failed", failed);
        requireNotNegative("skipped", skipped);
        requireNotNegative("durationMs", durationMs);
        requirePassRate(passRate);
        testSuites = testSuites == null ? List.of() : List.copyOf(testSuites);
    }

    /**
     * {@code passed / total} rounded half-up to 4 decimal places, e.g. {@code 0.3333} for 1 of 3; {@code 0.0000}
     * when {@code total} is 0 (no test is no evidence of passing).
     */
    public static BigDecimal passRateOf(int passed, int total) {
        if (total <= 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return BigDecimal.valueOf(passed).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
    }

    /** This result as the JSON stored in {@code pack_test_execution.result}. */
    public JsonNode toJson() {
        return MAPPER.valueToTree(this);
    }

    /**
     * Reads a stored {@code result} back.
     *
     * @throws ValidationException when the JSON breaks one of the rules of this record
     * @throws RepositoryException when the JSON does not have this shape at all
     */
    public static PackTestResult fromJson(JsonNode json) {
        try {
            return MAPPER.treeToValue(json, PackTestResult.class);
        } catch (JsonMappingException e) {
            // the compact constructors' ValidationException arrives wrapped by Jackson
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ValidationException validation) {
                    throw validation;
                }
            }
            throw new RepositoryException(ENTITY, ENTITY + ": result is not a pack test result: "
                    + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new RepositoryException(ENTITY, ENTITY + ": result is not a pack test result: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * One suite of tests run by one runner.
     *
     * @param name       required
     * @param runnerType e.g. {@code shell}, {@code python}, {@code node}; required
     * @param total      0 or more
     * @param passed     0 or more
     * @param failed     0 or more
     * @param skipped    0 or more
     * @param durationMs 0 or more
     * @param testCases  default empty
     */
    public record TestSuite(
            String name,
            String runnerType,
            int total,
            int passed,
            int failed,
            int skipped,
            long durationMs,
            List<TestCase> testCases) {

        public TestSuite {
            Refs.requireValue(ENTITY, "testSuites.name", name);
            Refs.requireValue(ENTITY, "testSuites.runnerType", runnerType);
            requireNotNegative("testSuites.total", total);
            requireNotNegative("testSuites.passed", passed);
            requireNotNegative("testSuites.failed", failed);
            requireNotNegative("testSuites.skipped", skipped);
            requireNotNegative("testSuites.durationMs", durationMs);
            testCases = testCases == null ? List.of() : List.copyOf(testCases);
        }
    }

    /**
     * One test.
     *
     * @param name         required
     * @param status       required
     * @param durationMs   0 or more
     * @param errorMessage optional
     * @param stdout       optional
     * @param stderr       optional
     */
    public record TestCase(
            String name,
            TestStatus status,
            long durationMs,
            String errorMessage,
            String stdout,
            String stderr) {

        public TestCase {
            Refs.requireValue(ENTITY, "testCases.name", name);
            Refs.requireValue(ENTITY, "testCases.status", status);
            requireNotNegative("testCases.durationMs", durationMs);
        }

        /** A test case with no captured output. */
        public static TestCase of(String name, TestStatus status, long durationMs) {
            return new TestCase(name, status, durationMs, null, null, null);
        }
    }

    /** Outcome of one test case; JSON values are lower case. */
    public enum TestStatus {
        @JsonProperty("passed") PASSED,
        @JsonProperty("failed") FAILED,
        @JsonProperty("skipped") SKIPPED,
        @JsonProperty("error") ERROR
    }

    private static void requireNotNegative(String field, long value) {
        if (value < 0) {
            throw new ValidationException(ENTITY, field, value, "must be 0 or more");
        }
    }

    private static void requirePassRate(BigDecimal passRate) {
        Refs.requireValue(ENTITY, "passRate", passRate);
        if (passRate.signum() < 0 || passRate.compareTo(BigDecimal.ONE) > 0) {
            throw new ValidationException(ENTITY, "passRate", passRate, "must be between 0 and 1");
        }
        if (passRate.stripTrailingZeros().scale() > 4) {
            // numeric(5,4) would round it silently; the stored result JSON would then disagree with the column
            throw new ValidationException(ENTITY, "passRate", passRate,
                    "must have at most 4 decimal places (numeric(5,4)); use PackTestResult.passRateOf or round it");
        }
    }

    private static final class IsoOffsetDateTimeSerializer extends JsonSerializer<OffsetDateTime> {
        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    private static final class IsoOffsetDateTimeDeserializer extends JsonDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
                        "not an ISO-8601 timestamp with offset");
            }
        }
    }
}
