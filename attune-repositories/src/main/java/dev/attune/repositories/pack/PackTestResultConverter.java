package dev.attune.repositories.pack;

import dev.attune.repositories.RepositoryException;
import dev.attune.repositories.ValidationException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jooq.Converter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The jOOQ converter between the JSON of {@code pack_test_execution.result} and {@link PackTestResult}, for
 * {@code PACK_TEST_EXECUTION.RESULT.convert(new PackTestResultConverter())}. Jackson data binding of the records, with
 * {@code executionTime} written and read as ISO-8601 text (no java.time module needed); unknown keys are ignored.
 * SQL NULL and JSON {@code null} read as {@code null}; {@code null} is written as SQL NULL.
 */
public final class PackTestResultConverter implements Converter<JsonNode, PackTestResult> {

    private static final long serialVersionUID = 1L;
    private static final String ENTITY = PackTestRepository.ENTITY;
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("attune-pack-test-result")
                    .addSerializer(OffsetDateTime.class, new IsoOffsetDateTimeSerializer())
                    .addDeserializer(OffsetDateTime.class, new IsoOffsetDateTimeDeserializer()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A stateless converter; instances are interchangeable. */
    public PackTestResultConverter() {
    }

    /**
     * Reads a stored {@code result}.
     *
     * @throws ValidationException when the JSON breaks one of the rules of {@link PackTestResult}
     * @throws RepositoryException when the JSON does not have that shape at all
     */
    @Override
    public PackTestResult from(JsonNode json) {
        if (json == null || json.isNull()) {
            return null;
        }
        try {
            return MAPPER.treeToValue(json, PackTestResult.class);
        } catch (DatabindException e) {
            // the records' compact constructors throw ValidationException, which Jackson wraps
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ValidationException validation) {
                    throw validation;
                }
            }
            throw notAResult(e);
        } catch (JacksonException e) {
            throw notAResult(e);
        }
    }

    /** The JSON stored for {@code result} (camelCase keys); {@code null} stays {@code null}. */
    @Override
    public JsonNode to(PackTestResult result) {
        return result == null ? null : MAPPER.valueToTree(result);
    }

    /** {@code JsonNode}. */
    @Override
    public Class<JsonNode> fromType() {
        return JsonNode.class;
    }

    /** {@code PackTestResult}. */
    @Override
    public Class<PackTestResult> toType() {
        return PackTestResult.class;
    }

    private static RepositoryException notAResult(JacksonException e) {
        return new RepositoryException(ENTITY, ENTITY + ": result is not a pack test result: " + e.getOriginalMessage(), e);
    }

    private static final class IsoOffsetDateTimeSerializer extends ValueSerializer<OffsetDateTime> {
        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext serializers) {
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    private static final class IsoOffsetDateTimeDeserializer extends ValueDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
            String text = parser.getValueAsString();
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
                        "not an ISO-8601 timestamp with offset");
            }
        }
    }
}
