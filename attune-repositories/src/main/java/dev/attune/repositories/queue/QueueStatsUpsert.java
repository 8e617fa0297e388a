package dev.attune.repositories.queue;

import dev.attune.repositories.ValidationException;
import java.time.OffsetDateTime;

/**
 * The queue counters of one action, written whole by {@link QueueStatsRepository#upsert}.
 *
 * @param actionId         the action; its row is the primary key
 * @param queueLength      executions waiting; 0 or more
 * @param activeCount      executions running; 0 or more
 * @param maxConcurrent    concurrency limit; 0 or more
 * @param oldestEnqueuedAt when the oldest waiting execution was enqueued; optional
 * @param totalEnqueued    lifetime counter; 0 or more
 * @param totalCompleted   lifetime counter; 0 or more
 */
public record QueueStatsUpsert(
        long actionId,
        int queueLength,
        int activeCount,
        int maxConcurrent,
        OffsetDateTime oldestEnqueuedAt,
        long totalEnqueued,
        long totalCompleted) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param actionId         the action; its row is the primary key
     * @param queueLength      executions waiting; 0 or more
     * @param activeCount      executions running; 0 or more
     * @param maxConcurrent    concurrency limit; 0 or more
     * @param oldestEnqueuedAt when the oldest waiting execution was enqueued; optional
     * @param totalEnqueued    lifetime counter; 0 or more
     * @param totalCompleted   lifetime counter; 0 or more
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public QueueStatsUpsert {
        // the columns have no CHECK, but a negative counter is always a caller bug
        requireNotNegative("queue_length", queueLength);
        requireNotNegative("active_count", activeCount);
        requireNotNegative("max_concurrent", maxConcurrent);
        requireNotNegative("total_enqueued", totalEnqueued);
        requireNotNegative("total_completed", totalCompleted);
    }

    /**
     * Empty queue counters with the column defaults (nothing queued or active, limit 1, totals 0).
     *
     * @param actionId the action; its row is the primary key
     * @return the counters to store
     */
    public static QueueStatsUpsert idle(long actionId) {
        return new QueueStatsUpsert(actionId, 0, 0, 1, null, 0, 0);
    }

    private static void requireNotNegative(String field, long value) {
        if (value < 0) {
            throw new ValidationException(QueueStatsRepository.ENTITY, field, value, "must be 0 or more");
        }
    }
}
