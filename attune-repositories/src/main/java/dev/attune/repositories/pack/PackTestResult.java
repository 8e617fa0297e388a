package dev.attune.repositories.pack;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.internal.Refs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The structured result of running a pack's test suites, as stored whole in {@code pack_test_execution.result}
 * (camelCase JSON, as Attune wrote it: {@code packRef, packVersion, executionTime, status, totalTests, passed, failed,
 * skipped, passRate, durationMs, testSuites[...]}; {@code executionTime} is an ISO-8601 timestamp with offset).
 *
 * <p>Stored and read through {@link PackTestResultConverter}. {@code passRate} is exact: a {@link BigDecimal} with at most 4 decimal places, as the {@code numeric(5,4)} column
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

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
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
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
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
     *
     * @param passed 0 or more
     * @param total the number of tests
     * @return {@code passed / total} rounded to four decimals; 0 when there are no tests
     */
    public static BigDecimal passRateOf(int passed, int total) {
        if (total <= 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return BigDecimal.valueOf(passed).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP);
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

        /**
         * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
         * their documented defaults.
         *
         * @param name       the suite's name; required
         * @param runnerType the runner that ran it, e.g. {@code pytest}; required
         * @param total      the number of tests, 0 or more
         * @param passed     0 or more
         * @param failed     0 or more
         * @param skipped    0 or more
         * @param durationMs 0 or more
         * @param testCases  the suite's cases; default empty
         * @throws dev.attune.repositories.ValidationException when a component breaks its rule
         */
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

        /**
         * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
         * their documented defaults.
         *
         * @param name         the case's name; required
         * @param status       how the case ended; required
         * @param durationMs   0 or more
         * @param errorMessage the failure message; may be null
         * @param stdout       captured standard output; may be null
         * @param stderr       captured standard error; may be null
         * @throws dev.attune.repositories.ValidationException when a component breaks its rule
         */
        public TestCase {
            Refs.requireValue(ENTITY, "testCases.name", name);
            Refs.requireValue(ENTITY, "testCases.status", status);
            requireNotNegative("testCases.durationMs", durationMs);
        }

        /**
         * A test case with no captured output.
         *
         * @param name       the case's name; required
         * @param status     how the case ended; required
         * @param durationMs 0 or more
         * @return the case without message or output
         */
        public static TestCase of(String name, TestStatus status, long durationMs) {
            return new TestCase(name, status, durationMs, null, null, null);
        }
    }

    /** Outcome of one test case; JSON values are lower case. */
    public enum TestStatus {
        /** The test ran and its checks held. */
        @JsonProperty("passed") PASSED,
        /** The test ran and a check failed. */
        @JsonProperty("failed") FAILED,
        /** The test did not run. */
        @JsonProperty("skipped") SKIPPED,
        /** The test could not run to its checks: setup or the test code itself broke. */
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

}
