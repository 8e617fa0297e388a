package dev.attune.repositories.pack;

import static dev.attune.repositories.schema.Tables.GET_PACK_TEST_STATS;
import static dev.attune.repositories.schema.Tables.PACK_LATEST_TEST;
import static dev.attune.repositories.schema.Tables.PACK_TEST_EXECUTION;

import dev.attune.repositories.Limits;
import dev.attune.repositories.Page;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Timestamps;
import dev.attune.repositories.schema.Routines;
import dev.attune.repositories.schema.tables.pojos.PackLatestTest;
import dev.attune.repositories.schema.tables.pojos.PackTestExecution;
import dev.attune.repositories.schema.tables.records.GetPackTestStatsRecord;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.types.DayToSecond;

/**
 * Results of running packs' test suites. Lists are ordered by {@code execution_time}, newest first (then by id, newest
 * first). {@code pass_rate} is read exactly as a {@link java.math.BigDecimal} ({@code numeric(5,4)}; Attune's float
 * decoding of it failed).
 *
 * <p>{@link #getAllLatest()}, {@link #getStats(long)} and {@link #getFailedByPack(long, int)} keep the spec's names
 * although they are a list, statistics and a list: unlike the other repositories' {@code get*}, they never throw
 * {@link dev.attune.repositories.NotFoundException}.
 *
 * <p>Construct with the {@link DSLContext} to work in; inside {@code dsl.transaction(...)} every call joins the
 * caller's transaction.
 */
public final class PackTestRepository {

    static final String ENTITY = "pack_test_execution";

    /** The values CHECK {@code valid_trigger_reason} allows for {@code trigger_reason}. */
    public static final List<String> TRIGGER_REASONS = List.of("install", "update", "manual", "validation");

    /** Window of {@link #hasPassingTests(long)}, the default of {@code pack_has_passing_tests}. */
    public static final int DEFAULT_PASSING_WINDOW_HOURS = 24;

    private static final int PACK_VERSION_MAX_LENGTH = 50;

    private static final PackTestResultConverter RESULT_CONVERTER = new PackTestResultConverter();
    /** {@code result} read as a {@link PackTestResult}. */
    private static final Field<PackTestResult> RESULT = PACK_TEST_EXECUTION.RESULT.convert(RESULT_CONVERTER);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public PackTestRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /**
     * Stores a test result: {@code execution_time}, the counts, {@code pass_rate} and {@code duration_ms} come from
     * {@code result}, which is also stored whole as JSON.
     *
     * @param packId the pack's id
     * @param packVersion   the version tested; required, at most 50 characters
     * @param triggerReason one of {@link #TRIGGER_REASONS}; checked before any SQL runs
     * @param result the result as the test runner reported it
     * @return the stored execution
     * @throws ValidationException when an argument breaks these rules
     * @throws dev.attune.repositories.ReferenceViolationException when the pack is missing
     */
    public PackTestExecution create(long packId, String packVersion, String triggerReason, PackTestResult result) {
        Refs.requireValue(ENTITY, "pack_version", packVersion);
        if (packVersion.length() > PACK_VERSION_MAX_LENGTH) {
            throw new ValidationException(ENTITY, "pack_version", packVersion,
                    "must be at most " + PACK_VERSION_MAX_LENGTH + " characters");
        }
        requireTriggerReason(triggerReason);
        Refs.requireValue(ENTITY, "result", result);
        return dsl.insertInto(PACK_TEST_EXECUTION)
                .set(PACK_TEST_EXECUTION.PACK_ID, packId)
                .set(PACK_TEST_EXECUTION.PACK_VERSION, packVersion)
                .set(PACK_TEST_EXECUTION.EXECUTION_TIME, result.executionTime())
                .set(PACK_TEST_EXECUTION.TRIGGER_REASON, triggerReason)
                .set(PACK_TEST_EXECUTION.TOTAL_TESTS, result.totalTests())
                .set(PACK_TEST_EXECUTION.PASSED, result.passed())
                .set(PACK_TEST_EXECUTION.FAILED, result.failed())
                .set(PACK_TEST_EXECUTION.SKIPPED, result.skipped())
                .set(PACK_TEST_EXECUTION.PASS_RATE, result.passRate())
                .set(PACK_TEST_EXECUTION.DURATION_MS, result.durationMs())
                .set(PACK_TEST_EXECUTION.RESULT, RESULT_CONVERTER.to(result))
                .returning()
                .fetchSingleInto(PackTestExecution.class);
    }

