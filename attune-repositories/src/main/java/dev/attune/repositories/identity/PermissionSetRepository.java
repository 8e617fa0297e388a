package dev.attune.repositories.identity;

import static dev.attune.repositories.schema.Tables.PERMISSION_SET;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.tables.pojos.PermissionSet;
import dev.attune.repositories.schema.tables.records.PermissionSetRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Permission sets: named groups of grants (role-like). Lists are ordered by ref.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside
 * {@code dsl.transaction(cfg -> new PermissionSetRepository(cfg.dsl()))} every call joins the caller's transaction.
 */
public final class PermissionSetRepository {

    static final String ENTITY = "permission_set";

    private static final Updates<PermissionSetRecord> UPDATES = Updates.of(ENTITY, PERMISSION_SET.ID,
            PERMISSION_SET.LABEL, PERMISSION_SET.DESCRIPTION, PERMISSION_SET.GRANTS);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public PermissionSetRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The permission set with this id; empty when there is none. */
    public Optional<PermissionSet> findById(long id) {
        return dsl.selectFrom(PERMISSION_SET).where(PERMISSION_SET.ID.eq(id)).fetchOptionalInto(PermissionSet.class);
    }

    /** @throws NotFoundException when there is no permission set with this id */
    public PermissionSet getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /** Every permission set, by ref. */
    public List<PermissionSet> list() {
        return dsl.selectFrom(PERMISSION_SET).orderBy(PERMISSION_SET.REF).fetchInto(PermissionSet.class);
    }

    /**
     * @throws dev.attune.repositories.AlreadyExistsException when the ref is taken
     * @throws dev.attune.repositories.ReferenceViolationException when the pack does not exist
     */
    public PermissionSet create(NewPermissionSet permissionSet) {
        return dsl.insertInto(PERMISSION_SET)
                .set(PERMISSION_SET.REF, permissionSet.ref())
                .set(PERMISSION_SET.PACK, permissionSet.pack())
                .set(PERMISSION_SET.PACK_REF, permissionSet.packRef())
                .set(PERMISSION_SET.LABEL, permissionSet.label())
                .set(PERMISSION_SET.DESCRIPTION, permissionSet.description())
                .set(PERMISSION_SET.GRANTS, permissionSet.grants())
                .returning()
                .fetchSingleInto(PermissionSet.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code label, description, grants}.
     *
     * @throws NotFoundException when there is no permission set with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public PermissionSet update(long id, RowUpdate<PermissionSetRecord> update) {
        return UPDATES.apply(dsl, id, update, PermissionSet.class);
    }

    /**
     * Deletes the permission set and, by cascade, its assignments.
     *
     * @return whether a row was deleted
     */
    public boolean delete(long id) {
        return dsl.deleteFrom(PERMISSION_SET).where(PERMISSION_SET.ID.eq(id)).execute() > 0;
    }
}
