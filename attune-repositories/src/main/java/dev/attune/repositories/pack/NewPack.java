package dev.attune.repositories.pack;

import dev.attune.repositories.internal.Json;
import dev.attune.repositories.internal.Refs;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A pack to create.
 *
 * @param ref         unique, lower case, {@code [a-z][a-z0-9_-]+} (no dots); checked before any SQL runs
 * @param label       required
 * @param description optional
 * @param version     required, semantic version (MAJOR.MINOR.PATCH[-pre][+build]); checked by the database
 * @param confSchema  JSON schema of the configuration; default empty object
 * @param config      configuration; default empty object
 * @param meta        free metadata; default empty object
 * @param tags        default empty
 * @param runtimeDeps default empty
 * @param isStandard  whether this is a standard (built-in) pack
 */
public record NewPack(
        String ref,
        String label,
        String description,
        String version,
        JsonNode confSchema,
        JsonNode config,
        JsonNode meta,
        List<String> tags,
        List<String> runtimeDeps,
        boolean isStandard) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param ref         unique, lower case, {@code [a-z][a-z0-9_-]+} (no dots); checked before any SQL runs
     * @param label       required
     * @param description optional
     * @param version     required, semantic version (MAJOR.MINOR.PATCH[-pre][+build]); checked by the database
     * @param confSchema  JSON schema of the configuration; default empty object
     * @param config      configuration; default empty object
     * @param meta        free metadata; default empty object
     * @param tags        default empty
     * @param runtimeDeps default empty
     * @param isStandard  whether this is a standard (built-in) pack
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewPack {
        Refs.requirePackRef(ref);
        Refs.requireValue("pack", "label", label);
        Refs.requireValue("pack", "version", version);
        confSchema = Json.objectIfNull(confSchema);
        config = Json.objectIfNull(config);
        meta = Json.objectIfNull(meta);
        tags = tags == null ? List.of() : List.copyOf(tags);
        runtimeDeps = runtimeDeps == null ? List.of() : List.copyOf(runtimeDeps);
    }

    /**
     * A non-standard pack with empty configuration, metadata, tags and dependencies.
     *
     * @param ref     unique, lower case, {@code [a-z][a-z0-9_-]+} (no dots); checked before any SQL runs
     * @param label   required
     * @param version required, semantic version (MAJOR.MINOR.PATCH[-pre][+build]); checked by the database
     * @return the pack to create
     */
    public static NewPack of(String ref, String label, String version) {
        return new NewPack(ref, label, null, version, null, null, null, List.of(), List.of(), false);
    }
}
