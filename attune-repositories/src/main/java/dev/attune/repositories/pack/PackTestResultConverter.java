package dev.attune.repositories.pack;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.attune.repositories.RepositoryException;
import dev.attune.repositories.ValidationException;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jooq.Converter;

/**
 * The jOOQ converter between the JSON of {@code pack_test_execution.result} and {@link PackTestResult}, for
 * {@code PACK_TEST_EXECUTION.RESULT.convert(new PackTestResultConverter())}. Jackson data binding of the records, with
 * {@code executionTime} written and read as ISO-8601 text (no java.time module needed); unknown keys are ignored.
 * SQL NULL and JSON {@code null} read as {@code null}; {@code null} is written as SQL NULL.
 */
public final class PackTestResultConverter implements Converter<JsonNode, PackTestResult> {

    private static final long serialVersionUID = 1L;
    private static final String ENTITY = PackTestRepository.ENTITY;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
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
        } catch (JsonMappingException e) {
            // the records' compact constructors throw ValidationException, which Jackson wraps
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ValidationException validation) {
                    throw validation;
                }
            }
            throw notAResult(e);
        } catch (JsonProcessingException e) {
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

    private static RepositoryException notAResult(JsonProcessingException e) {
        return new RepositoryException(ENTITY, ENTITY + ": result is not a pack test result: " + e.getOriginalMessage(), e);
    }

    private static final class IsoOffsetDateTimeSerializer extends JsonSerializer<OffsetDateTime> {
        @Override
        public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider serializers)
                throws IOException {
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    private static final class IsoOffsetDateTimeDeserializer extends JsonDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
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
