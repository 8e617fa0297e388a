package dev.attune.repositories.action;

import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.pojos.Pack;
import tools.jackson.databind.JsonNode;

/**
 * An action to create.
 *
 * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
 * @param pack        id of the owning pack (required)
 * @param packRef     ref of the owning pack (required)
 * @param label       required
 * @param description required (the column is NOT NULL)
 * @param entrypoint  required: what the runtime executes
 * @param runtime     optional runtime id
 * @param paramSchema optional JSON schema of the parameters
 * @param outSchema   optional JSON schema of the output
 */
public record NewAction(
        String ref,
        long pack,
        String packRef,
        String label,
        String description,
        String entrypoint,
        Long runtime,
        JsonNode paramSchema,
        JsonNode outSchema) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
     * @param pack        id of the owning pack (required)
     * @param packRef     ref of the owning pack (required)
     * @param label       required
     * @param description required (the column is NOT NULL)
     * @param entrypoint  required: what the runtime executes
     * @param runtime     optional runtime id
     * @param paramSchema optional JSON schema of the parameters
     * @param outSchema   optional JSON schema of the output
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewAction {
        Refs.requireTwoPartRef(ActionRepository.ENTITY, ref);
        Refs.requireValue(ActionRepository.ENTITY, "pack_ref", packRef);
        Refs.requireValue(ActionRepository.ENTITY, "label", label);
        Refs.requireValue(ActionRepository.ENTITY, "description", description);
        Refs.requireValue(ActionRepository.ENTITY, "entrypoint", entrypoint);
    }

    /**
     * An action without runtime or schemas.
     *
     * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
     * @param pack        id of the owning pack (required)
     * @param packRef     ref of the owning pack (required)
     * @param label       required
     * @param description required (the column is NOT NULL)
     * @param entrypoint  required: what the runtime executes
     * @return the action to create
     */
    public static NewAction of(String ref, long pack, String packRef, String label, String description,
            String entrypoint) {
        return new NewAction(ref, pack, packRef, label, description, entrypoint, null, null, null);
    }

    /**
     * An action of {@code pack} (its id and ref, taken from the row so they cannot disagree) without runtime or schemas.
     *
     * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
     * @param pack a pack row as returned by {@code PackRepository}; required
     * @param label       required
     * @param description required (the column is NOT NULL)
     * @param entrypoint  required: what the runtime executes
     * @return the action to create
     * @throws dev.attune.repositories.ValidationException when {@code pack} or a required value is null, or the ref is
     *                                                     malformed
     */
    public static NewAction of(String ref, Pack pack, String label, String description, String entrypoint) {
        Refs.requireValue(ActionRepository.ENTITY, "pack", pack);
        return of(ref, pack.id(), pack.ref(), label, description, entrypoint);
    }
}
