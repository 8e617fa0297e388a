package dev.attune.repositories.pack;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.IDENTITY;
import static dev.attune.repositories.schema.Tables.PACK;
import static dev.attune.repositories.schema.Tables.PACK_INSTALLATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.tables.pojos.PackInstallation;
import dev.attune.repositories.schema.tables.records.IdentityRecord;
import dev.attune.repositories.schema.tables.records.PackRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

@IsolatedSchemaTest
class PackInstallationRepositoryTest {

    private static final String SHA = "a".repeat(64);

    private static NewPackInstallation git(PackRecord pack) {
        return NewPackInstallation.of(pack.getId(), "git", "/opt/attune/packs/" + pack.getRef());
    }

    @Test
    void createsAnInstallationWithDefaultsAndFindsItByIdAndByPack(DSLContext dsl) {
        PackInstallationRepository installations = new PackInstallationRepository(dsl);
        PackRecord pack = new Fixtures(dsl).pack("core");

        PackInstallation created = installations.create(git(pack));

        assertThat(created.id()).isPositive();
        assertThat(created.packId()).isEqualTo(pack.getId());
        assertThat(created.sourceType()).isEqualTo("git");
        assertThat(created.installationMethod()).isEqualTo("manual");
        assertThat(created.checksumVerified()).isFalse();
        assertThat(created.meta()).isEqualTo(JsonNodeFactory.instance.objectNode());
        assertThat(created.installedAt()).isNotNull();
        assertThat(created.storagePath()).isEqualTo("/opt/attune/packs/core");
        assertThat(installations.findById(created.id())).contains(created);
        assertThat(installations.findByPackId(pack.getId())).contains(created);
        assertThat(installations.existsForPack(pack.getId())).isTrue();
    }

    @Test
    void storesEveryGivenField(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord pack = fixtures.pack("core");
        IdentityRecord admin = fixtures.identity("admin");

        PackInstallation created = new PackInstallationRepository(dsl).create(new NewPackInstallation(pack.getId(),
                "registry", "https://registry.example/core", "1.2.3", SHA, true, admin.getId(), "cli",
                "/srv/packs/core", json("{\"warnings\":[\"slow\"]}")));

        assertThat(created.sourceUrl()).isEqualTo("https://registry.example/core");
        assertThat(created.sourceRef()).isEqualTo("1.2.3");
        assertThat(created.checksum()).isEqualTo(SHA);
        assertThat(created.checksumVerified()).isTrue();
        assertThat(created.installedBy()).isEqualTo(admin.getId());
        assertThat(created.installationMethod()).isEqualTo("cli");
        assertThat(created.meta()).isEqualTo(json("{\"warnings\":[\"slow\"]}"));
    }

    @Test
    void aMissingRecordIsEmptyAndAPackWithoutOneHasNone(DSLContext dsl) {
        PackInstallationRepository installations = new PackInstallationRepository(dsl);
        PackRecord pack = new Fixtures(dsl).pack("core");

        assertThat(installations.findById(42)).isEmpty();
        assertThat(installations.findByPackId(pack.getId())).isEmpty();
        assertThat(installations.existsForPack(pack.getId())).isFalse();
    }

