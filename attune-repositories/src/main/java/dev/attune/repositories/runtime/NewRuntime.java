package dev.attune.repositories.runtime;

import dev.attune.repositories.internal.Identifiers;
import dev.attune.repositories.internal.Json;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.RuntimeTypeEnum;
import tools.jackson.databind.JsonNode;

/**
 * A runtime (execution environment for actions or sensors) to create, in its January-2026 shape.
 *
 * @param ref           unique, lower case {@code pack.action.name} or {@code pack.sensor.name}; checked before any SQL
 * @param pack          owning pack id; optional (deleting the pack deletes the runtime)
 * @param packRef       owning pack ref; optional
 * @param description   optional
 * @param runtimeType   {@code action} or {@code sensor}; required
 * @param name          required
 * @param distributions supported distributions; default empty object
 * @param installation  installation instructions; optional
 */
public record NewRuntime(
        String ref,
        Long pack,
        String packRef,
        String description,
        RuntimeTypeEnum runtimeType,
        String name,
        JsonNode distributions,
        JsonNode installation) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param ref           unique, lower case {@code pack.action.name} or {@code pack.sensor.name}; checked before any
     *                      SQL
     * @param pack          owning pack id; optional (deleting the pack deletes the runtime)
     * @param packRef       owning pack ref; optional
     * @param description   optional
     * @param runtimeType   {@code action} or {@code sensor}; required
     * @param name          required
     * @param distributions supported distributions; default empty object
     * @param installation  installation instructions; optional
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewRuntime {
        Refs.requireRuntimeRef(ref);
        Refs.requireValue(RuntimeRepository.ENTITY, "runtime_type", runtimeType);
        Identifiers.requireName(RuntimeRepository.ENTITY, "name", name);
        distributions = Json.objectIfNull(distributions);
    }

    /**
     * A runtime without pack, description, distributions or installation.
     *
     * @param ref         unique, lower case {@code pack.action.name} or {@code pack.sensor.name}; checked before any
     *                    SQL
     * @param runtimeType {@code action} or {@code sensor}; required
     * @param name        required
     * @return the runtime to create
     */
    public static NewRuntime of(String ref, RuntimeTypeEnum runtimeType, String name) {
        return new NewRuntime(ref, null, null, null, runtimeType, name, null, null);
    }
}
