package dev.attune.repositories.key;

import static dev.attune.repositories.schema.Tables.KEY;

import dev.attune.repositories.RefRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.enums.OwnerTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Key;
import dev.attune.repositories.schema.tables.records.KeyRecord;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Keys: configuration values and secrets, scoped to the system or to one identity, pack, action or sensor. Lists are
 * ordered by ref. Values are stored as given: encrypting them is the caller's job.
 *
 * <p>The database's {@code validate_key_owner} trigger fills the {@code owner} column (the owner's id as text, or
 * {@code system}) and, with the unique index on (owner_type, owner, name), allows one key name per owner.
 *
 * <p>{@link #update} may change {@code name, value, encrypted, encryption_key_hash}; a new name the owner already uses
 * is refused ({@link dev.attune.repositories.AlreadyExistsException}).
 *
 * <p>{@link #create} lets the database compute {@code owner}; it refuses a taken ref, a name the owner already uses
 * (field {@code owner_type, owner, name}) and a missing owning row.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new KeyRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class KeyRepository extends RefRepository<KeyRecord, Key, NewKey> {

    /** The name errors carry: the table's. */
    static final String ENTITY = KEY.getName();

    private static final EntityTable<KeyRecord, Key> TABLE = EntityTable.of(KEY.ID, Key.class)
            .orderedBy(KEY.REF)
            .updatable(KEY.NAME, KEY.VALUE, KEY.ENCRYPTED, KEY.ENCRYPTION_KEY_HASH);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public KeyRepository(DSLContext dsl) {
        super(dsl, TABLE, KEY.REF);
    }


    /**
     * The keys of one owner type.
     *
     * @param ownerType the owner type
     * @return the keys, by ref
     * @throws dev.attune.repositories.ValidationException when {@code ownerType} is null
     */
    public List<Key> findByOwnerType(OwnerTypeEnum ownerType) {
        return where(KEY.OWNER_TYPE.eq(require("owner_type", ownerType)));
    }

}
