package dev.attune.repositories.workflow;

import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.pojos.Pack;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A workflow definition to create: a parsed workflow YAML stored as JSON. Text columns are limited to 255 characters
 * ({@code version} to 50) by the database.
 *
 * @param ref         required, unique (no format rule: the schema has no check for it)
 * @param pack        id of the owning pack
 * @param packRef     required
 * @param label       required
 * @param description optional
 * @param version     required
 * @param paramSchema optional
 * @param outSchema   optional
 * @param definition  required: tasks, variables, transitions
 * @param tags        default empty
 * @param enabled     whether the workflow can run
 */
public record NewWorkflowDefinition(
        String ref,
        long pack,
        String packRef,
        String label,
        String description,
        String version,
        JsonNode paramSchema,
        JsonNode outSchema,
        JsonNode definition,
        List<String> tags,
        boolean enabled) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param ref         required, unique (no format rule: the schema has no check for it)
     * @param pack        id of the owning pack
     * @param packRef     required
     * @param label       required
     * @param description optional
     * @param version     required
     * @param paramSchema optional
     * @param outSchema   optional
     * @param definition  required: tasks, variables, transitions
     * @param tags        default empty
     * @param enabled     whether the workflow can run
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewWorkflowDefinition {
        Refs.requireValue("workflow_definition", "ref", ref);
        Refs.requireValue("workflow_definition", "pack_ref", packRef);
        Refs.requireValue("workflow_definition", "label", label);
        Refs.requireValue("workflow_definition", "version", version);
        Refs.requireValue("workflow_definition", "definition", definition);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * An enabled definition without description, schemas or tags.
     *
     * @param ref        required, unique (no format rule: the schema has no check for it)
     * @param pack       id of the owning pack
     * @param packRef    required
     * @param label      required
     * @param version    required
     * @param definition required: tasks, variables, transitions
     * @return the definition to create
     */
    public static NewWorkflowDefinition of(String ref, long pack, String packRef, String label, String version,
            JsonNode definition) {
        return new NewWorkflowDefinition(ref, pack, packRef, label, null, version, null, null, definition, List.of(), true);
    }

    /**
     * An enabled definition of {@code pack} (its id and ref, taken from the row) without description, schemas or tags.
     *
     * @param ref        required, unique (no format rule: the schema has no check for it)
     * @param pack the owning pack row; required
     * @param label      required
     * @param version    required
     * @param definition required: tasks, variables, transitions
     * @return the definition to create
     * @throws dev.attune.repositories.ValidationException when {@code pack} or a required value is null, or the ref is
     *                                                     malformed
     */
    public static NewWorkflowDefinition of(String ref, Pack pack, String label, String version, JsonNode definition) {
        Refs.requireValue("workflow_definition", "pack", pack);
        return of(ref, pack.id(), pack.ref(), label, version, definition);
    }
}
