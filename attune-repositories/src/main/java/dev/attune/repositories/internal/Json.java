package dev.attune.repositories.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Defaults for JSON columns. */
public final class Json {

    private Json() {
    }

    /** {@code value}, or an empty object when it is null (for NOT NULL columns defaulting to {@code '{}'}). */
    public static JsonNode objectIfNull(JsonNode value) {
        return value == null ? JsonNodeFactory.instance.objectNode() : value;
    }

    /** {@code value}, or an empty array when it is null (for NOT NULL columns defaulting to {@code '[]'}). */
    public static JsonNode arrayIfNull(JsonNode value) {
        return value == null ? JsonNodeFactory.instance.arrayNode() : value;
    }
}
