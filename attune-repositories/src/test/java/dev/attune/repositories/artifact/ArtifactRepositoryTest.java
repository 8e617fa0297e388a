package dev.attune.repositories.artifact;

import static dev.attune.repositories.schema.Tables.ARTIFACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.Limits;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.enums.ArtifactRetentionEnum;
import dev.attune.repositories.schema.enums.ArtifactTypeEnum;
import dev.attune.repositories.schema.enums.OwnerTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Artifact;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@IsolatedSchemaTest
class ArtifactRepositoryTest {

    private static final OffsetDateTime BASE = OffsetDateTime.parse("2026-01-29T12:00:00Z");

    private static NewArtifact artifact(String ref, OwnerTypeEnum scope, String owner, ArtifactTypeEnum type,
            ArtifactRetentionEnum retention) {
        return new NewArtifact(ref, scope, owner, type, retention, 5);
    }

    @Test
    void createsAnArtifactWithColumnDefaultsAndFindsItByIdAndRef(DSLContext dsl) {
        ArtifactRepository artifacts = new ArtifactRepository(dsl);

        Artifact created = artifacts.create(NewArtifact.of("run.log", ArtifactTypeEnum.file_text));

        assertThat(created.id()).isPositive();
        assertThat(created.ref()).isEqualTo("run.log");
        assertThat(created.scope()).isEqualTo(OwnerTypeEnum.system);
        assertThat(created.owner()).isEmpty();
        assertThat(created.type()).isEqualTo(ArtifactTypeEnum.file_text);
        assertThat(created.retentionPolicy()).isEqualTo(ArtifactRetentionEnum.versions);
        assertThat(created.retentionLimit()).isEqualTo(1);
        assertThat(artifacts.findById(created.id())).contains(created);
        assertThat(artifacts.getById(created.id())).isEqualTo(created);
        assertThat(artifacts.findByRef("run.log")).contains(created);
        assertThat(artifacts.getByRef("run.log")).isEqualTo(created);
    }

    @Test
    void createsAnArtifactWithEveryFieldGiven(DSLContext dsl) {
        Artifact created = new ArtifactRepository(dsl).create(new NewArtifact("Report Q1", OwnerTypeEnum.action,
                "core.report", ArtifactTypeEnum.file_datatable, ArtifactRetentionEnum.days, 30));

        assertThat(created.ref()).isEqualTo("Report Q1");
        assertThat(created.scope()).isEqualTo(OwnerTypeEnum.action);
        assertThat(created.owner()).isEqualTo("core.report");
        assertThat(created.type()).isEqualTo(ArtifactTypeEnum.file_datatable);
        assertThat(created.retentionPolicy()).isEqualTo(ArtifactRetentionEnum.days);
        assertThat(created.retentionLimit()).isEqualTo(30);
    }

