package dev.attune.repositories.execution;

import dev.attune.repositories.ValidationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jooq.Converter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The jOOQ converter between {@code execution.workflow_task} and {@link WorkflowTaskMetadata}, for
 * {@code EXECUTION.WORKFLOW_TASK.convert(WorkflowTaskConverter.INSTANCE)}.
 *
 * <p>JSON keys are snake_case; every key is written, absent optional values as JSON {@code null}. Timestamps are written
 * as ISO-8601 UTC strings with exactly six fraction digits ({@code 2026-01-27T10:15:30.000000Z}, the format of the
 * consolidating migration), so that their text form, which the expression indexes use, sorts chronologically. Reading
 * accepts any ISO-8601 timestamp with an offset. Written with Jackson's tree model rather than data binding: it needs no
 * {@code java.time} module and pins the timestamp format.
 */
public final class WorkflowTaskConverter implements Converter<JsonNode, WorkflowTaskMetadata> {

    /** The shared instance (the converter is stateless). */
    public static final WorkflowTaskConverter INSTANCE = new WorkflowTaskConverter();

    private static final long serialVersionUID = 1L;
    private static final String ENTITY = "execution";
    private static final DateTimeFormatter UTC_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** A stateless converter; prefer {@link #INSTANCE}. */
    public WorkflowTaskConverter() {
    }

    /**
     * Reads the stored JSON object; SQL NULL and a JSON {@code null} (written by older code) read as
     * {@code null}. Missing optional keys are null; missing {@code retry_count}/{@code max_retries} are 0 and a
     * missing {@code timed_out} is false; unknown keys are ignored.
     *
     * @throws ValidationException when {@code json} is another non-object value, lacks {@code workflow_execution} or
     *                             {@code task_name}, or a value has the wrong type
     */
    @Override
    public WorkflowTaskMetadata from(JsonNode json) {
        if (json == null || json.isNull()) {
            return null;
        }
        if (!json.isObject()) {
            throw new ValidationException(ENTITY, "workflow_task", json, "must be a JSON object");
        }
        Long workflowExecution = longValue(json, "workflow_execution");
        if (workflowExecution == null) {
            throw new ValidationException(ENTITY, "workflow_task.workflow_execution", null, "is required");
        }
        JsonNode taskName = json.get("task_name");
        if (taskName == null || !taskName.isString()) {
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
                taskName.stringValue(),
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

    /** The JSON object stored in {@code execution.workflow_task}; {@code null} is written as SQL NULL. */
    @Override
    public JsonNode to(WorkflowTaskMetadata task) {
        if (task == null) {
            return null;
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("workflow_execution", task.workflowExecution());
        json.put("task_name", task.taskName());
        json.put("task_index", task.taskIndex());
        json.put("task_batch", task.taskBatch());
        json.put("retry_count", task.retryCount());
        json.put("max_retries", task.maxRetries());
        json.put("next_retry_at", text(task.nextRetryAt()));
        json.put("timeout_seconds", task.timeoutSeconds());
        json.put("timed_out", task.timedOut());
        json.put("duration_ms", task.durationMs());
        json.put("started_at", text(task.startedAt()));
        json.put("completed_at", text(task.completedAt()));
        return json;
    }

    /** {@code JsonNode}. */
    @Override
    public Class<JsonNode> fromType() {
        return JsonNode.class;
    }

    /** {@code WorkflowTaskMetadata}. */
    @Override
    public Class<WorkflowTaskMetadata> toType() {
        return WorkflowTaskMetadata.class;
    }

    /** The timestamp as stored: ISO-8601 UTC with six fraction digits; null stays null. */
    private static String text(Instant instant) {
        return instant == null ? null : UTC_MICROS.format(instant);
    }

    private static Long longValue(JsonNode json, String key) {
        JsonNode value = present(json, key);
        return value == null ? null
                : wholeNumber(key, value, value.canConvertToLong(), "must be a whole number").longValue();
    }

    private static Integer intValue(JsonNode json, String key) {
        JsonNode value = present(json, key);
        return value == null ? null
                : wholeNumber(key, value, value.canConvertToInt(), "must be a 32-bit whole number").intValue();
    }

    /** The value of {@code key}; null when it is missing or JSON null. */
    private static JsonNode present(JsonNode json, String key) {
        JsonNode value = json.get(key);
        return value == null || value.isNull() ? null : value;
    }

    /** {@code value} when it is a whole number that {@code fits} the Java type; else {@code rule} is broken. */
    private static JsonNode wholeNumber(String key, JsonNode value, boolean fits, String rule) {
        if (!value.canConvertToExactIntegral() || !fits) {
            throw new ValidationException(ENTITY, "workflow_task." + key, value, rule);
        }
        return value;
    }

    private static Instant instant(JsonNode json, String key) {
        JsonNode value = present(json, key);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(ENTITY, "workflow_task." + key, value.asString(),
                    "must be an ISO-8601 timestamp with an offset, e.g. 2026-01-27T10:15:30.000000Z", e);
        }
    }
}
