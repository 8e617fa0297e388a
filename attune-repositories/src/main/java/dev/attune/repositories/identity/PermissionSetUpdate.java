package dev.attune.repositories.identity;

import static dev.attune.repositories.schema.Tables.PERMISSION_SET;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.records.PermissionSetRecord;

/**
 * The columns of a permission set to change: label, description and grants (ref and pack are fixed). Start from
 * {@link #create()}; each method returns a new update that also sets one column. A column never mentioned is left as
 * it is; a nullable column set to {@code null} becomes NULL.
 */
public final class PermissionSetUpdate {

    private final Changes<PermissionSetRecord> changes;

    private PermissionSetUpdate(Changes<PermissionSetRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static PermissionSetUpdate create() {
        return new PermissionSetUpdate(Changes.none());
    }

    /** Nullable: {@code null} clears the label. */
    public PermissionSetUpdate label(String label) {
        return new PermissionSetUpdate(changes.set(PERMISSION_SET.LABEL, label));
    }

    /** Nullable: {@code null} clears the description. */
    public PermissionSetUpdate description(String description) {
        return new PermissionSetUpdate(changes.set(PERMISSION_SET.DESCRIPTION, description));
    }

    public PermissionSetUpdate grants(JsonNode grants) {
        return new PermissionSetUpdate(changes.set(PERMISSION_SET.GRANTS,
                Refs.requireValue("permission_set", "grants", grants)));
    }

    Changes<PermissionSetRecord> changes() {
        return changes;
    }
}
