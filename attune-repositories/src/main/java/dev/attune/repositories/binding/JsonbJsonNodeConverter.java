package dev.attune.repositories.binding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.JSONB;
import org.jooq.impl.AbstractConverter;

/**
 * Maps PostgreSQL {@code jsonb} to Jackson {@link JsonNode}. SQL {@code NULL} is Java {@code null}; the JSON value
 * {@code null} is {@link com.fasterxml.jackson.databind.node.NullNode} — the two stay distinct.
 *
 * <p>Reading must never fail because of what is stored: Jackson's default limits (1,000 levels of nesting, 1,000-digit
 * numbers, 20 MB strings, 50,000-character names) are lower than what PostgreSQL accepts (nesting bounded only by the
 * server's stack, 131,072-digit numerics, strings up to 256 MB), so they are lifted here. Jackson's tree reader is
 * iterative, so a deep value cannot overflow the stack. Writing is limited before SQL instead
 * ({@code Limits.MAX_JSON_DEPTH}).
 */
public final class JsonbJsonNodeConverter extends AbstractConverter<JSONB, JsonNode> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
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
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The converter the generated code uses for every {@code jsonb} column. */
    public JsonbJsonNodeConverter() {
        super(JSONB.class, JsonNode.class);
    }

    @Override
    public JsonNode from(JSONB databaseObject) {
        if (databaseObject == null) {
            return null;
        }
        try {
            return MAPPER.readTree(databaseObject.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the database returned invalid jsonb: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public JSONB to(JsonNode userObject) {
        if (userObject == null) {
            return null;
        }
        try {
            return JSONB.valueOf(MAPPER.writeValueAsString(userObject));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
