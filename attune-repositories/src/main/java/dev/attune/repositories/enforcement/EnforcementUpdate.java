package dev.attune.repositories.enforcement;

import static dev.attune.repositories.schema.Tables.ENFORCEMENT;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.EnforcementStatusEnum;
import dev.attune.repositories.schema.tables.records.EnforcementRecord;

/**
 * The columns of an enforcement to change (status and payload only). Start from {@link #create()}; each method returns
 * a new update that also sets one column. A column never mentioned is left as it is. Both columns are NOT NULL, so
 * {@code null} is refused.
 */
public final class EnforcementUpdate {

    private final Changes<EnforcementRecord> changes;

    private EnforcementUpdate(Changes<EnforcementRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static EnforcementUpdate create() {
        return new EnforcementUpdate(Changes.none());
    }

    public EnforcementUpdate status(EnforcementStatusEnum status) {
        return new EnforcementUpdate(changes.set(ENFORCEMENT.STATUS,
                Refs.requireValue(EnforcementRepository.ENTITY, "status", status)));
    }

    public EnforcementUpdate payload(JsonNode payload) {
        return new EnforcementUpdate(changes.set(ENFORCEMENT.PAYLOAD,
                Refs.requireValue(EnforcementRepository.ENTITY, "payload", payload)));
    }

    Changes<EnforcementRecord> changes() {
        return changes;
    }
}
