package dev.attune.repositories.binding;

import dev.attune.repositories.internal.Json;
import org.jooq.JSONB;
import org.jooq.impl.AbstractConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Maps PostgreSQL {@code jsonb} to Jackson {@link JsonNode}. SQL {@code NULL} is Java {@code null}; the JSON value
 * {@code null} is {@link tools.jackson.databind.node.NullNode} — the two stay distinct.
 *
 * <p>Reading never fails because of what is stored: Jackson's read limits, lower than PostgreSQL's, are lifted (see
 * {@code internal.Json.POSTGRES}); numbers with a fraction are read exactly, as {@code BigDecimal}. Writing is limited
 * before SQL instead ({@code Limits.MAX_JSON_DEPTH}).
 */
public final class JsonbJsonNodeConverter extends AbstractConverter<JSONB, JsonNode> {

    private static final long serialVersionUID = 1L;

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
            return Json.POSTGRES.readTree(databaseObject.data());
        } catch (JacksonException e) {
            throw new IllegalStateException("the database returned invalid jsonb: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public JSONB to(JsonNode userObject) {
        if (userObject == null) {
            return null;
        }
        try {
            return JSONB.valueOf(Json.POSTGRES.writeValueAsString(userObject));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
