package dev.attune.repositories.queue;

import static dev.attune.repositories.schema.Tables.QUEUE_STATS;

import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.tables.pojos.QueueStats;
import dev.attune.repositories.schema.tables.records.QueueStatsRecord;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Timestamps;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.InsertOnDuplicateSetMoreStep;
import org.jooq.InsertValuesStep7;
import org.jooq.impl.DSL;
import org.jooq.types.DayToSecond;

/**
 * Per-action execution-queue counters ({@code queue_stats}, keyed by action id; deleting the action deletes them).
 * {@code last_updated} is maintained here (the table has no trigger): every write sets it to the database's
 * {@code now()}. Lists are ordered by {@code last_updated}, most recent first (then by action id).
 *
 * <p>Construct with the {@link DSLContext} to work in; inside {@code dsl.transaction(...)} every call joins the
 * caller's transaction.
 */
public final class QueueStatsRepository {

    static final String ENTITY = "queue_stats";

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public QueueStatsRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /**
     * Inserts the action's counters or overwrites all of them, setting {@code last_updated = now()}.
     *
     * @param stats the counters of one action
     * @return the row as stored
     * @throws dev.attune.repositories.ReferenceViolationException when the action is missing
     */
    public QueueStats upsert(QueueStatsUpsert stats) {
        return onConflictOverwrite(valuesOf(List.of(stats)))
                .returning()
                .fetchSingleInto(QueueStats.class);
    }

    /**
     * {@link #upsert} of many actions in one multi-row statement; an empty list returns an empty list without any
     * SQL.
     *
     * @param stats the counters of several actions
     * @return the written rows, in the order of {@code stats}
     * @throws ValidationException when an action id appears twice (one statement cannot write a row twice)
     * @throws dev.attune.repositories.ReferenceViolationException when an action is missing (nothing is written)
     */
    public List<QueueStats> batchUpsert(List<QueueStatsUpsert> stats) {
        if (stats.isEmpty()) {
            return List.of();
        }
        Set<Long> seen = new HashSet<>();
        for (QueueStatsUpsert s : stats) {
            if (!seen.add(s.actionId())) {
                throw new ValidationException(ENTITY, "action_id", s.actionId(), "appears more than once in the batch");
            }
        }
        Map<Long, QueueStats> written = onConflictOverwrite(valuesOf(stats))
                .returning()
                .fetchInto(QueueStats.class)
                .stream()
                .collect(Collectors.toMap(QueueStats::actionId, Function.identity()));
        // RETURNING does not promise the VALUES order
        return stats.stream().map(s -> written.get(s.actionId())).toList();
    }

    /**
     * The queue statistics of the action; empty when none were recorded.
     *
     * @param actionId the action's id
     * @return its counters; empty when there are none
     */
    public Optional<QueueStats> findByAction(long actionId) {
        return dsl.selectFrom(QUEUE_STATS).where(QUEUE_STATS.ACTION_ID.eq(actionId)).fetchOptionalInto(QueueStats.class);
    }

    /**
     * Counters of actions with something queued or running, most recently updated first.
     *
     * @return the actions with work queued or running
     */
    public List<QueueStats> listActive() {
        return dsl.selectFrom(QUEUE_STATS)
                .where(QUEUE_STATS.QUEUE_LENGTH.gt(0).or(QUEUE_STATS.ACTIVE_COUNT.gt(0)))
                .orderBy(QUEUE_STATS.LAST_UPDATED.desc(), QUEUE_STATS.ACTION_ID)
                .fetchInto(QueueStats.class);
    }

    /**
     * All counters, most recently updated first.
     *
     * @return every action's counters
     */
    public List<QueueStats> listAll() {
        return dsl.selectFrom(QUEUE_STATS)
                .orderBy(QUEUE_STATS.LAST_UPDATED.desc(), QUEUE_STATS.ACTION_ID)
                .fetchInto(QueueStats.class);
    }

