package dev.attune.repositories.execution;

import dev.attune.repositories.ValidationException;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.pojos.Execution;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The {@code execution.workflow_task} JSON object of an execution that runs one task of a workflow (spec §2.3; it replaced
 * the {@code workflow_task_execution} table on 27 Jan 2026).
 *
 * <p>JSON keys are snake_case ({@code workflow_execution}, {@code task_name}, {@code task_index}, {@code task_batch},
 * {@code retry_count}, {@code max_retries}, {@code next_retry_at}, {@code timeout_seconds}, {@code timed_out},
 * {@code duration_ms}, {@code started_at}, {@code completed_at}); every key is written, absent optional values as JSON
 * {@code null}. Timestamps are written as ISO-8601 UTC strings with exactly six fraction digits
 * ({@code 2026-01-27T10:15:30.000000Z}, the format of the consolidating migration), so that their text form — which
 * the expression indexes use — sorts chronologically; they are truncated to microseconds, PostgreSQL's precision.
 * Reading accepts any ISO-8601 timestamp with an offset.
 *
 * <p>Stored and read through {@link WorkflowTaskConverter}.
 *
 * @param workflowExecution id of the {@code workflow_execution} row this task belongs to
 * @param taskName          required
 * @param taskIndex         0-based index within a with-items task; optional
 * @param taskBatch         batch number within a with-items task; optional
 * @param retryCount        retries so far, 0 or more
 * @param maxRetries        retries allowed, 0 or more
 * @param nextRetryAt       when the next retry is due; optional
 * @param timeoutSeconds    optional
 * @param timedOut          whether the task timed out
 * @param durationMs        optional
 * @param startedAt         optional
 * @param completedAt       optional
 */
public record WorkflowTaskMetadata(
        long workflowExecution,
        String taskName,
        Integer taskIndex,
        Integer taskBatch,
        int retryCount,
        int maxRetries,
        Instant nextRetryAt,
        Integer timeoutSeconds,
        boolean timedOut,
        Long durationMs,
        Instant startedAt,
        Instant completedAt) {

    private static final String ENTITY = "execution";

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param workflowExecution id of the {@code workflow_execution} row this task belongs to
     * @param taskName          required
     * @param taskIndex         0-based index within a with-items task; optional
     * @param taskBatch         batch number within a with-items task; optional
     * @param retryCount        retries so far, 0 or more
     * @param maxRetries        retries allowed, 0 or more
     * @param nextRetryAt       when the next retry is due; optional
     * @param timeoutSeconds    optional
     * @param timedOut          whether the task timed out
     * @param durationMs        optional
     * @param startedAt         optional
     * @param completedAt       optional
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public WorkflowTaskMetadata {
        Refs.requireValue(ENTITY, "workflow_task.task_name", taskName);
        if (retryCount < 0) {
            throw new ValidationException(ENTITY, "workflow_task.retry_count", retryCount, "must be 0 or more");
        }
        if (maxRetries < 0) {
            throw new ValidationException(ENTITY, "workflow_task.max_retries", maxRetries, "must be 0 or more");
        }
        nextRetryAt = micros(nextRetryAt);
        startedAt = micros(startedAt);
        completedAt = micros(completedAt);
    }

    /**
     * A task that has not run yet: no index or batch, no retries, no timeout, no timestamps.
     *
     * @param workflowExecution id of the {@code workflow_execution} row this task belongs to
     * @param taskName          required
     * @return the metadata
     */
    public static WorkflowTaskMetadata of(long workflowExecution, String taskName) {
        return new WorkflowTaskMetadata(workflowExecution, taskName, null, null, 0, 0, null, null, false, null, null, null);
    }

    /**
     * The task metadata of {@code execution}, empty when it is not a workflow task (SQL NULL, or a JSON {@code null}
     * written by older code).
     *
     * @param execution an execution row
     * @return its workflow task metadata; empty when it is not a workflow task
     * @throws ValidationException when the stored object lacks {@code workflow_execution} or {@code task_name}, or a
     *                             value has the wrong type
     */
    public static Optional<WorkflowTaskMetadata> of(Execution execution) {
        JsonNode json = execution.workflowTask();
        return json == null || json.isNull() ? Optional.empty() : Optional.of(WorkflowTaskConverter.INSTANCE.from(json));
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
