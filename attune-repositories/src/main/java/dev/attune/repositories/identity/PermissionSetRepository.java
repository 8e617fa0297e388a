package dev.attune.repositories.identity;

import static dev.attune.repositories.schema.Tables.PERMISSION_SET;

import dev.attune.repositories.PackContentRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.tables.pojos.PermissionSet;
import dev.attune.repositories.schema.tables.records.PermissionSetRecord;
import org.jooq.DSLContext;

/**
 * Permission sets: named groups of grants (role-like). Lists are ordered by ref.
 *
 * <p>{@link #update} may change {@code label, description, grants}. {@link #delete} also deletes, by cascade, the
 * set's assignments.
 *
 * <p>{@link #create} refuses a taken ref and a missing pack.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside
 * {@code dsl.transaction(cfg -> new PermissionSetRepository(cfg.dsl()))} every call joins the caller's transaction.
 */
public final class PermissionSetRepository
        extends PackContentRepository<PermissionSetRecord, PermissionSet, NewPermissionSet> {

    private static final EntityTable<PermissionSetRecord, PermissionSet> TABLE = EntityTable.of(PERMISSION_SET.ID,
                    PermissionSet.class)
            .orderedBy(PERMISSION_SET.REF)
            .updatable(PERMISSION_SET.LABEL, PERMISSION_SET.DESCRIPTION, PERMISSION_SET.GRANTS);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public PermissionSetRepository(DSLContext dsl) {
        super(dsl, TABLE, PERMISSION_SET.REF, PERMISSION_SET.PACK);
    }

}
