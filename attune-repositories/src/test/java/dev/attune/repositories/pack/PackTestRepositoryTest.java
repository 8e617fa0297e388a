package dev.attune.repositories.pack;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.PACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.Page;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RepositoryException;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.pack.PackTestResult.TestCase;
import dev.attune.repositories.pack.PackTestResult.TestStatus;
import dev.attune.repositories.pack.PackTestResult.TestSuite;
import dev.attune.repositories.schema.tables.pojos.PackLatestTest;
import dev.attune.repositories.schema.tables.pojos.PackTestExecution;
import dev.attune.repositories.schema.tables.records.PackRecord;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@IsolatedSchemaTest
class PackTestRepositoryTest {

    /** Now, at whole seconds (the database keeps microseconds; Java may have more). */
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

    /** A result of {@code total} tests at {@code at}: {@code passed} passed, {@code failed} failed, the rest skipped. */
    private static PackTestResult result(OffsetDateTime at, int total, int passed, int failed, String passRate,
            long durationMs) {
        return new PackTestResult("core", "1.0.0", at, failed == 0 ? "passed" : "failed", total, passed, failed,
                total - passed - failed, new BigDecimal(passRate), durationMs, List.of());
    }

    private static PackTestResult passing(OffsetDateTime at) {
        return result(at, 2, 2, 0, "1.0000", 10);
    }

    private static PackTestResult failing(OffsetDateTime at) {
        return result(at, 2, 1, 1, "0.5000", 10);
    }