    @Test
    void aSecondInstallationOfTheSamePackIsAlreadyExists(DSLContext dsl) {
        PackInstallationRepository installations = new PackInstallationRepository(dsl);
        PackRecord pack = new Fixtures(dsl).pack("core");
        installations.create(git(pack));

        assertThatThrownBy(() -> installations.create(NewPackInstallation.of(pack.getId(), "archive", "/tmp/core")))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack_installation");
                    assertThat(e.field()).isEqualTo("pack_id");
                    assertThat(e.value()).isEqualTo(String.valueOf(pack.getId()));
                });
    }

    @Test
    void aMissingPackOrIdentityIsAReferenceViolation(DSLContext dsl) {
        PackInstallationRepository installations = new PackInstallationRepository(dsl);
        PackRecord pack = new Fixtures(dsl).pack("core");

        assertThatThrownBy(() -> installations.create(NewPackInstallation.of(999, "git", "/x")))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("pack"));
        assertThatThrownBy(() -> installations.create(new NewPackInstallation(pack.getId(), "git", null, null, null,
                false, 999L, null, "/x", null)))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("identity"));
    }

    @Test
    void sourceTypeAndInstallationMethodAreCheckedAgainstTheAllowedValuesBeforeAnySqlRuns() {
        assertThatThrownBy(() -> NewPackInstallation.of(1, "svn", "/x"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("pack_installation.source_type = 'svn' is invalid: must be one of git, archive,"
                        + " local_directory, local_archive, registry");
        assertThatThrownBy(() -> NewPackInstallation.of(1, null, "/x"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("source_type");
        assertThatThrownBy(() -> new NewPackInstallation(1, "git", null, null, null, false, null, "ftp", "/x", null))
                .isInstanceOf(ValidationException.class)
                .hasMessage("pack_installation.installation_method = 'ftp' is invalid: must be one of manual, api,"
                        + " cli, auto");
        assertThatThrownBy(() -> NewPackInstallation.of(1, "git", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("storage_path");
        assertThatThrownBy(() -> new NewPackInstallation(1, "git", null, null, SHA + "0", false, null, null, "/x",
                null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("checksum");
    }

    @Test
    void listsTheMostRecentlyInstalledFirstAndFiltersBySourceType(DSLContext dsl) {
        PackInstallationRepository installations = new PackInstallationRepository(dsl);
        Fixtures fixtures = new Fixtures(dsl);
        PackInstallation old = installations.create(git(fixtures.pack("old")));
        PackInstallation newest = installations.create(NewPackInstallation.of(fixtures.pack("newest").getId(),
                "local_directory", "/src/newest"));
        PackInstallation middle = installations.create(git(fixtures.pack("middle")));
        OffsetDateTime base = OffsetDateTime.of(2026, 1, 20, 12, 0, 0, 0, ZoneOffset.UTC);
        setInstalledAt(dsl, old, base.minusDays(2));
        setInstalledAt(dsl, middle, base.minusDays(1));
        setInstalledAt(dsl, newest, base);

        assertThat(installations.list()).extracting(PackInstallation::id)
                .containsExactly(newest.id(), middle.id(), old.id());
        assertThat(installations.listBySourceType("git")).extracting(PackInstallation::id)
                .containsExactly(middle.id(), old.id());
        assertThat(installations.listBySourceType("registry")).isEmpty();
        assertThatThrownBy(() -> installations.listBySourceType("Git"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("must be one of");
    }

    @Test
    void updatesTheChecksumAndCanClearIt(DSLContext dsl) {
        PackInstallationRepository installations = new PackInstallationRepository(dsl);
        PackInstallation created = installations.create(git(new Fixtures(dsl).pack("core")));

        PackInstallation verified = installations.updateChecksum(created.id(), SHA, true);
        assertThat(verified.checksum()).isEqualTo(SHA);
        assertThat(verified.checksumVerified()).isTrue();
        assertThat(verified.updated()).isAfterOrEqualTo(created.updated());
        assertThat(verified.storagePath()).isEqualTo(created.storagePath());

        PackInstallation cleared = installations.updateChecksum(created.id(), null, false);
        assertThat(cleared.checksum()).isNull();
        assertThat(cleared.checksumVerified()).isFalse();
        assertThat(installations.findById(created.id())).contains(cleared);
    }

    @Test
    void updatingTheChecksumOfAMissingRecordOrWithATooLongValueFails(DSLContext dsl) {
        PackInstallationRepository installations = new PackInstallationRepository(dsl);

        assertThatThrownBy(() -> installations.updateChecksum(7, SHA, true))
                .isInstanceOf(NotFoundException.class).hasMessage("pack_installation with id = 7 not found");
        assertThatThrownBy(() -> installations.updateChecksum(7, SHA + "f", true))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 64");
    }

    @Test
    void replacesTheMetadataWhole(DSLContext dsl) {
        PackInstallationRepository installations = new PackInstallationRepository(dsl);
        PackInstallation created = installations.create(new NewPackInstallation(new Fixtures(dsl).pack("core").getId(),
                "git", null, null, null, false, null, "api", "/x", json("{\"a\":1,\"b\":2}")));

        PackInstallation updated = installations.updateMeta(created.id(), json("{\"c\":3}"));

        assertThat(updated.meta()).isEqualTo(json("{\"c\":3}"));
        assertThat(updated.installationMethod()).isEqualTo("api");
        assertThatThrownBy(() -> installations.updateMeta(created.id(), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pack_installation.meta");
        assertThatThrownBy(() -> installations.updateMeta(created.id() + 1, json("{}")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletesByIdAndByPackKeepingThePack(DSLContext dsl) {
        PackInstallationRepository installations = new PackInstallationRepository(dsl);
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        PackRecord linux = fixtures.pack("linux");
        PackInstallation first = installations.create(git(core));
        installations.create(git(linux));

        assertThat(installations.delete(first.id())).isTrue();
        assertThat(installations.delete(first.id())).isFalse();
        assertThat(installations.deleteByPackId(linux.getId())).isTrue();
        assertThat(installations.deleteByPackId(linux.getId())).isFalse();
        assertThat(installations.list()).isEmpty();
        assertThat(dsl.fetchCount(PACK)).isEqualTo(2);
    }

    @Test
    void deletingTheIdentityKeepsTheRecordAndDeletingThePackRemovesIt(DSLContext dsl) {
        PackInstallationRepository installations = new PackInstallationRepository(dsl);
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord pack = fixtures.pack("core");
        IdentityRecord admin = fixtures.identity("admin");
        PackInstallation created = installations.create(new NewPackInstallation(pack.getId(), "git", null, null, null,
                false, admin.getId(), null, "/x", null));

        dsl.deleteFrom(IDENTITY).where(IDENTITY.ID.eq(admin.getId())).execute();
        assertThat(installations.findById(created.id())).hasValueSatisfying(i -> assertThat(i.installedBy()).isNull());

        dsl.deleteFrom(PACK).where(PACK.ID.eq(pack.getId())).execute();
        assertThat(installations.existsForPack(pack.getId())).isFalse();
    }

    private static void setInstalledAt(DSLContext dsl, PackInstallation installation, OffsetDateTime at) {
        dsl.update(PACK_INSTALLATION).set(PACK_INSTALLATION.INSTALLED_AT, at)
                .where(PACK_INSTALLATION.ID.eq(installation.id())).execute();
    }
}
