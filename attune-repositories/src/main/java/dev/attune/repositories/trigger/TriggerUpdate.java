package dev.attune.repositories.trigger;

import static dev.attune.repositories.schema.Tables.TRIGGER;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.records.TriggerRecord;

/**
 * The columns of a trigger to change. Start from {@link #create()}; each method returns a new update that also sets one
 * column. A column never mentioned is left as it is; a nullable column set to {@code null} becomes NULL. The ref, the
 * pack and the webhook columns are not updatable here (see the webhook methods of {@link TriggerRepository}).
 */
public final class TriggerUpdate {

    private final Changes<TriggerRecord> changes;

    private TriggerUpdate(Changes<TriggerRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static TriggerUpdate create() {
        return new TriggerUpdate(Changes.none());
    }

    public TriggerUpdate label(String label) {
        return new TriggerUpdate(changes.set(TRIGGER.LABEL, Refs.requireValue(TriggerRepository.ENTITY, "label", label)));
    }

    /** Nullable: {@code null} clears the description. */
    public TriggerUpdate description(String description) {
        return new TriggerUpdate(changes.set(TRIGGER.DESCRIPTION, description));
    }

    public TriggerUpdate enabled(boolean enabled) {
        return new TriggerUpdate(changes.set(TRIGGER.ENABLED, enabled));
    }

    /** Nullable: {@code null} clears the parameter schema. */
    public TriggerUpdate paramSchema(JsonNode paramSchema) {
        return new TriggerUpdate(changes.set(TRIGGER.PARAM_SCHEMA, paramSchema));
    }

    /** Nullable: {@code null} clears the output schema. */
    public TriggerUpdate outSchema(JsonNode outSchema) {
        return new TriggerUpdate(changes.set(TRIGGER.OUT_SCHEMA, outSchema));
    }

    Changes<TriggerRecord> changes() {
        return changes;
    }
}