    @Test
    void storesTheCountsFromTheResultAndTheWholeResultAsCamelCaseJson(DSLContext dsl) {
        PackRecord pack = new Fixtures(dsl).pack("core");
        PackTestResult result = new PackTestResult("core", "1.0.0", NOW.minusMinutes(5), "failed", 3, 1, 1, 1,
                new BigDecimal("0.3333"), 1234,
                List.of(new TestSuite("unit", "python", 3, 1, 1, 1, 1200, List.of(
                        TestCase.of("test_ok", TestStatus.PASSED, 5),
                        new TestCase("test_bad", TestStatus.FAILED, 7, "assert 1 == 2", "out", "err"),
                        TestCase.of("test_later", TestStatus.SKIPPED, 0)))));

        PackTestExecution created = new PackTestRepository(dsl).create(pack.getId(), "1.0.0", "install", result);

        assertThat(created.id()).isPositive();
        assertThat(created.packId()).isEqualTo(pack.getId());
        assertThat(created.packVersion()).isEqualTo("1.0.0");
        assertThat(created.triggerReason()).isEqualTo("install");
        assertThat(created.executionTime()).isEqualTo(NOW.minusMinutes(5));
        assertThat(created.totalTests()).isEqualTo(3);
        assertThat(created.passed()).isEqualTo(1);
        assertThat(created.failed()).isEqualTo(1);
        assertThat(created.skipped()).isEqualTo(1);
        assertThat(created.durationMs()).isEqualTo(1234);
        assertThat(created.created()).isNotNull();
        JsonNode json = created.result();
        assertThat(json.get("packRef").asString()).isEqualTo("core");
        assertThat(json.get("executionTime").asString()).isEqualTo(NOW.minusMinutes(5).toInstant().toString());
        assertThat(json.get("totalTests").asInt()).isEqualTo(3);
        assertThat(json.get("passRate").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(json.get("durationMs").asLong()).isEqualTo(1234);
        JsonNode suite = json.get("testSuites").get(0);
        assertThat(suite.get("runnerType").asString()).isEqualTo("python");
        assertThat(suite.get("testCases").get(1).get("status").asString()).isEqualTo("failed");
        assertThat(suite.get("testCases").get(1).get("errorMessage").asString()).isEqualTo("assert 1 == 2");
        assertThat(new PackTestResultConverter().from(json)).isEqualTo(result);
        assertThat(new PackTestRepository(dsl).findResultById(created.id())).contains(result);
    }

    /** Regression test: Attune decoded numeric(5,4) as a float, which failed; here it is read back exactly. */
    @Test
    void aPassRateOfOneThirdRoundTripsExactly(DSLContext dsl) {
        PackTestRepository tests = new PackTestRepository(dsl);
        PackRecord pack = new Fixtures(dsl).pack("core");
        BigDecimal oneThird = PackTestResult.passRateOf(1, 3);

        PackTestExecution created = tests.create(pack.getId(), "1.0.0", "manual", result(NOW, 3, 1, 2, "0.3333", 1));

        assertThat(oneThird).isEqualTo(new BigDecimal("0.3333"));
        assertThat(created.passRate()).isEqualTo(new BigDecimal("0.3333"));
        assertThat(tests.findById(created.id()).orElseThrow().passRate()).isEqualTo(new BigDecimal("0.3333"));
        assertThat(tests.getAllLatest()).extracting(PackLatestTest::passRate)
                .containsExactly(new BigDecimal("0.3333"));
        assertThat(tests.getStats(pack.getId()).avgPassRate()).isEqualByComparingTo("0.3333");
    }

    @Test
    void passRateOfRoundsHalfUpToFourPlaces() {
        assertThat(PackTestResult.passRateOf(2, 3)).isEqualTo(new BigDecimal("0.6667"));
        assertThat(PackTestResult.passRateOf(3, 3)).isEqualTo(new BigDecimal("1.0000"));
        assertThat(PackTestResult.passRateOf(0, 0)).isEqualTo(new BigDecimal("0.0000"));
    }

    @Test
    void invalidInputsAreRejectedBeforeAnySqlRuns(DSLContext dsl) {
        PackTestRepository tests = new PackTestRepository(dsl);

        assertThatThrownBy(() -> tests.create(1, "1.0.0", "nightly", passing(NOW)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("pack_test_execution.trigger_reason = 'nightly' is invalid: must be one of install, update,"
                        + " manual, validation");
        assertThatThrownBy(() -> tests.create(1, "x".repeat(51), "manual", passing(NOW)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pack_version");
        assertThatThrownBy(() -> tests.create(1, null, "manual", passing(NOW)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pack_version");
        assertThatThrownBy(() -> tests.create(1, "1.0.0", "manual", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("result");
        for (String bad : List.of("1.0001", "-0.1", "0.33333")) {
            assertThatThrownBy(() -> result(NOW, 3, 1, 2, bad, 1))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("passRate");
        }
        assertThatThrownBy(() -> result(NOW, 1, 2, 0, "1", 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("skipped");
        assertThatThrownBy(() -> result(null, 1, 1, 0, "1", 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("executionTime");
        assertThatThrownBy(() -> TestCase.of("t", null, 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("testCases.status");
        assertThat(dsl.fetchCount(PACK)).isZero();
    }

    @Test
    void aMissingPackIsAReferenceViolation(DSLContext dsl) {
        assertThatThrownBy(() -> new PackTestRepository(dsl).create(999, "1.0.0", "manual", passing(NOW)))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("pack"));
    }

    @Test
    void readingAResultThatIsNotOneFailsClearly() {
        assertThatThrownBy(() -> new PackTestResultConverter().from(json("{\"packRef\":\"core\",\"testSuites\":\"no\"}")))
                .isInstanceOf(RepositoryException.class).hasMessageContaining("not a pack test result");
        assertThatThrownBy(() -> new PackTestResultConverter().from(json("{\"packRef\":\"core\",\"packVersion\":\"1.0.0\","
                + "\"executionTime\":\"2026-01-20T10:00:00Z\",\"status\":\"passed\",\"passRate\":1,\"failed\":-1}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("failed");
    }

    @Test
    void listsAPacksExecutionsNewestFirstWithLimitAndOffset(DSLContext dsl) {
        PackTestRepository tests = new PackTestRepository(dsl);
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        PackRecord other = fixtures.pack("other");
        long oldest = tests.create(core.getId(), "1.0.0", "install", passing(NOW.minusHours(3))).id();
        long newest = tests.create(core.getId(), "1.0.0", "manual", passing(NOW.minusHours(1))).id();
        long middle = tests.create(core.getId(), "1.0.0", "manual", failing(NOW.minusHours(2))).id();
        tests.create(other.getId(), "1.0.0", "manual", passing(NOW));

        assertThat(tests.listByPack(core.getId(), new Page(10, 0))).extracting(PackTestExecution::id)
                .containsExactly(newest, middle, oldest);
        assertThat(tests.listByPack(core.getId(), new Page(1, 1))).extracting(PackTestExecution::id).containsExactly(middle);
        assertThat(tests.findLatestByPack(core.getId())).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo(newest));
        assertThat(tests.findLatestByPack(999)).isEmpty();
        assertThat(tests.countByPack(core.getId())).isEqualTo(3);
        assertThat(tests.countByPack(999)).isZero();
        assertThatThrownBy(() -> tests.listByPack(core.getId(), new Page(0, 0)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> tests.listByPack(core.getId(), new Page(1001, 0)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> tests.listByPack(core.getId(), new Page(10, -1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("offset");
    }

    @Test
    void listsByTriggerReasonNewestFirst(DSLContext dsl) {
        PackTestRepository tests = new PackTestRepository(dsl);
        PackRecord pack = new Fixtures(dsl).pack("core");
        long older = tests.create(pack.getId(), "1.0.0", "update", passing(NOW.minusHours(2))).id();
        long newer = tests.create(pack.getId(), "1.1.0", "update", passing(NOW.minusHours(1))).id();
        tests.create(pack.getId(), "1.1.0", "manual", passing(NOW));

        assertThat(tests.listByTriggerReason("update", new Page(10, 0))).extracting(PackTestExecution::id)
                .containsExactly(newer, older);
        assertThat(tests.listByTriggerReason("update", new Page(1, 1))).extracting(PackTestExecution::id).containsExactly(older);
        assertThat(tests.listByTriggerReason("validation", new Page(10, 0))).isEmpty();
        assertThatThrownBy(() -> tests.listByTriggerReason("Update", new Page(10, 0)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must be one of");
    }

    @Test
    void getsThePacksFailedExecutionsNewestFirstUpToTheLimit(DSLContext dsl) {
        PackTestRepository tests = new PackTestRepository(dsl);
        PackRecord pack = new Fixtures(dsl).pack("core");
        long older = tests.create(pack.getId(), "1.0.0", "manual", failing(NOW.minusHours(3))).id();
        tests.create(pack.getId(), "1.0.0", "manual", passing(NOW.minusHours(2))).id();
        long newer = tests.create(pack.getId(), "1.0.0", "manual", failing(NOW.minusHours(1))).id();

        assertThat(tests.getFailedByPack(pack.getId(), 10)).extracting(PackTestExecution::id)
                .containsExactly(newer, older);
        assertThat(tests.getFailedByPack(pack.getId(), 1)).extracting(PackTestExecution::id).containsExactly(newer);
        assertThatThrownBy(() -> tests.getFailedByPack(pack.getId(), 0)).isInstanceOf(ValidationException.class);
    }

    @Test
    void getsTheLatestTestOfEveryPackMostRecentFirst(DSLContext dsl) {
        PackTestRepository tests = new PackTestRepository(dsl);
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        PackRecord linux = fixtures.pack("linux");
        fixtures.pack("untested");
        tests.create(core.getId(), "1.0.0", "install", passing(NOW.minusHours(5)));
        long coreLatest = tests.create(core.getId(), "1.1.0", "update", failing(NOW.minusHours(3))).id();
        long linuxLatest = tests.create(linux.getId(), "2.0.0", "manual", passing(NOW.minusHours(1))).id();
        tests.create(linux.getId(), "2.0.0", "install", passing(NOW.minusHours(4)));

        List<PackLatestTest> latest = tests.getAllLatest();

        assertThat(latest).extracting(PackLatestTest::testExecutionId).containsExactly(linuxLatest, coreLatest);
        assertThat(latest.get(1).packRef()).isEqualTo("core");
        assertThat(latest.get(1).packVersion()).isEqualTo("1.1.0");
        assertThat(latest.get(1).failed()).isEqualTo(1);
        assertThat(latest.get(1).passRate()).isEqualTo(new BigDecimal("0.5000"));
    }

    @Test
    void computesStatsWithTheDatabaseFunction(DSLContext dsl) {
        PackTestRepository tests = new PackTestRepository(dsl);
        PackRecord pack = new Fixtures(dsl).pack("core");
        tests.create(pack.getId(), "1.0.0", "manual", result(NOW.minusHours(3), 3, 3, 0, "1.0000", 100));
        tests.create(pack.getId(), "1.0.0", "manual", result(NOW.minusHours(2), 3, 1, 2, "0.3333", 200));
        tests.create(pack.getId(), "1.0.0", "manual", result(NOW.minusHours(1), 2, 1, 0, "0.5000", 301));

        PackTestStats stats = tests.getStats(pack.getId());

        assertThat(stats.totalExecutions()).isEqualTo(3);
        assertThat(stats.successfulExecutions()).isEqualTo(1);
        assertThat(stats.failedExecutions()).isEqualTo(1);
        assertThat(stats.avgPassRate()).isEqualByComparingTo("0.6111");
        assertThat(stats.avgDurationMs()).isEqualTo(200);
        assertThat(stats.lastTestTime()).isAtSameInstantAs(NOW.minusHours(1));
        assertThat(stats.lastTestPassed()).isTrue();
        assertThat(tests.getStats(999)).isEqualTo(new PackTestStats(0, 0, 0, null, null, null, null));
    }

    @Test
    void hasPassingTestsOnlyForARecentRunWithTestsAndNoFailure(DSLContext dsl) {
        PackTestRepository tests = new PackTestRepository(dsl);
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord recent = fixtures.pack("recent");
        PackRecord stale = fixtures.pack("stale");
        PackRecord broken = fixtures.pack("broken");
        PackRecord empty = fixtures.pack("empty");
        tests.create(recent.getId(), "1.0.0", "manual", passing(NOW.minusHours(1)));
        tests.create(stale.getId(), "1.0.0", "manual", passing(NOW.minusHours(30)));
        tests.create(broken.getId(), "1.0.0", "manual", failing(NOW.minusHours(1)));
        tests.create(empty.getId(), "1.0.0", "manual", result(NOW.minusHours(1), 0, 0, 0, "0", 0));

        assertThat(tests.hasPassingTests(recent.getId())).isTrue();
        assertThat(tests.hasPassingTests(stale.getId())).isFalse();
        assertThat(tests.hasPassingTests(stale.getId(), 48)).isTrue();
        assertThat(tests.hasPassingTests(broken.getId(), 48)).isFalse();
        assertThat(tests.hasPassingTests(empty.getId(), 48)).isFalse();
        assertThat(tests.hasPassingTests(999, 48)).isFalse();
        assertThatThrownBy(() -> tests.hasPassingTests(recent.getId(), 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("hours");
    }

    @Test
    void deletesExecutionsOlderThanTheGivenDaysAndCountsThem(DSLContext dsl) {
        PackTestRepository tests = new PackTestRepository(dsl);
        PackRecord pack = new Fixtures(dsl).pack("core");
        tests.create(pack.getId(), "1.0.0", "manual", passing(NOW.minusDays(40)));
        tests.create(pack.getId(), "1.0.0", "manual", passing(NOW.minusDays(31)));
        long kept = tests.create(pack.getId(), "1.0.0", "manual", passing(NOW.minusDays(29))).id();

        assertThat(tests.deleteOldExecutions(30)).isEqualTo(2);
        assertThat(tests.deleteOldExecutions(30)).isZero();
        assertThat(tests.listByPack(pack.getId(), new Page(10, 0))).extracting(PackTestExecution::id).containsExactly(kept);
        assertThatThrownBy(() -> tests.deleteOldExecutions(-1)).isInstanceOf(ValidationException.class);
    }

    @Test
    void deletingThePackDeletesItsTestExecutions(DSLContext dsl) {
        PackTestRepository tests = new PackTestRepository(dsl);
        PackRecord pack = new Fixtures(dsl).pack("core");
        long id = tests.create(pack.getId(), "1.0.0", "manual", passing(NOW)).id();

        dsl.deleteFrom(PACK).where(PACK.ID.eq(pack.getId())).execute();

        assertThat(tests.findById(id)).isEmpty();
    }
}
