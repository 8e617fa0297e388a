package dev.attune.repositories.sensor;

import static dev.attune.repositories.schema.Tables.SENSOR;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.records.SensorRecord;

/**
 * The columns of a sensor to change. Start from {@link #create()}; each method returns a new update that also sets one
 * column. A column never mentioned is left as it is; a nullable column set to {@code null} becomes NULL. A sensor's
 * configuration, runtime and trigger are not updatable.
 */
public final class SensorUpdate {

    private final Changes<SensorRecord> changes;

    private SensorUpdate(Changes<SensorRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static SensorUpdate create() {
        return new SensorUpdate(Changes.none());
    }

    public SensorUpdate label(String label) {
        return new SensorUpdate(changes.set(SENSOR.LABEL, Refs.requireValue(SensorRepository.ENTITY, "label", label)));
    }

    public SensorUpdate description(String description) {
        return new SensorUpdate(changes.set(SENSOR.DESCRIPTION,
                Refs.requireValue(SensorRepository.ENTITY, "description", description)));
    }

    public SensorUpdate entrypoint(String entrypoint) {
        return new SensorUpdate(changes.set(SENSOR.ENTRYPOINT,
                Refs.requireValue(SensorRepository.ENTITY, "entrypoint", entrypoint)));
    }

    public SensorUpdate enabled(boolean enabled) {
        return new SensorUpdate(changes.set(SENSOR.ENABLED, enabled));
    }

    /** Nullable: {@code null} clears the parameter schema. */
    public SensorUpdate paramSchema(JsonNode paramSchema) {
        return new SensorUpdate(changes.set(SENSOR.PARAM_SCHEMA, paramSchema));
    }

    Changes<SensorRecord> changes() {
        return changes;
    }
}
