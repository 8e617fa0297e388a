package dev.attune.repositories.internal;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** The mapper for JSON that PostgreSQL produced, and defaults for JSON columns. */
public final class Json {

    /**
     * Reads whatever PostgreSQL stores or sends. Jackson's default limits (500 levels of nesting, 1,000-digit numbers,
     * 100 million-character strings, 50,000-character names) are lower than what {@code jsonb} accepts (nesting bounded
     * only by the server's stack, 131,072-digit numerics, strings up to 256 MB), so they are lifted. Jackson's tree
     * reader is iterative, so a deep value cannot overflow the stack. Writes are limited before SQL instead
     * ({@code Limits.MAX_JSON_DEPTH}), so the writer's limit is lifted too.
     */
    public static final JsonMapper POSTGRES = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(Integer.MAX_VALUE)
                            .maxNumberLength(Integer.MAX_VALUE)
                            .maxStringLength(Integer.MAX_VALUE)
                            .maxNameLength(Integer.MAX_VALUE)
                            .maxDocumentLength(-1)
                            .build())
                    .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
                    .build())
            // exact numbers: a double would turn a 400-digit numeric into Infinity and round long decimals
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    /**
     * {@code value}, or an empty object when it is null (for NOT NULL columns defaulting to {@code '{}'}).
     *
     * @param value a JSON value or null
     * @return {@code value} or {@code {}}
     */
    public static JsonNode objectIfNull(JsonNode value) {
        return value == null ? JsonNodeFactory.instance.objectNode() : value;
    }

    /**
     * {@code value}, or an empty array when it is null (for NOT NULL columns defaulting to {@code '[]'}).
     *
     * @param value a JSON value or null
     * @return {@code value} or {@code []}
     */
    public static JsonNode arrayIfNull(JsonNode value) {
        return value == null ? JsonNodeFactory.instance.arrayNode() : value;
    }
}
