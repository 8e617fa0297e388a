package dev.attune.repositories.identity;

import static dev.attune.repositories.schema.Tables.PERMISSION_ASSIGNMENT;

import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.schema.tables.pojos.PermissionAssignment;
import dev.attune.repositories.internal.RepositoryContexts;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Permission assignments: which identity holds which permission set. Assignments are created and deleted, never
 * updated. Lists are newest first ({@code created} DESC, then id DESC, like
 * the other created-ordered lists): assignments made in one transaction share {@code created} and come latest-made
 * first.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside
 * {@code dsl.transaction(cfg -> new PermissionAssignmentRepository(cfg.dsl()))} every call joins the caller's
 * transaction.
 */
public final class PermissionAssignmentRepository {

    static final String ENTITY = "permission_assignment";

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public PermissionAssignmentRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The permission assignment with this id; empty when there is none. */
    public Optional<PermissionAssignment> findById(long id) {
        return dsl.selectFrom(PERMISSION_ASSIGNMENT).where(PERMISSION_ASSIGNMENT.ID.eq(id))
                .fetchOptionalInto(PermissionAssignment.class);
    }

    /** @throws NotFoundException when there is no permission assignment with this id */
    public PermissionAssignment getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /** Every assignment, newest first, then by id descending (no limit). */
    public List<PermissionAssignment> list() {
        return dsl.selectFrom(PERMISSION_ASSIGNMENT)
                .orderBy(PERMISSION_ASSIGNMENT.CREATED.desc(), PERMISSION_ASSIGNMENT.ID.desc())
                .fetchInto(PermissionAssignment.class);
    }

    /**
     * The assignments of one identity, newest first, then by id descending. (Attune left this unordered; an order is
     * fixed here so that callers see a stable result. Index {@code idx_permission_assignment_identity_created} serves
     * it.)
     */
    public List<PermissionAssignment> findByIdentity(long identityId) {
        return dsl.selectFrom(PERMISSION_ASSIGNMENT).where(PERMISSION_ASSIGNMENT.IDENTITY.eq(identityId))
                .orderBy(PERMISSION_ASSIGNMENT.CREATED.desc(), PERMISSION_ASSIGNMENT.ID.desc())
                .fetchInto(PermissionAssignment.class);
    }

    /**
     * @throws dev.attune.repositories.AlreadyExistsException when the identity already holds the permission set (field
     *                                                         {@code identity, permset}; Attune surfaced a raw
     *                                                         database error here)
     * @throws dev.attune.repositories.ReferenceViolationException when the identity or permission set does not exist
     */
    public PermissionAssignment create(NewPermissionAssignment assignment) {
        return dsl.insertInto(PERMISSION_ASSIGNMENT)
                .set(PERMISSION_ASSIGNMENT.IDENTITY, assignment.identity())
                .set(PERMISSION_ASSIGNMENT.PERMSET, assignment.permset())
                .returning()
                .fetchSingleInto(PermissionAssignment.class);
    }

    /** @return whether a row was deleted */
    public boolean delete(long id) {
        return dsl.deleteFrom(PERMISSION_ASSIGNMENT).where(PERMISSION_ASSIGNMENT.ID.eq(id)).execute() > 0;
    }
}
