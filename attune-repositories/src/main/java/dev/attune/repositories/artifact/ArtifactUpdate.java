package dev.attune.repositories.artifact;

import static dev.attune.repositories.schema.Tables.ARTIFACT;

import dev.attune.repositories.internal.Changes;
import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.ArtifactRetentionEnum;
import dev.attune.repositories.schema.enums.ArtifactTypeEnum;
import dev.attune.repositories.schema.enums.OwnerTypeEnum;
import dev.attune.repositories.schema.tables.records.ArtifactRecord;

/**
 * The columns of an artifact to change. Start from {@link #create()}; each method returns a new update that also sets
 * one column. A column never mentioned is left as it is. Every column is NOT NULL, so {@code null} is refused.
 */
public final class ArtifactUpdate {

    private final Changes<ArtifactRecord> changes;

    private ArtifactUpdate(Changes<ArtifactRecord> changes) {
        this.changes = changes;
    }

    /** An update that changes nothing yet. */
    public static ArtifactUpdate create() {
        return new ArtifactUpdate(Changes.none());
    }

    public ArtifactUpdate ref(String ref) {
        return new ArtifactUpdate(changes.set(ARTIFACT.REF, Refs.requireValue(ArtifactRepository.ENTITY, "ref", ref)));
    }

    public ArtifactUpdate scope(OwnerTypeEnum scope) {
        return new ArtifactUpdate(changes.set(ARTIFACT.SCOPE,
                Refs.requireValue(ArtifactRepository.ENTITY, "scope", scope)));
    }

    public ArtifactUpdate owner(String owner) {
        return new ArtifactUpdate(changes.set(ARTIFACT.OWNER,
                Refs.requireValue(ArtifactRepository.ENTITY, "owner", owner)));
    }

    public ArtifactUpdate type(ArtifactTypeEnum type) {
        return new ArtifactUpdate(changes.set(ARTIFACT.TYPE, Refs.requireValue(ArtifactRepository.ENTITY, "type", type)));
    }

    public ArtifactUpdate retentionPolicy(ArtifactRetentionEnum retentionPolicy) {
        return new ArtifactUpdate(changes.set(ARTIFACT.RETENTION_POLICY,
                Refs.requireValue(ArtifactRepository.ENTITY, "retention_policy", retentionPolicy)));
    }

    public ArtifactUpdate retentionLimit(int retentionLimit) {
        return new ArtifactUpdate(changes.set(ARTIFACT.RETENTION_LIMIT, retentionLimit));
    }

    Changes<ArtifactRecord> changes() {
        return changes;
    }
}
