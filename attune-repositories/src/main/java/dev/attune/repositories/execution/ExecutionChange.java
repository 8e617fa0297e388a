package dev.attune.repositories.execution;

import dev.attune.db.SchemaName;
import dev.attune.repositories.internal.Json;
import dev.attune.repositories.schema.enums.ExecutionStatusEnum;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One insert or update of an execution, as published by the {@code notify_execution_change} trigger on the channel
 * {@code <schema>_notifications} (migration {@code V20260119000001}).
 *
 * <p>The payload is {@code {"entity_type": "execution", "entity_id", "schema", "timestamp", "data": {"id", "status",
 * "action_id", "action_ref", "result", "created", "updated"}}}. NOTIFY payloads must stay under 8000 bytes, so when the
 * result would not fit the trigger leaves it out and sets {@code data.result_omitted} / {@code data.result_bytes}; read
 * the row to get it. A pathological {@code action_ref} is left out the same way ({@code data.action_ref_omitted}).
 *
 * @param schema           the schema whose execution changed
 * @param entityId         the execution's id
 * @param status           its status after the change
 * @param actionId         its action's id; null when it has none
 * @param actionRef        its action ref; null only when {@code actionRefOmitted}
 * @param result           its result; null when it has none or when {@code resultOmitted}
 * @param resultOmitted    whether the result was too large for the notification and left out
 * @param resultBytes      size of the left-out result's JSON text in bytes; null unless {@code resultOmitted}
 * @param actionRefOmitted whether the action ref was too large for the notification and left out
 * @param created          the execution's {@code created}
 * @param updated          the execution's {@code updated}
 * @param timestamp        when the change was published (the changing transaction's {@code now()})
 */
public record ExecutionChange(
        SchemaName schema,
        long entityId,
        ExecutionStatusEnum status,
        Long actionId,
        String actionRef,
        JsonNode result,
        boolean resultOmitted,
        Long resultBytes,
        boolean actionRefOmitted,
        OffsetDateTime created,
        OffsetDateTime updated,
        OffsetDateTime timestamp) {

    /**
     * Parses a notification payload of the execution trigger.
     *
     * @param payload the notification's payload
     * @return the change
     * @throws IllegalArgumentException when the payload is not such a notification (not JSON, another entity type, a
     *                                  missing or mistyped key, an unknown status)
     */
    public static ExecutionChange parse(String payload) {
        JsonNode root;
        try {
            root = Json.POSTGRES.readTree(payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("execution notification is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !"execution".equals(root.path("entity_type").asString(null))) {
            throw new IllegalArgumentException("not an execution notification: " + abbreviate(payload));
        }
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw new IllegalArgumentException("execution notification without a data object: " + abbreviate(payload));
        }
        String status = requiredText(data, "status", payload);
        ExecutionStatusEnum statusValue = ExecutionStatusEnum.lookupLiteral(status);
        if (statusValue == null) {
            throw new IllegalArgumentException("execution notification with unknown status '" + status + "'");
        }
        JsonNode result = data.get("result");
        JsonNode resultBytes = data.get("result_bytes");
        JsonNode actionId = data.get("action_id");
        JsonNode actionRef = data.get("action_ref");
        return new ExecutionChange(
                SchemaName.of(requiredText(root, "schema", payload)),
                requiredLong(root, "entity_id", payload),
                statusValue,
                actionId == null || actionId.isNull() ? null : actionId.longValue(),
                actionRef == null || actionRef.isNull() ? null : actionRef.asString(),
                result == null || result.isNull() ? null : result,
                data.path("result_omitted").asBoolean(false),
                resultBytes == null || resultBytes.isNull() ? null : resultBytes.longValue(),
                data.path("action_ref_omitted").asBoolean(false),
                timestamp(data, "created", payload),
                timestamp(data, "updated", payload),
                timestamp(root, "timestamp", payload));
    }

    private static String requiredText(JsonNode node, String key, String payload) {
        JsonNode value = node.get(key);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("execution notification without text '" + key + "': " + abbreviate(payload));
        }
        return value.stringValue();
    }

    private static long requiredLong(JsonNode node, String key, String payload) {
        JsonNode value = node.get(key);
        if (value == null || !value.canConvertToExactIntegral()) {
            throw new IllegalArgumentException("execution notification without integer '" + key + "': " + abbreviate(payload));
        }
        return value.longValue();
    }

    private static OffsetDateTime timestamp(JsonNode node, String key, String payload) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            // PostgreSQL renders timestamptz in JSON as ISO-8601 with the session's offset (2026-01-19T10:00:00.123+00:00).
            return OffsetDateTime.parse(value.asString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("execution notification with a bad '" + key + "' timestamp: "
                    + abbreviate(payload), e);
        }
    }

    private static String abbreviate(String payload) {
        return payload == null || payload.length() <= 200 ? String.valueOf(payload) : payload.substring(0, 200) + "...";
    }
}
