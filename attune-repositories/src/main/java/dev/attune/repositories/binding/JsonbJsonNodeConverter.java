package dev.attune.repositories.binding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jooq.JSONB;
import org.jooq.impl.AbstractConverter;

/**
 * Maps PostgreSQL {@code jsonb} to Jackson {@link JsonNode}. SQL {@code NULL} is Java {@code null}; the JSON value
 * {@code null} is {@link com.fasterxml.jackson.databind.node.NullNode} — the two stay distinct.
 */
public final class JsonbJsonNodeConverter extends AbstractConverter<JSONB, JsonNode> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
        return userObject == null ? null : JSONB.valueOf(userObject.toString());
    }
}
