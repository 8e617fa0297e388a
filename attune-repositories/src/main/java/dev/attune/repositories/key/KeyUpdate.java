package dev.attune.repositories.key;

import static dev.attune.repositories.schema.Tables.KEY;

import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.tables.records.KeyRecord;

/**
 * The columns of a key to change. Start from {@link #create()}; each method returns a new update that also sets one
 * column. A column never mentioned is left as it is; a nullable column set to {@code null} becomes NULL. The ref and
 * the ownership of a key are not changed here.
 */
public final class KeyUpdate {

    private final Changes<KeyRecord> changes;

    private KeyUpdate(Changes<KeyRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static KeyUpdate create() {
        return new KeyUpdate(Changes.none());
    }

    /** The new name must still be unique for the key's owner. */
    public KeyUpdate name(String name) {
        return new KeyUpdate(changes.set(KEY.NAME, Refs.requireValue(KeyRepository.ENTITY, "name", name)));
    }

    public KeyUpdate value(String value) {
        return new KeyUpdate(changes.set(KEY.VALUE, Refs.requireValue(KeyRepository.ENTITY, "value", value)));
    }

    public KeyUpdate encrypted(boolean encrypted) {
        return new KeyUpdate(changes.set(KEY.ENCRYPTED, encrypted));
    }

    /** Nullable: {@code null} clears the hash. */
    public KeyUpdate encryptionKeyHash(String encryptionKeyHash) {
        return new KeyUpdate(changes.set(KEY.ENCRYPTION_KEY_HASH, encryptionKeyHash));
    }

    Changes<KeyRecord> changes() {
        return changes;
    }
}
