package dev.attune.repositories.pack;

import static dev.attune.repositories.schema.Tables.PACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.Page;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.tables.pojos.Pack;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

@IsolatedSchemaTest
class PackRepositoryTest {

    private static NewPack pack(String ref) {
        return NewPack.of(ref, "Pack " + ref, "1.0.0");
    }

    @Test
    void createsAPackWithDefaultsAndFindsItByIdAndRef(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);

        Pack created = packs.create(pack("core"));

        assertThat(created.id()).isPositive();
        assertThat(created.config()).isEqualTo(JsonNodeFactory.instance.objectNode());
        assertThat(created.tags()).isEmpty();
        assertThat(created.isStandard()).isFalse();
        assertThat(packs.getById(created.id())).isEqualTo(created);
        assertThat(packs.getByRef("core")).isEqualTo(created);
        assertThat(packs.existsByRef("core")).isTrue();
        assertThat(packs.existsByRef("other")).isFalse();
    }

    @Test
    void aMissingPackIsNotFoundByIdOrRef(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);

        assertThat(packs.findById(42)).isEmpty();
        assertThatThrownBy(() -> packs.getById(42))
                .isInstanceOf(NotFoundException.class).hasMessage("pack with id = 42 not found");
        assertThatThrownBy(() -> packs.getByRef("nope"))
                .isInstanceOf(NotFoundException.class).hasMessage("pack with ref = nope not found");
    }

    @Test
    void aDuplicateRefIsAlreadyExistsNamingTheRef(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);
        packs.create(pack("core"));

        assertThatThrownBy(() -> packs.create(pack("core")))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.entity()).isEqualTo("pack");
                    assertThat(e.field()).isEqualTo("ref");
                    assertThat(e.value()).isEqualTo("core");
                });
    }

    @Test
    void badRefsAreRejectedBeforeAnySqlRuns() {
        for (String bad : List.of("Core", "c", "core.x", "1core", "co re", "")) {
            assertThatThrownBy(() -> pack(bad))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("pack.ref");
        }
    }

    @Test
    void anInvalidVersionIsRejectedByTheDatabaseAsAValidationError(DSLContext dsl) {
        assertThatThrownBy(() -> new PackRepository(dsl).create(NewPack.of("core", "Core", "1.0")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("pack_version_semver"));
    }

    @Test
    void listsByRefAndPaginates(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);
        for (String ref : List.of("cc", "aa", "bb")) {
            packs.create(pack(ref));
        }

        assertThat(packs.list()).extracting(Pack::ref).containsExactly("aa", "bb", "cc");
        assertThat(packs.listPaginated(Page.number(1, 2))).extracting(Pack::ref).containsExactly("cc");
        assertThat(packs.count()).isEqualTo(3);
    }

    @Test
    void findsByTagStandardFlagAndCaseInsensitiveSearch(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);
        packs.create(new NewPack("linux", "Linux tools", "Shell and SSH", "1.0.0", null, null, null,
                List.of("os", "shell"), List.of(), true));
        packs.create(new NewPack("http", "HTTP", "Web 100%", "2.1.0-rc.1+b5", null, null, null,
                List.of("web"), List.of("requests"), false));

        assertThat(packs.findByTag("shell")).extracting(Pack::ref).containsExactly("linux");
        assertThat(packs.findStandard()).extracting(Pack::ref).containsExactly("linux");
        assertThat(packs.search("SSH")).extracting(Pack::ref).containsExactly("linux");
        assertThat(packs.search("100%")).extracting(Pack::ref).containsExactly("http");
        assertThat(packs.search("0_")).isEmpty();
    }

    @Test
    void updatesOnlyTheGivenColumnsAndCanSetANullableColumnBackToNull(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);
        Pack created = packs.create(new NewPack("core", "Core", "Built in", "1.0.0", null, null, null,
                List.of("a"), List.of(), false));

        Pack updated = packs.update(created.id(), RowUpdate.of(PACK).set(PACK.LABEL, "Core 2").set(PACK.DESCRIPTION, null));

        assertThat(updated.label()).isEqualTo("Core 2");
        assertThat(updated.description()).isNull();
        assertThat(updated.version()).isEqualTo("1.0.0");
        assertThat(updated.tags()).containsExactly("a");
        assertThat(updated.updated()).isAfterOrEqualTo(created.updated());
        assertThat(packs.update(created.id(), RowUpdate.of(PACK))).isEqualTo(updated);
    }

    @Test
    void updatingOrDeletingAMissingPack(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);

        assertThatThrownBy(() -> packs.update(7, RowUpdate.of(PACK).set(PACK.LABEL, "x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> packs.update(7, RowUpdate.of(PACK)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RowUpdate.of(PACK).set(PACK.LABEL, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pack.label");
        assertThat(packs.delete(7)).isFalse();
    }

    @Test
    void anUpdateOfAColumnThatIsNotUpdatableIsRefusedAndChangesNothing(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);
        Pack created = packs.create(NewPack.of("core", "Core", "1.0.0"));

        assertThatThrownBy(() -> packs.update(created.id(), RowUpdate.of(PACK).set(PACK.LABEL, "x").set(PACK.REF, "other")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("ref"))
                .hasMessageContaining("cannot be changed by update")
                .hasMessageContaining("label, description");
        assertThatThrownBy(() -> packs.update(created.id(), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pack.update");
        assertThat(packs.getById(created.id())).isEqualTo(created);
    }

    @Test
    void deletesAPack(DSLContext dsl) {
        PackRepository packs = new PackRepository(dsl);
        Pack created = packs.create(pack("core"));

        assertThat(packs.delete(created.id())).isTrue();
        assertThat(packs.findById(created.id())).isEmpty();
    }
}