    /**
     * The structured result stored with test execution {@code id}, read through {@link PackTestResultConverter}.
     *
     * @param id the test execution's id
     * @return empty when there is no such test execution
     * @throws ValidationException when the stored JSON breaks a rule of {@link PackTestResult}
     */
    public Optional<PackTestResult> findResultById(long id) {
        return dsl.select(RESULT).from(PACK_TEST_EXECUTION).where(PACK_TEST_EXECUTION.ID.eq(id)).fetchOptional(RESULT);
    }

    /**
     * The pack test execution with this id; empty when there is none.
     *
     * @param id the test execution's id
     * @return the test execution; empty when there is none
     */
    public Optional<PackTestExecution> findById(long id) {
        return dsl.selectFrom(PACK_TEST_EXECUTION).where(PACK_TEST_EXECUTION.ID.eq(id))
                .fetchOptionalInto(PackTestExecution.class);
    }

    /**
     * One page of a pack's test executions, newest first.
     *
     * @param packId the pack's id
     * @param page   which rows
     * @return the page, newest first
     * @throws ValidationException when {@code page} is null
     */
    public List<PackTestExecution> listByPack(long packId, Page page) {
        return newestFirst(PACK_TEST_EXECUTION.PACK_ID.eq(packId), Refs.requireValue(ENTITY, "page", page));
    }

    /**
     * The pack's latest test execution, if it was ever tested (spec: {@code get_latest_by_pack}, an optional).
     *
     * @param packId the pack's id
     * @return the latest execution; empty when the pack was never tested
     */
    public Optional<PackTestExecution> findLatestByPack(long packId) {
        return newestFirst(PACK_TEST_EXECUTION.PACK_ID.eq(packId), Page.first(1)).stream().findFirst();
    }

    /**
     * The latest test of every tested pack (view {@code pack_latest_test}), most recent first. Named as in the spec
     * ({@code get_all_latest}) although it is a list: it never throws {@link dev.attune.repositories.NotFoundException}
     * (unlike the {@code get*} lookups of the other repositories) and is empty when no pack was tested.
     *
     * @return one row per tested pack, most recent first
     */
    public List<PackLatestTest> getAllLatest() {
        return dsl.selectFrom(PACK_LATEST_TEST)
                .orderBy(PACK_LATEST_TEST.TEST_TIME.desc(), PACK_LATEST_TEST.TEST_EXECUTION_ID.desc())
                .fetchInto(PackLatestTest.class);
    }

    /**
     * Statistics over the pack's test executions (function {@code get_pack_test_stats}); for a pack without any (or a
     * missing pack) the counts are 0 and the rest is null. Named as in the spec ({@code get_stats}): it never throws
     * {@link dev.attune.repositories.NotFoundException}.
     *
     * @param packId the pack's id
     * @return the statistics
     */
    public PackTestStats getStats(long packId) {
        GetPackTestStatsRecord stats = dsl.selectFrom(GET_PACK_TEST_STATS.call(packId)).fetchSingle();
        return new PackTestStats(stats.getTotalExecutions(), stats.getSuccessfulExecutions(),
                stats.getFailedExecutions(), stats.getAvgPassRate(), stats.getAvgDurationMs(),
                stats.getLastTestTime(), stats.getLastTestPassed());
    }

    /**
     * {@link #hasPassingTests(long, int)} over the last 24 hours.
     *
     * @param packId the pack's id
     * @return whether a passing execution is at most 24 hours old
     */
    public boolean hasPassingTests(long packId) {
        return hasPassingTests(packId, DEFAULT_PASSING_WINDOW_HOURS);
    }