    @Test
    void refAndTypeAreRequired() {
        assertThatThrownBy(() -> NewArtifact.of(null, ArtifactTypeEnum.url))
                .isInstanceOf(ValidationException.class).hasMessageContaining("artifact.ref");
        assertThatThrownBy(() -> NewArtifact.of("x", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("artifact.type");
    }

    @Test
    void refsAreNotUniqueAndFindByRefReturnsTheFirstCreated(DSLContext dsl) {
        ArtifactRepository artifacts = new ArtifactRepository(dsl);
        Artifact first = artifacts.create(NewArtifact.of("out", ArtifactTypeEnum.file_text));
        Artifact second = artifacts.create(NewArtifact.of("out", ArtifactTypeEnum.file_binary));
        setCreated(dsl, first.id(), BASE);
        setCreated(dsl, second.id(), BASE.plusMinutes(1));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(artifacts.findByRef("out")).map(Artifact::id).contains(first.id());
        assertThat(artifacts.getByRef("out").id()).isEqualTo(first.id());
    }

    @Test
    void aMissingArtifactIsNotFoundByIdOrRef(DSLContext dsl) {
        ArtifactRepository artifacts = new ArtifactRepository(dsl);

        assertThat(artifacts.findById(42)).isEmpty();
        assertThat(artifacts.findByRef("nope")).isEmpty();
        assertThatThrownBy(() -> artifacts.getById(42))
                .isInstanceOf(NotFoundException.class).hasMessage("artifact with id = 42 not found");
        assertThatThrownBy(() -> artifacts.getByRef("nope"))
                .isInstanceOf(NotFoundException.class).hasMessage("artifact with ref = nope not found");
    }

    @Test
    void listsAndFindsByScopeOwnerTypeAndRetentionNewestFirst(DSLContext dsl) {
        ArtifactRepository artifacts = new ArtifactRepository(dsl);
        long actionOld = artifacts.create(artifact("a1", OwnerTypeEnum.action, "core.echo", ArtifactTypeEnum.file_text,
                ArtifactRetentionEnum.versions)).id();
        long actionNew = artifacts.create(artifact("a2", OwnerTypeEnum.action, "core.echo", ArtifactTypeEnum.url,
                ArtifactRetentionEnum.days)).id();
        long packSameOwner = artifacts.create(artifact("p1", OwnerTypeEnum.pack, "core.echo",
                ArtifactTypeEnum.file_text, ArtifactRetentionEnum.days)).id();
        long system = artifacts.create(artifact("s1", OwnerTypeEnum.system, "", ArtifactTypeEnum.progress,
                ArtifactRetentionEnum.hours)).id();
        setCreated(dsl, actionNew, BASE.plusMinutes(3));
        setCreated(dsl, system, BASE.plusMinutes(2));
        setCreated(dsl, packSameOwner, BASE.plusMinutes(1));
        setCreated(dsl, actionOld, BASE);

        assertThat(artifacts.list()).extracting(Artifact::id).containsExactly(actionNew, system, packSameOwner, actionOld);
        assertThat(artifacts.findByScope(OwnerTypeEnum.action)).extracting(Artifact::id)
                .containsExactly(actionNew, actionOld);
        assertThat(artifacts.findByScope(OwnerTypeEnum.sensor)).isEmpty();
        assertThat(artifacts.findByOwner("core.echo")).extracting(Artifact::id)
                .containsExactly(actionNew, packSameOwner, actionOld);
        assertThat(artifacts.findByType(ArtifactTypeEnum.file_text)).extracting(Artifact::id)
                .containsExactly(packSameOwner, actionOld);
        assertThat(artifacts.findByScopeAndOwner(OwnerTypeEnum.action, "core.echo")).extracting(Artifact::id)
                .containsExactly(actionNew, actionOld);
        assertThat(artifacts.findByScopeAndOwner(OwnerTypeEnum.pack, "core.other")).isEmpty();
        assertThat(artifacts.findByRetentionPolicy(ArtifactRetentionEnum.days)).extracting(Artifact::id)
                .containsExactly(actionNew, packSameOwner);
        assertThat(artifacts.findByRetentionPolicy(ArtifactRetentionEnum.minutes)).isEmpty();
    }

    @Test
    void theListIsCappedAtAThousandRowsButTheFiltersAreNot(DSLContext dsl) {
        dsl.insertInto(ARTIFACT, ARTIFACT.REF, ARTIFACT.TYPE)
                .select(DSL.select(DSL.val("bulk"), DSL.val(ArtifactTypeEnum.url))
                        .from(DSL.generateSeries(1, Limits.LIST_LIMIT + 1)))
                .execute();
        ArtifactRepository artifacts = new ArtifactRepository(dsl);

        assertThat(artifacts.list()).hasSize(1000);
        assertThat(artifacts.findByType(ArtifactTypeEnum.url)).hasSize(1001);
        assertThat(artifacts.findByScope(OwnerTypeEnum.system)).hasSize(1001);
    }

    @Test
    void updatesAllSixColumnsAndRefusesNull(DSLContext dsl) {
        ArtifactRepository artifacts = new ArtifactRepository(dsl);
        Artifact created = artifacts.create(NewArtifact.of("run.log", ArtifactTypeEnum.file_text));

        Artifact updated = artifacts.update(created.id(), RowUpdate.of(ARTIFACT)
                .set(ARTIFACT.REF, "run.log.1").set(ARTIFACT.SCOPE, OwnerTypeEnum.identity).set(ARTIFACT.OWNER, "7").set(ARTIFACT.TYPE, ArtifactTypeEnum.file_image)
                .set(ARTIFACT.RETENTION_POLICY, ArtifactRetentionEnum.minutes).set(ARTIFACT.RETENTION_LIMIT, 90));

        assertThat(updated).isEqualTo(new Artifact(created.id(), "run.log.1", OwnerTypeEnum.identity, "7",
                ArtifactTypeEnum.file_image, ArtifactRetentionEnum.minutes, 90, created.created(), updated.updated()));
        assertThat(updated.updated()).isAfterOrEqualTo(created.updated());
        assertThat(artifacts.update(created.id(), RowUpdate.of(ARTIFACT).set(ARTIFACT.RETENTION_LIMIT, 3)).ref())
                .isEqualTo("run.log.1");
        assertThat(artifacts.update(created.id(), RowUpdate.of(ARTIFACT)).retentionLimit()).isEqualTo(3);

        assertThatThrownBy(() -> RowUpdate.of(ARTIFACT).set(ARTIFACT.REF, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("artifact.ref");
        assertThatThrownBy(() -> RowUpdate.of(ARTIFACT).set(ARTIFACT.SCOPE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("artifact.scope");
        assertThatThrownBy(() -> RowUpdate.of(ARTIFACT).set(ARTIFACT.OWNER, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("artifact.owner");
        assertThatThrownBy(() -> RowUpdate.of(ARTIFACT).set(ARTIFACT.TYPE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("artifact.type");
        assertThatThrownBy(() -> RowUpdate.of(ARTIFACT).set(ARTIFACT.RETENTION_POLICY, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("artifact.retention_policy");
    }

    @Test
    void updatingOrDeletingAMissingArtifact(DSLContext dsl) {
        ArtifactRepository artifacts = new ArtifactRepository(dsl);

        assertThatThrownBy(() -> artifacts.update(7, RowUpdate.of(ARTIFACT).set(ARTIFACT.OWNER, "x")))
                .isInstanceOf(NotFoundException.class).hasMessage("artifact with id = 7 not found");
        assertThatThrownBy(() -> artifacts.update(7, RowUpdate.of(ARTIFACT)))
                .isInstanceOf(NotFoundException.class);
        assertThat(artifacts.delete(7)).isFalse();
    }

    @Test
    void deletesAnArtifact(DSLContext dsl) {
        ArtifactRepository artifacts = new ArtifactRepository(dsl);
        Artifact created = artifacts.create(NewArtifact.of("run.log", ArtifactTypeEnum.file_text));

        assertThat(artifacts.delete(created.id())).isTrue();
        assertThat(artifacts.findById(created.id())).isEmpty();
    }

    private static void setCreated(DSLContext dsl, long id, OffsetDateTime created) {
        dsl.update(ARTIFACT).set(ARTIFACT.CREATED, created).where(ARTIFACT.ID.eq(id)).execute();
    }
}
