package dev.attune.repositories.action;

import static dev.attune.repositories.schema.Tables.ACTION;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.records.ActionRecord;

/**
 * The columns of an action to change. Start from {@link #create()}; each method returns a new update that also sets one
 * column. A column never mentioned is left as it is; a nullable column set to {@code null} becomes NULL. The ref, pack
 * and workflow link are not changed here (see {@link ActionRepository#linkWorkflowDef}).
 */
public final class ActionUpdate {

    private final Changes<ActionRecord> changes;

    private ActionUpdate(Changes<ActionRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static ActionUpdate create() {
        return new ActionUpdate(Changes.none());
    }

    public ActionUpdate label(String label) {
        return new ActionUpdate(changes.set(ACTION.LABEL, Refs.requireValue(ActionRepository.ENTITY, "label", label)));
    }

    public ActionUpdate description(String description) {
        return new ActionUpdate(changes.set(ACTION.DESCRIPTION,
                Refs.requireValue(ActionRepository.ENTITY, "description", description)));
    }

    public ActionUpdate entrypoint(String entrypoint) {
        return new ActionUpdate(changes.set(ACTION.ENTRYPOINT,
                Refs.requireValue(ActionRepository.ENTITY, "entrypoint", entrypoint)));
    }

    /** Nullable: {@code null} detaches the action from its runtime. */
    public ActionUpdate runtime(Long runtime) {
        return new ActionUpdate(changes.set(ACTION.RUNTIME, runtime));
    }

    /** Nullable: {@code null} clears the parameter schema. */
    public ActionUpdate paramSchema(JsonNode paramSchema) {
        return new ActionUpdate(changes.set(ACTION.PARAM_SCHEMA, paramSchema));
    }

    /** Nullable: {@code null} clears the output schema. */
    public ActionUpdate outSchema(JsonNode outSchema) {
        return new ActionUpdate(changes.set(ACTION.OUT_SCHEMA, outSchema));
    }

    Changes<ActionRecord> changes() {
        return changes;
    }
}
