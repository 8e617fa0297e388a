package dev.attune.repositories.runtime;

import static dev.attune.repositories.schema.Tables.RUNTIME;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.records.RuntimeRecord;

/**
 * The columns of a runtime to change (ref, pack and runtime type are fixed). Start from {@link #create()}; each method
 * returns a new update that also sets one column. A column never mentioned is left as it is; a nullable column set to
 * {@code null} becomes NULL.
 */
public final class RuntimeUpdate {

    private final Changes<RuntimeRecord> changes;

    private RuntimeUpdate(Changes<RuntimeRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static RuntimeUpdate create() {
        return new RuntimeUpdate(Changes.none());
    }

    /** Nullable: {@code null} clears the description. */
    public RuntimeUpdate description(String description) {
        return new RuntimeUpdate(changes.set(RUNTIME.DESCRIPTION, description));
    }

    public RuntimeUpdate name(String name) {
        return new RuntimeUpdate(changes.set(RUNTIME.NAME, Refs.requireValue(RuntimeRepository.ENTITY, "name", name)));
    }

    public RuntimeUpdate distributions(JsonNode distributions) {
        return new RuntimeUpdate(changes.set(RUNTIME.DISTRIBUTIONS,
                Refs.requireValue(RuntimeRepository.ENTITY, "distributions", distributions)));
    }

    /** Nullable: {@code null} clears the installation instructions. */
    public RuntimeUpdate installation(JsonNode installation) {
        return new RuntimeUpdate(changes.set(RUNTIME.INSTALLATION, installation));
    }

    Changes<RuntimeRecord> changes() {
        return changes;
    }
}
