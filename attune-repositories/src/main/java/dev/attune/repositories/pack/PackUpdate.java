package dev.attune.repositories.pack;

import static dev.attune.repositories.schema.Tables.PACK;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.records.PackRecord;
import java.util.List;

/**
 * The columns of a pack to change. Start from {@link #create()}; each method returns a new update that also sets one
 * column. A column never mentioned is left as it is; a nullable column set to {@code null} becomes NULL.
 */
public final class PackUpdate {

    private final Changes<PackRecord> changes;

    private PackUpdate(Changes<PackRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static PackUpdate create() {
        return new PackUpdate(Changes.none());
    }

    public PackUpdate label(String label) {
        return new PackUpdate(changes.set(PACK.LABEL, label));
    }

    /** Nullable: {@code null} clears the description. */
    public PackUpdate description(String description) {
        return new PackUpdate(changes.set(PACK.DESCRIPTION, description));
    }

    public PackUpdate version(String version) {
        return new PackUpdate(changes.set(PACK.VERSION, version));
    }

    public PackUpdate confSchema(JsonNode confSchema) {
        return new PackUpdate(changes.set(PACK.CONF_SCHEMA, confSchema));
    }

    public PackUpdate config(JsonNode config) {
        return new PackUpdate(changes.set(PACK.CONFIG, config));
    }

    public PackUpdate meta(JsonNode meta) {
        return new PackUpdate(changes.set(PACK.META, meta));
    }

    public PackUpdate tags(List<String> tags) {
        return new PackUpdate(changes.set(PACK.TAGS, Refs.requireValue("pack", "tags", tags).toArray(String[]::new)));
    }

    public PackUpdate runtimeDeps(List<String> runtimeDeps) {
        return new PackUpdate(changes.set(PACK.RUNTIME_DEPS,
                Refs.requireValue("pack", "runtime_deps", runtimeDeps).toArray(String[]::new)));
    }

    public PackUpdate isStandard(boolean isStandard) {
        return new PackUpdate(changes.set(PACK.IS_STANDARD, isStandard));
    }

    Changes<PackRecord> changes() {
        return changes;
    }
}
