package dev.attune.repositories.identity;

import static dev.attune.repositories.schema.Tables.IDENTITY;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.schema.tables.records.IdentityRecord;

/**
 * The columns of an identity to change (the login is fixed). Start from {@link #create()}; each method returns a new
 * update that also sets one column. A column never mentioned is left as it is; a nullable column set to {@code null}
 * becomes NULL.
 */
public final class IdentityUpdate {

    private final Changes<IdentityRecord> changes;

    private IdentityUpdate(Changes<IdentityRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static IdentityUpdate create() {
        return new IdentityUpdate(Changes.none());
    }

    /** Nullable: {@code null} clears the display name. */
    public IdentityUpdate displayName(String displayName) {
        return new IdentityUpdate(changes.set(IDENTITY.DISPLAY_NAME, displayName));
    }

    /** Nullable: {@code null} removes the password (service or external account). */
    public IdentityUpdate passwordHash(String passwordHash) {
        return new IdentityUpdate(changes.set(IDENTITY.PASSWORD_HASH, passwordHash));
    }

    public IdentityUpdate attributes(JsonNode attributes) {
        return new IdentityUpdate(changes.set(IDENTITY.ATTRIBUTES, attributes));
    }

    Changes<IdentityRecord> changes() {
        return changes;
    }
}
