package dev.attune.repositories.artifact;

import static dev.attune.repositories.schema.Tables.ARTIFACT;

import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.internal.Inserts;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.internal.RepositoryContexts;
import dev.attune.repositories.internal.Updates;
import dev.attune.repositories.schema.enums.ArtifactRetentionEnum;
import dev.attune.repositories.schema.enums.ArtifactTypeEnum;
import dev.attune.repositories.schema.enums.OwnerTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Artifact;
import dev.attune.repositories.schema.tables.records.ArtifactRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;

/**
 * Artifacts: files, logs and outputs produced by executions. A high-volume table: every list is newest first
 * ({@code created} DESC, then id DESC); {@link #list()} is capped at {@value Limits#LIST_LIMIT} rows, the filtered lists are
 * not.
 *
 * <p>Construct with the {@link DSLContext} to work in — inside
 * {@code dsl.transaction(cfg -> new ArtifactRepository(cfg.dsl()))} every call joins the caller's transaction.
 */
public final class ArtifactRepository {

    static final String ENTITY = "artifact";

    private static final Updates<ArtifactRecord> UPDATES = Updates.of(ENTITY, ARTIFACT.ID,
            ARTIFACT.REF, ARTIFACT.SCOPE, ARTIFACT.OWNER, ARTIFACT.TYPE, ARTIFACT.RETENTION_POLICY, ARTIFACT.RETENTION_LIMIT);

    private final DSLContext dsl;

    /**
     * A repository working in {@code dsl}'s connection or transaction (pass {@code cfg.dsl()} inside
     * {@code dsl.transaction(...)}); database errors become this library's exceptions.
     */
    public ArtifactRepository(DSLContext dsl) {
        this.dsl = RepositoryContexts.of(dsl, ENTITY);
    }

    /** The artifact with this id; empty when there is none. */
    public Optional<Artifact> findById(long id) {
        return dsl.selectFrom(ARTIFACT).where(ARTIFACT.ID.eq(id)).fetchOptionalInto(Artifact.class);
    }

    /** @throws NotFoundException when there is no artifact with this id */
    public Artifact getById(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException(ENTITY, "id", id));
    }

    /**
     * The first artifact with this ref. The ref is not unique; "first" is the one with the lowest id (the earliest
     * created), so the answer is stable. Use {@link #findByScopeAndOwner} or the other finders to see every version.
     */
    public Optional<Artifact> findByRef(String ref) {
        Refs.requireValue(ENTITY, "ref", ref);
        return dsl.selectFrom(ARTIFACT).where(ARTIFACT.REF.eq(ref)).orderBy(ARTIFACT.ID).limit(1)
                .fetchOptionalInto(Artifact.class);
    }

    /**
     * The first artifact with this ref, as {@link #findByRef(String)} chooses it.
     *
     * @throws NotFoundException when there is no artifact with this ref
     */
    public Artifact getByRef(String ref) {
        return findByRef(ref).orElseThrow(() -> new NotFoundException(ENTITY, "ref", ref));
    }

    /** The newest {@value Limits#LIST_LIMIT} artifacts, newest first. */
    public List<Artifact> list() {
        return dsl.selectFrom(ARTIFACT).orderBy(ARTIFACT.CREATED.desc(), ARTIFACT.ID.desc()).limit(Limits.LIST_LIMIT)
                .fetchInto(Artifact.class);
    }

    /** Every artifact of this kind of owner, newest first. */
    public List<Artifact> findByScope(OwnerTypeEnum scope) {
        Refs.requireValue(ENTITY, "scope", scope);
        return dsl.selectFrom(ARTIFACT).where(ARTIFACT.SCOPE.eq(scope))
                .orderBy(ARTIFACT.CREATED.desc(), ARTIFACT.ID.desc())
                .fetchInto(Artifact.class);
    }

    /** Every artifact of this owner identifier (whatever the scope), newest first. */
    public List<Artifact> findByOwner(String owner) {
        Refs.requireValue(ENTITY, "owner", owner);
        return dsl.selectFrom(ARTIFACT).where(ARTIFACT.OWNER.eq(owner))
                .orderBy(ARTIFACT.CREATED.desc(), ARTIFACT.ID.desc())
                .fetchInto(Artifact.class);
    }

    /** Every artifact of this type, newest first. */
    public List<Artifact> findByType(ArtifactTypeEnum type) {
        Refs.requireValue(ENTITY, "type", type);
        return dsl.selectFrom(ARTIFACT).where(ARTIFACT.TYPE.eq(type))
                .orderBy(ARTIFACT.CREATED.desc(), ARTIFACT.ID.desc())
                .fetchInto(Artifact.class);
    }

    /** Every artifact of this owner within this scope, newest first. */
    public List<Artifact> findByScopeAndOwner(OwnerTypeEnum scope, String owner) {
        Refs.requireValue(ENTITY, "scope", scope);
        Refs.requireValue(ENTITY, "owner", owner);
        return dsl.selectFrom(ARTIFACT).where(ARTIFACT.SCOPE.eq(scope)).and(ARTIFACT.OWNER.eq(owner))
                .orderBy(ARTIFACT.CREATED.desc(), ARTIFACT.ID.desc())
                .fetchInto(Artifact.class);
    }

    /** Every artifact with this retention policy, newest first. */
    public List<Artifact> findByRetentionPolicy(ArtifactRetentionEnum retentionPolicy) {
        Refs.requireValue(ENTITY, "retention_policy", retentionPolicy);
        return dsl.selectFrom(ARTIFACT).where(ARTIFACT.RETENTION_POLICY.eq(retentionPolicy))
                .orderBy(ARTIFACT.CREATED.desc(), ARTIFACT.ID.desc())
                .fetchInto(Artifact.class);
    }

    /**
     * Inserts the artifact. A {@code null} scope, owner, retention policy or limit is not bound, so the column default
     * applies ({@code system}, {@code ''}, {@code versions}, 1).
     */
    public Artifact create(NewArtifact artifact) {
        InsertSetMoreStep<ArtifactRecord> insert = dsl.insertInto(ARTIFACT)
                .set(ARTIFACT.REF, artifact.ref())
                .set(ARTIFACT.TYPE, artifact.type());
        insert = Inserts.setIfNotNull(insert, ARTIFACT.SCOPE, artifact.scope());
        insert = Inserts.setIfNotNull(insert, ARTIFACT.OWNER, artifact.owner());
        insert = Inserts.setIfNotNull(insert, ARTIFACT.RETENTION_POLICY, artifact.retentionPolicy());
        insert = Inserts.setIfNotNull(insert, ARTIFACT.RETENTION_LIMIT, artifact.retentionLimit());
        return insert.returning().fetchSingleInto(Artifact.class);
    }

    /**
     * Changes the columns {@code update} sets and returns the row: a column not set is left unchanged, one set
     * to {@code null} becomes NULL; with no column set, returns the current row.
     * Updatable: {@code ref, scope, owner, type, retention_policy, retention_limit}.
     *
     * @throws NotFoundException when there is no artifact with this id
     * @throws dev.attune.repositories.ValidationException when {@code update} is null, sets another column or breaks a
     *                                                     column rule
     */
    public Artifact update(long id, RowUpdate<ArtifactRecord> update) {
        return UPDATES.apply(dsl, id, update, Artifact.class);
    }

    /** @return whether a row was deleted */
    public boolean delete(long id) {
        return dsl.deleteFrom(ARTIFACT).where(ARTIFACT.ID.eq(id)).execute() > 0;
    }
}
