package dev.attune.repositories.identity;

import static dev.attune.repositories.schema.Tables.PERMISSION_ASSIGNMENT;

import dev.attune.repositories.TableRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.tables.pojos.PermissionAssignment;
import dev.attune.repositories.schema.tables.records.PermissionAssignmentRecord;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Permission assignments: which identity holds which permission set. Assignments are created and deleted, never
 * updated. Lists are newest first ({@code created} DESC, then id DESC, like the other created-ordered lists), with no
 * limit: assignments made in one transaction share {@code created} and come latest-made first.
 *
 * <p>{@link #create} assigns a permission set to an identity; it refuses a missing identity or permission set, and an
 * identity that already holds the set (field {@code identity, permset}; Attune surfaced a raw database error here).
 *
 * <p>Construct with the {@link DSLContext} to work in — inside
 * {@code dsl.transaction(cfg -> new PermissionAssignmentRepository(cfg.dsl()))} every call joins the caller's
 * transaction.
 */
public final class PermissionAssignmentRepository
        extends TableRepository<PermissionAssignmentRecord, PermissionAssignment, NewPermissionAssignment> {

    private static final EntityTable<PermissionAssignmentRecord, PermissionAssignment> TABLE = EntityTable.of(PERMISSION_ASSIGNMENT.ID,
                    PermissionAssignment.class)
            .newestFirst(PERMISSION_ASSIGNMENT.CREATED);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public PermissionAssignmentRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }

    /**
     * The assignments of one identity. (Attune left this unordered; an order is fixed here so that callers see a
     * stable result. Index {@code idx_permission_assignment_identity_created} serves it.)
     *
     * @param identityId the identity's id
     * @return its assignments, newest first, then by id descending
     */
    public List<PermissionAssignment> findByIdentity(long identityId) {
        return where(PERMISSION_ASSIGNMENT.IDENTITY.eq(identityId));
    }

}
