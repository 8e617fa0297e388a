package dev.attune.repositories.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.pojos.Execution;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

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
 * <p>The mapping is written out with Jackson's tree model rather than data binding: it needs no {@code java.time}
 * module and pins the timestamp format.
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
    private static final DateTimeFormatter UTC_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

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

    /** A task that has not run yet: no index or batch, no retries, no timeout, no timestamps. */
    public static WorkflowTaskMetadata of(long workflowExecution, String taskName) {
        return new WorkflowTaskMetadata(workflowExecution, taskName, null, null, 0, 0, null, null, false, null, null, null);
    }

    /**
     * The task metadata of {@code execution}, empty when it is not a workflow task (SQL NULL, or a JSON {@code null}
     * written by older code).
     *
     * @throws ValidationException when the stored object lacks {@code workflow_execution} or {@code task_name}, or a
     *                             value has the wrong type
     */
    public static Optional<WorkflowTaskMetadata> of(Execution execution) {
        JsonNode json = execution.workflowTask();
        return json == null || json.isNull() ? Optional.empty() : Optional.of(fromJson(json));
    }

    /**
     * Reads the JSON object. Missing optional keys are null; missing {@code retry_count}/{@code max_retries} are 0 and a
     * missing {@code timed_out} is false; unknown keys are ignored.
     *
     * @throws ValidationException when {@code json} is not an object, lacks {@code workflow_execution} or
     *                             {@code task_name}, or a value has the wrong type
     */
    public static WorkflowTaskMetadata fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new ValidationException(ENTITY, "workflow_task", json, "must be a JSON object");
        }
        Long workflowExecution = longValue(json, "workflow_execution");
        if (workflowExecution == null) {
            throw new ValidationException(ENTITY, "workflow_task.workflow_execution", null, "is required");
        }
        JsonNode taskName = json.get("task_name");
        if (taskName == null || !taskName.isTextual()) {
            throw new ValidationException(ENTITY, "workflow_task.task_name", taskName, "is required and must be a string");
        }
        Integer retryCount = intValue(json, "retry_count");
        Integer maxRetries = intValue(json, "max_retries");
        JsonNode timedOut = json.get("timed_out");
        if (timedOut != null && !timedOut.isNull() && !timedOut.isBoolean()) {
            throw new ValidationException(ENTITY, "workflow_task.timed_out", timedOut, "must be a boolean");
        }
        return new WorkflowTaskMetadata(
                workflowExecution,
                taskName.textValue(),
                intValue(json, "task_index"),
                intValue(json, "task_batch"),
                retryCount == null ? 0 : retryCount,
                maxRetries == null ? 0 : maxRetries,
                instant(json, "next_retry_at"),
                intValue(json, "timeout_seconds"),
                timedOut != null && timedOut.booleanValue(),
                longValue(json, "duration_ms"),
                instant(json, "started_at"),
                instant(json, "completed_at"));
    }

    /** The JSON object stored in {@code execution.workflow_task}. */
    public JsonNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("workflow_execution", workflowExecution);
        json.put("task_name", taskName);
        json.put("task_index", taskIndex);
        json.put("task_batch", taskBatch);
        json.put("retry_count", retryCount);
        json.put("max_retries", maxRetries);
        json.put("next_retry_at", text(nextRetryAt));
        json.put("timeout_seconds", timeoutSeconds);
        json.put("timed_out", timedOut);
        json.put("duration_ms", durationMs);
        json.put("started_at", text(startedAt));
        json.put("completed_at", text(completedAt));
        return json;
    }

    /** The timestamp as stored: ISO-8601 UTC with six fraction digits; null stays null. */
    static String text(Instant instant) {
        return instant == null ? null : UTC_MICROS.format(instant);
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static Long longValue(JsonNode json, String key) {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new ValidationException(ENTITY, "workflow_task." + key, value, "must be a whole number");
        }
        return value.longValue();
    }

    private static Integer intValue(JsonNode json, String key) {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
            throw new ValidationException(ENTITY, "workflow_task." + key, value, "must be a 32-bit whole number");
        }
        return value.intValue();
    }

    private static Instant instant(JsonNode json, String key) {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(ENTITY, "workflow_task." + key, value.asText(),
                    "must be an ISO-8601 timestamp with an offset, e.g. 2026-01-27T10:15:30.000000Z", e);
        }
    }
}
