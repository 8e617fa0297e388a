package dev.attune.repositories.event;

import static dev.attune.repositories.schema.Tables.EVENT;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.schema.tables.records.EventRecord;

/**
 * The columns of an event to change (configuration and payload only). Start from {@link #create()}; each method returns
 * a new update that also sets one column. A column never mentioned is left as it is; {@code null} makes it NULL.
 */
public final class EventUpdate {

    private final Changes<EventRecord> changes;

    private EventUpdate(Changes<EventRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static EventUpdate create() {
        return new EventUpdate(Changes.none());
    }

    /** Nullable: {@code null} clears the configuration. */
    public EventUpdate config(JsonNode config) {
        return new EventUpdate(changes.set(EVENT.CONFIG, config));
    }

    /** Nullable: {@code null} clears the payload. */
    public EventUpdate payload(JsonNode payload) {
        return new EventUpdate(changes.set(EVENT.PAYLOAD, payload));
    }

    Changes<EventRecord> changes() {
        return changes;
    }
}
