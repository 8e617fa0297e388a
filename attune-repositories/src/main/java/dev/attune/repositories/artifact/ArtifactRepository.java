package dev.attune.repositories.artifact;

import static dev.attune.repositories.schema.Tables.ARTIFACT;

import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.UpdatableTableRepository;
import dev.attune.repositories.EntityTable;
import dev.attune.repositories.schema.enums.ArtifactRetentionEnum;
import dev.attune.repositories.schema.enums.ArtifactTypeEnum;
import dev.attune.repositories.schema.enums.OwnerTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Artifact;
import dev.attune.repositories.schema.tables.records.ArtifactRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Artifacts: files, logs and outputs produced by executions. A high-volume table: every list is newest first
 * ({@code created} DESC, then id DESC); {@link #list()} is capped at {@value Limits#LIST_LIMIT} rows, the filtered lists are
 * not.
 *
 * <p>{@link #update} may change {@code ref, scope, owner, type, retention_policy, retention_limit}.
 *
 * <p>{@link #create} leaves a {@code null} scope, owner, retention policy or limit to the column default ({@code
 * system}, {@code ''}, {@code versions}, 1).
 *
 * <p>Construct with the {@link DSLContext} to work in — inside
 * {@code dsl.transaction(cfg -> new ArtifactRepository(cfg.dsl()))} every call joins the caller's transaction.
 */
public final class ArtifactRepository extends UpdatableTableRepository<ArtifactRecord, Artifact, NewArtifact> {

    /** The name errors carry: the table's. */
    static final String ENTITY = ARTIFACT.getName();

    private static final EntityTable<ArtifactRecord, Artifact> TABLE = EntityTable.of(ARTIFACT.ID, Artifact.class)
            .highVolume(ARTIFACT.CREATED)
            .updatable(ARTIFACT.REF, ARTIFACT.SCOPE, ARTIFACT.OWNER, ARTIFACT.TYPE, ARTIFACT.RETENTION_POLICY,
                    ARTIFACT.RETENTION_LIMIT);

    /**
     * A repository working in {@code dsl}'s connection or transaction; database errors become this library's
     * exceptions.
     *
     * @param dsl the context to work in (pass {@code cfg.dsl()} inside {@code dsl.transaction(...)})
     */
    public ArtifactRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }

    /**
     * The first artifact with this ref. The ref is not unique; "first" is the one with the lowest id (the earliest
     * created), so the answer is stable. Use {@link #findByScopeAndOwner} or the other finders to see every version.
     *
     * @param ref the artifact's ref
     * @return the artifact; empty when there is none
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Optional<Artifact> findByRef(String ref) {
        require("ref", ref);
        return dsl().selectFrom(ARTIFACT).where(ARTIFACT.REF.eq(ref)).orderBy(ARTIFACT.ID).limit(1)
                .fetchOptionalInto(Artifact.class);
    }

    /**
     * The first artifact with this ref, as {@link #findByRef(String)} chooses it.
     *
     * @param ref the artifact's ref
     * @return the artifact
     * @throws NotFoundException                           when there is no artifact with this ref
     * @throws dev.attune.repositories.ValidationException when {@code ref} is null
     */
    public Artifact getByRef(String ref) {
        return findByRef(ref).orElseThrow(() -> new NotFoundException(ENTITY, "ref", ref));
    }

    /**
     * Every artifact of this kind of owner.
     *
     * @param scope the kind of owner
     * @return the artifacts, newest first
     * @throws dev.attune.repositories.ValidationException when {@code scope} is null
     */
    public List<Artifact> findByScope(OwnerTypeEnum scope) {
        return where(ARTIFACT.SCOPE.eq(require("scope", scope)));
    }

    /**
     * Every artifact of this owner identifier, whatever the scope.
     *
     * @param owner the owner identifier
     * @return the artifacts, newest first
     * @throws dev.attune.repositories.ValidationException when {@code owner} is null
     */
    public List<Artifact> findByOwner(String owner) {
        return where(ARTIFACT.OWNER.eq(require("owner", owner)));
    }

    /**
     * Every artifact of this type.
     *
     * @param type the artifact type
     * @return the artifacts, newest first
     * @throws dev.attune.repositories.ValidationException when {@code type} is null
     */
    public List<Artifact> findByType(ArtifactTypeEnum type) {
        return where(ARTIFACT.TYPE.eq(require("type", type)));
    }

    /**
     * Every artifact of this owner within this scope.
     *
     * @param scope the kind of owner
     * @param owner the owner identifier
     * @return the artifacts, newest first
     * @throws dev.attune.repositories.ValidationException when {@code scope} or {@code owner} is null
     */
    public List<Artifact> findByScopeAndOwner(OwnerTypeEnum scope, String owner) {
        return where(ARTIFACT.SCOPE.eq(require("scope", scope)).and(ARTIFACT.OWNER.eq(require("owner", owner))));
    }

    /**
     * Every artifact with this retention policy.
     *
     * @param retentionPolicy the retention policy
     * @return the artifacts, newest first
     * @throws dev.attune.repositories.ValidationException when {@code retentionPolicy} is null
     */
    public List<Artifact> findByRetentionPolicy(ArtifactRetentionEnum retentionPolicy) {
        return where(ARTIFACT.RETENTION_POLICY.eq(require("retention_policy", retentionPolicy)));
    }

}