    /**
     *
     * @param actionId the action's id
     * @return whether a row was deleted
     */
    public boolean delete(long actionId) {
        return dsl.deleteFrom(QUEUE_STATS).where(QUEUE_STATS.ACTION_ID.eq(actionId)).execute() > 0;
    }

    /**
     * Deletes the counters of idle actions (nothing queued, nothing running) not updated for more than
     * {@code seconds} seconds before the database's {@code now()}.
     *
     * @param seconds the age in seconds
     * @return the number of rows deleted
     * @throws ValidationException when {@code seconds} is negative or beyond {@code Limits.MAX_AGE_DAYS} days
     */
    public int clearStale(long seconds) {
        Timestamps.requireAge(ENTITY, "seconds", seconds, 0, ChronoUnit.SECONDS);
        return dsl.deleteFrom(QUEUE_STATS)
                .where(QUEUE_STATS.LAST_UPDATED.lt(
                        DSL.currentOffsetDateTime().minus(DSL.val(DayToSecond.valueOf(Duration.ofSeconds(seconds))))))
                .and(QUEUE_STATS.QUEUE_LENGTH.eq(0))
                .and(QUEUE_STATS.ACTIVE_COUNT.eq(0))
                .execute();
    }

    private InsertValuesStep7<QueueStatsRecord, Long, Integer, Integer, Integer, OffsetDateTime, Long, Long>
            valuesStep() {
        return dsl.insertInto(QUEUE_STATS, QUEUE_STATS.ACTION_ID, QUEUE_STATS.QUEUE_LENGTH, QUEUE_STATS.ACTIVE_COUNT,
                QUEUE_STATS.MAX_CONCURRENT, QUEUE_STATS.OLDEST_ENQUEUED_AT, QUEUE_STATS.TOTAL_ENQUEUED,
                QUEUE_STATS.TOTAL_COMPLETED);
    }

    /** One multi-row {@code INSERT ... VALUES (...), (...)} of every element of {@code stats}. */
    private InsertValuesStep7<QueueStatsRecord, Long, Integer, Integer, Integer, OffsetDateTime, Long, Long> valuesOf(
            List<QueueStatsUpsert> stats) {
        InsertValuesStep7<QueueStatsRecord, Long, Integer, Integer, Integer, OffsetDateTime, Long, Long> insert =
                valuesStep();
        for (QueueStatsUpsert s : stats) {
            insert = insert.values(s.actionId(), s.queueLength(), s.activeCount(), s.maxConcurrent(),
                    s.oldestEnqueuedAt(), s.totalEnqueued(), s.totalCompleted());
        }
        return insert;
    }

    /** {@code ON CONFLICT (action_id) DO UPDATE}: every counter from the new row, {@code last_updated = now()}. */
    private static InsertOnDuplicateSetMoreStep<QueueStatsRecord> onConflictOverwrite(
            InsertValuesStep7<QueueStatsRecord, Long, Integer, Integer, Integer, OffsetDateTime, Long, Long>
                    insert) {
        return insert.onConflict(QUEUE_STATS.ACTION_ID).doUpdate()
                .set(QUEUE_STATS.QUEUE_LENGTH, DSL.excluded(QUEUE_STATS.QUEUE_LENGTH))
                .set(QUEUE_STATS.ACTIVE_COUNT, DSL.excluded(QUEUE_STATS.ACTIVE_COUNT))
                .set(QUEUE_STATS.MAX_CONCURRENT, DSL.excluded(QUEUE_STATS.MAX_CONCURRENT))
                .set(QUEUE_STATS.OLDEST_ENQUEUED_AT, DSL.excluded(QUEUE_STATS.OLDEST_ENQUEUED_AT))
                .set(QUEUE_STATS.TOTAL_ENQUEUED, DSL.excluded(QUEUE_STATS.TOTAL_ENQUEUED))
                .set(QUEUE_STATS.TOTAL_COMPLETED, DSL.excluded(QUEUE_STATS.TOTAL_COMPLETED))
                .set(QUEUE_STATS.LAST_UPDATED, DSL.currentOffsetDateTime());
    }
}