    /**
     * Whether the pack has an execution within the last {@code hours} hours with at least one test and no failure
     * (function {@code pack_has_passing_tests}).
     *
     * @param packId the pack's id
     * @param hours  how far back to look, in hours
     * @return whether such an execution exists
     * @throws ValidationException when {@code hours} is not between 1 and {@value Limits#MAX_AGE_DAYS} days (876,600)
     */
    public boolean hasPassingTests(long packId, int hours) {
        Timestamps.requireAge(ENTITY, "hours", hours, 1, ChronoUnit.HOURS);
        return Boolean.TRUE.equals(Routines.packHasPassingTests(dsl.configuration(), packId, hours));
    }

    /**
     * The number of test executions of the pack; 0 for a missing pack.
     *
     * @param packId the pack's id
     * @return the number of executions
     */
    public long countByPack(long packId) {
        return dsl.fetchCount(PACK_TEST_EXECUTION, PACK_TEST_EXECUTION.PACK_ID.eq(packId));
    }

    /**
     * One page of the test executions started for {@code triggerReason}, newest first.
     *
     * @param triggerReason one of {@link #TRIGGER_REASONS}
     * @param page          which rows
     * @return the page, newest first
     * @throws ValidationException when the reason is null or not one of {@link #TRIGGER_REASONS}, or {@code page}
     *         is null
     */
    public List<PackTestExecution> listByTriggerReason(String triggerReason, Page page) {
        requireTriggerReason(triggerReason);
        return newestFirst(PACK_TEST_EXECUTION.TRIGGER_REASON.eq(triggerReason),
                Refs.requireValue(ENTITY, "page", page));
    }

    /**
     * The pack's latest executions with at least one failed test, newest first, at most {@code limit}. Named as in the
     * spec ({@code get_failed_by_pack}) although it is a list: it never throws
     * {@link dev.attune.repositories.NotFoundException} and is empty for a pack without failures (or a missing pack).
     *
     * @param packId the pack's id
     * @param limit  the most executions to return
     * @return the failed executions, newest first
     * @throws ValidationException when {@code limit} is not 1–{@value Limits#MAX_PAGE_SIZE}
     */
    public List<PackTestExecution> getFailedByPack(long packId, int limit) {
        return newestFirst(PACK_TEST_EXECUTION.PACK_ID.eq(packId).and(PACK_TEST_EXECUTION.FAILED.gt(0)),
                Page.first(limit)); // the same bounds as a page
    }

    /**
     * Deletes every execution whose {@code execution_time} is more than {@code days} days before the database's
     * {@code now()}.
     *
     * @param days the age in days; 0 deletes every execution up to now
     * @return the number of rows deleted
     * @throws ValidationException when {@code days} is not between 0 and {@value Limits#MAX_AGE_DAYS}
     */
    public int deleteOldExecutions(int days) {
        Timestamps.requireAge(ENTITY, "days", days, 0, ChronoUnit.DAYS);
        return dsl.deleteFrom(PACK_TEST_EXECUTION)
                .where(PACK_TEST_EXECUTION.EXECUTION_TIME.lt(
                        DSL.currentOffsetDateTime().minus(DSL.val(DayToSecond.valueOf(Duration.ofDays(days))))))
                .execute();
    }

    /** One page of the executions matching {@code condition}, newest first (by execution time, then id). */
    private List<PackTestExecution> newestFirst(Condition condition, Page page) {
        return dsl.selectFrom(PACK_TEST_EXECUTION)
                .where(condition)
                .orderBy(PACK_TEST_EXECUTION.EXECUTION_TIME.desc(), PACK_TEST_EXECUTION.ID.desc())
                .limit(page.limit()).offset(page.offset())
                .fetchInto(PackTestExecution.class);
    }

    private static void requireTriggerReason(String triggerReason) {
        Refs.requireValue(ENTITY, "trigger_reason", triggerReason);
        if (!TRIGGER_REASONS.contains(triggerReason)) {
            throw new ValidationException(ENTITY, "trigger_reason", triggerReason,
                    "must be one of " + String.join(", ", TRIGGER_REASONS));
        }
    }
}
