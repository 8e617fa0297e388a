package dev.attune.repositories.workflow;

import static dev.attune.repositories.schema.Tables.WORKFLOW_DEFINITION;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.records.WorkflowDefinitionRecord;
import java.util.List;

/**
 * The columns of a workflow definition to change (ref and pack are fixed). Start from {@link #create()}; each method
 * returns a new update that also sets one column. A column never mentioned is left as it is; a nullable column set to
 * {@code null} becomes NULL.
 */
public final class WorkflowDefinitionUpdate {

    private static final String ENTITY = "workflow_definition";

    private final Changes<WorkflowDefinitionRecord> changes;

    private WorkflowDefinitionUpdate(Changes<WorkflowDefinitionRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static WorkflowDefinitionUpdate create() {
        return new WorkflowDefinitionUpdate(Changes.none());
    }

    public WorkflowDefinitionUpdate label(String label) {
        return new WorkflowDefinitionUpdate(changes.set(WORKFLOW_DEFINITION.LABEL, Refs.requireValue(ENTITY, "label", label)));
    }

    /** Nullable: {@code null} clears the description. */
    public WorkflowDefinitionUpdate description(String description) {
        return new WorkflowDefinitionUpdate(changes.set(WORKFLOW_DEFINITION.DESCRIPTION, description));
    }

    public WorkflowDefinitionUpdate version(String version) {
        return new WorkflowDefinitionUpdate(changes.set(WORKFLOW_DEFINITION.VERSION,
                Refs.requireValue(ENTITY, "version", version)));
    }

    /** Nullable: {@code null} clears the parameter schema. */
    public WorkflowDefinitionUpdate paramSchema(JsonNode paramSchema) {
        return new WorkflowDefinitionUpdate(changes.set(WORKFLOW_DEFINITION.PARAM_SCHEMA, paramSchema));
    }

    /** Nullable: {@code null} clears the output schema. */
    public WorkflowDefinitionUpdate outSchema(JsonNode outSchema) {
        return new WorkflowDefinitionUpdate(changes.set(WORKFLOW_DEFINITION.OUT_SCHEMA, outSchema));
    }

    public WorkflowDefinitionUpdate definition(JsonNode definition) {
        return new WorkflowDefinitionUpdate(changes.set(WORKFLOW_DEFINITION.DEFINITION,
                Refs.requireValue(ENTITY, "definition", definition)));
    }

    /** Nullable column: {@code null} makes the tags NULL (use an empty list for "no tags"). */
    public WorkflowDefinitionUpdate tags(List<String> tags) {
        return new WorkflowDefinitionUpdate(changes.set(WORKFLOW_DEFINITION.TAGS,
                tags == null ? null : tags.toArray(String[]::new)));
    }

    public WorkflowDefinitionUpdate enabled(boolean enabled) {
        return new WorkflowDefinitionUpdate(changes.set(WORKFLOW_DEFINITION.ENABLED, enabled));
    }

    Changes<WorkflowDefinitionRecord> changes() {
        return changes;
    }
}
