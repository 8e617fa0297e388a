package dev.attune.repositories.artifact;

import dev.attune.repositories.internal.Refs;
import dev.attune.repositories.schema.enums.ArtifactRetentionEnum;
import dev.attune.repositories.schema.enums.ArtifactTypeEnum;
import dev.attune.repositories.schema.enums.OwnerTypeEnum;

/**
 * An artifact (file, log, output) to create. {@code null} for an optional component means the column default: the
 * repository leaves the column out of the INSERT, so the defaults live in the schema only.
 *
 * @param ref             required; neither unique nor format-checked (several versions may share a ref)
 * @param scope           kind of owner; default {@code system}
 * @param owner           the owner's identifier; default empty string
 * @param type            required
 * @param retentionPolicy unit of {@code retentionLimit}; default {@code versions}
 * @param retentionLimit  how many versions/days/hours/minutes to keep; default 1
 */
public record NewArtifact(
        String ref,
        OwnerTypeEnum scope,
        String owner,
        ArtifactTypeEnum type,
        ArtifactRetentionEnum retentionPolicy,
        Integer retentionLimit) {

    /**
     * Checks the components as described above, before any SQL runs; optional collections and JSON left null get
     * their documented defaults.
     *
     * @param ref             required; neither unique nor format-checked (several versions may share a ref)
     * @param scope           kind of owner; default {@code system}
     * @param owner           the owner's identifier; default empty string
     * @param type            required
     * @param retentionPolicy unit of {@code retentionLimit}; default {@code versions}
     * @param retentionLimit  how many versions/days/hours/minutes to keep; default 1
     * @throws dev.attune.repositories.ValidationException when a component breaks its rule
     */
    public NewArtifact {
        Refs.requireValue(ArtifactRepository.ENTITY, "ref", ref);
        Refs.requireValue(ArtifactRepository.ENTITY, "type", type);
    }

    /**
     * A system-scoped artifact keeping one version.
     *
     * @param ref  required; neither unique nor format-checked (several versions may share a ref)
     * @param type required
     * @return the artifact to create
     */
    public static NewArtifact of(String ref, ArtifactTypeEnum type) {
        return new NewArtifact(ref, null, null, type, null, null);
    }
}
