package dev.attune.repositories.key;

import static dev.attune.repositories.schema.Tables.KEY;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.enums.OwnerTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Key;
import dev.attune.repositories.schema.tables.records.KeyRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Keys: configuration values and secrets, scoped to the system or to one identity, pack, action or sensor. Lists are
 * ordered by ref. Values are stored as given: encrypting them is the caller's job.
 *
 * <p>The database's {@code validate_key_owner} trigger fills the {@code owner} column (the owner's id as text, or
 * {@code system}) and, with the unique index on (owner_type, owner, name), allows one key name per owner.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside {@code dsl.transaction(cfg -> new KeyRepository(cfg.dsl()))}
 * every call joins the caller's transaction.
 */
public final class KeyRepository {

    static final String ENTITY = "key";

    private static final Updates<KeyRecord> UPDATES = Updates.of(ENTITY, KEY.ID,
            KEY.NAME, KEY.VALUE, KEY.ENCRYPTED, KEY.ENCRYPTION_KEY_HASH);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public KeyRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The key with this id; empty when there is none. */
    public Optional<Key> findById(long id) {
        return dsl.selectFrom(KEY).where(KEY.ID.eq(id)).fetchOptionalInto(Key.class);
    }

    /** @throws NotFoundException when there is no key with this id */
    public Key getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /**
     * The key with this ref; empty when there is none.
     *
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Optional<Key> findByRef(String ref) {
        Refs.requireValue(ENTITY, "ref", ref);
        return dsl.selectFrom(KEY).where(KEY.REF.eq(ref)).fetchOptionalInto(Key.class);
    }

    /** Every key, by ref. */
    public List<Key> list() {
        return dsl.selectFrom(KEY).orderBy(KEY.REF).fetchInto(Key.class);
    }

    /** The keys of one owner type, by ref. */
    public List<Key> findByOwnerType(OwnerTypeEnum ownerType) {
        Refs.requireValue(ENTITY, "owner_type", ownerType);
        return dsl.selectFrom(KEY).where(KEY.OWNER_TYPE.eq(ownerType)).orderBy(KEY.REF).fetchInto(Key.class);
    }

    /**
     * Creates the key; the database computes {@code owner}.
     *
     * @throws dev.attune.repositories.AlreadyExistsException when the ref is taken, or the owner already has a key with
     *         this name (field {@code owner_type, owner, name})
     * @throws dev.attune.repositories.ReferenceViolationException when the owning row does not exist
     */
    public Key create(NewKey key) {
        return dsl.insertInto(KEY)
                .set(KEY.REF, key.ref())
                .set(KEY.OWNER_TYPE, key.ownerType())
                .set(KEY.OWNER_IDENTITY, key.ownerIdentity())
                .set(KEY.OWNER_PACK, key.ownerPack())
                .set(KEY.OWNER_PACK_REF, key.ownerPackRef())
                .set(KEY.OWNER_ACTION, key.ownerAction())
                .set(KEY.OWNER_ACTION_REF, key.ownerActionRef())
                .set(KEY.OWNER_SENSOR, key.ownerSensor())
                .set(KEY.OWNER_SENSOR_REF, key.ownerSensorRef())
                .set(KEY.NAME, key.name())
                .set(KEY.ENCRYPTED, key.encrypted())
                .set(KEY.ENCRYPTION_KEY_HASH, key.encryptionKeyHash())
                .set(KEY.VALUE, key.value())
                .returning()
                .fetchSingleInto(Key.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code name, value, encrypted, encryption_key_hash}.
     *
     * @throws NotFoundException when there is no key with this id
     * @throws dev.attune.repositories.AlreadyExistsException when the owner already has a key with the new name
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Key update(long id, RowUpdate<KeyRecord> update) {
        return UPDATES.apply(dsl, id, update, Key.class);
    }

    /** @return whether a row was deleted */
    public boolean delete(long id) {
        return dsl.deleteFrom(KEY).where(KEY.ID.eq(id)).execute() > 0;
    }
}
