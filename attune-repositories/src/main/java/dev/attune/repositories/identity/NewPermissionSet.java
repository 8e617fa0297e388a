package dev.attune.repositories.identity;

import dev.attune.repositories.internal.Json;
import dev.attune.repositories.internal.Refs;
import tools.jackson.databind.JsonNode;

/**
 * A permission set to create: a named group of grants.
 *
 * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
 * @param pack        id of the owning pack; optional
 * @param packRef     optional
 * @param label       optional
 * @param description optional
 * @param grants      default empty array
 */
public record NewPermissionSet(String ref, Long pack, String packRef, String label, String description, JsonNode grants) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param ref         unique, lower case {@code pack.name}; checked before any SQL runs
     * @param pack        id of the owning pack; optional
     * @param packRef     optional
     * @param label       optional
     * @param description optional
     * @param grants      default empty array
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewPermissionSet {
        Refs.requireTwoPartRef("permission_set", ref);
        grants = Json.arrayIfNull(grants);
    }

    /**
     * A permission set without pack, label, description or grants.
     *
     * @param ref unique, lower case {@code pack.name}; checked before any SQL runs
     * @return the permission set to create
     */
    public static NewPermissionSet of(String ref) {
        return new NewPermissionSet(ref, null, null, null, null, null);
    }
}
