package dev.attune.repositories.identity;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.IDENTITY;
import static dev.attune.repositories.schema.Tables.PERMISSION_ASSIGNMENT;
import static dev.attune.repositories.schema.Tables.PERMISSION_SET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.tables.pojos.PermissionSet;
import dev.attune.repositories.schema.tables.records.PackRecord;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

@IsolatedSchemaTest
class PermissionSetRepositoryTest {

    @Test
    void createsAPermissionSetWithDefaultsAndFindsItById(DSLContext dsl) {
        PermissionSetRepository sets = new PermissionSetRepository(dsl);

        PermissionSet created = sets.create(NewPermissionSet.of("core.admins"));

        assertThat(created.id()).isPositive();
        assertThat(created.ref()).isEqualTo("core.admins");
        assertThat(created.pack()).isNull();
        assertThat(created.label()).isNull();
        assertThat(created.grants()).isEqualTo(JsonNodeFactory.instance.arrayNode());
        assertThat(sets.findById(created.id())).contains(created);
        assertThat(sets.getById(created.id())).isEqualTo(created);
    }

    @Test
    void createsAPermissionSetOfAPack(DSLContext dsl) {
        PackRecord pack = new Fixtures(dsl).pack("core");
        PermissionSetRepository sets = new PermissionSetRepository(dsl);

        PermissionSet created = sets.create(new NewPermissionSet("core.operators", pack.getId(), "core", "Operators",
                "May run actions", json("[{\"action\":\"*\"}]")));

        assertThat(created.pack()).isEqualTo(pack.getId());
        assertThat(created.packRef()).isEqualTo("core");
        assertThat(created.label()).isEqualTo("Operators");
        assertThat(created.description()).isEqualTo("May run actions");
        assertThat(created.grants()).isEqualTo(json("[{\"action\":\"*\"}]"));
    }

    @Test
    void aMissingPermissionSetIsNotFound(DSLContext dsl) {
        PermissionSetRepository sets = new PermissionSetRepository(dsl);

        assertThat(sets.findById(6)).isEmpty();
        assertThatThrownBy(() -> sets.getById(6))
                .isInstanceOf(NotFoundException.class).hasMessage("permission_set with id = 6 not found");
    }

    @Test
    void aDuplicateRefIsAlreadyExists(DSLContext dsl) {
        PermissionSetRepository sets = new PermissionSetRepository(dsl);
        sets.create(NewPermissionSet.of("core.admins"));

        assertThatThrownBy(() -> sets.create(NewPermissionSet.of("core.admins")))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.entity()).isEqualTo("permission_set");
                    assertThat(e.field()).isEqualTo("ref");
                    assertThat(e.value()).isEqualTo("core.admins");
                });
    }

    @Test
    void badRefsAndMissingGrantsAreRejectedBeforeAnySqlRuns() {
        for (String bad : List.of("admins", "Core.admins", "core.admins.x", ".admins", "core.", "")) {
            assertThatThrownBy(() -> NewPermissionSet.of(bad))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("permission_set.ref");
        }
        assertThatThrownBy(() -> RowUpdate.of(PERMISSION_SET).set(PERMISSION_SET.GRANTS, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("permission_set.grants");
    }

    @Test
    void aMissingPackIsAReferenceViolation(DSLContext dsl) {
        assertThatThrownBy(() -> new PermissionSetRepository(dsl).create(
                new NewPermissionSet("core.admins", 999L, "core", null, null, null)))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("pack");
                    assertThat(e.otherTable()).isEqualTo("pack");
                });
    }

    @Test
    void listsByRef(DSLContext dsl) {
        PermissionSetRepository sets = new PermissionSetRepository(dsl);
        for (String ref : List.of("core.viewers", "core.admins", "aux.admins")) {
            sets.create(NewPermissionSet.of(ref));
        }

        assertThat(sets.list()).extracting(PermissionSet::ref).containsExactly("aux.admins", "core.admins", "core.viewers");
    }

    @Test
    void updatesOnlyTheGivenColumnsAndCanClearNullableOnes(DSLContext dsl) {
        PermissionSetRepository sets = new PermissionSetRepository(dsl);
        PermissionSet created = sets.create(new NewPermissionSet("core.admins", null, null, "Admins", "All of it",
                json("[\"*\"]")));

        PermissionSet updated = sets.update(created.id(), RowUpdate.of(PERMISSION_SET).set(PERMISSION_SET.LABEL, "Administrators"));
        assertThat(updated.label()).isEqualTo("Administrators");
        assertThat(updated.description()).isEqualTo("All of it");
        assertThat(updated.grants()).isEqualTo(json("[\"*\"]"));
        assertThat(updated.updated()).isAfterOrEqualTo(created.updated());

        PermissionSet cleared = sets.update(created.id(), RowUpdate.of(PERMISSION_SET)
                .set(PERMISSION_SET.LABEL, null).set(PERMISSION_SET.DESCRIPTION, null).set(PERMISSION_SET.GRANTS, json("[]")));
        assertThat(cleared.label()).isNull();
        assertThat(cleared.description()).isNull();
        assertThat(cleared.grants()).isEqualTo(json("[]"));
        assertThat(sets.update(created.id(), RowUpdate.of(PERMISSION_SET))).isEqualTo(cleared);
    }

    @Test
    void updatingOrDeletingAMissingPermissionSet(DSLContext dsl) {
        PermissionSetRepository sets = new PermissionSetRepository(dsl);

        assertThatThrownBy(() -> sets.update(2, RowUpdate.of(PERMISSION_SET).set(PERMISSION_SET.LABEL, "x")))
                .isInstanceOf(NotFoundException.class).hasMessage("permission_set with id = 2 not found");
        assertThatThrownBy(() -> sets.update(2, RowUpdate.of(PERMISSION_SET))).isInstanceOf(NotFoundException.class);
        assertThat(sets.delete(2)).isFalse();
    }

    @Test
    void deletingAPermissionSetRemovesItsAssignments(DSLContext dsl) {
        PermissionSetRepository sets = new PermissionSetRepository(dsl);
        PermissionSet admins = sets.create(NewPermissionSet.of("core.admins"));
        long alice = dsl.insertInto(IDENTITY).set(IDENTITY.LOGIN, "alice").returning(IDENTITY.ID).fetchSingle().getId();
        dsl.insertInto(PERMISSION_ASSIGNMENT).set(PERMISSION_ASSIGNMENT.IDENTITY, alice)
                .set(PERMISSION_ASSIGNMENT.PERMSET, admins.id()).execute();

        assertThat(sets.delete(admins.id())).isTrue();

        assertThat(sets.findById(admins.id())).isEmpty();
        assertThat(dsl.fetchCount(PERMISSION_ASSIGNMENT)).isZero();
    }
}
