package dev.attune.repositories.identity;

import static dev.attune.repositories.Fixtures.json;
import static dev.attune.repositories.schema.Tables.EXECUTION;
import static dev.attune.repositories.schema.Tables.IDENTITY;
import static dev.attune.repositories.schema.Tables.KEY;
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
import dev.attune.repositories.schema.enums.OwnerTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Identity;
import dev.attune.repositories.schema.tables.records.ExecutionRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

@IsolatedSchemaTest
class IdentityRepositoryTest {

    @Test
    void createsAnIdentityWithDefaultsAndFindsItByIdAndLogin(DSLContext dsl) {
        IdentityRepository identities = new IdentityRepository(dsl);

        Identity created = identities.create(NewIdentity.of("alice"));

        assertThat(created.id()).isPositive();
        assertThat(created.login()).isEqualTo("alice");
        assertThat(created.displayName()).isNull();
        assertThat(created.passwordHash()).isNull();
        assertThat(created.attributes()).isEqualTo(JsonNodeFactory.instance.objectNode());
        assertThat(identities.findById(created.id())).contains(created);
        assertThat(identities.getById(created.id())).isEqualTo(created);
        assertThat(identities.findByLogin("alice")).contains(created);
        assertThat(identities.findByLogin("bob")).isEmpty();
    }

    @Test
    void aMissingIdentityIsNotFound(DSLContext dsl) {
        IdentityRepository identities = new IdentityRepository(dsl);

        assertThat(identities.findById(8)).isEmpty();
        assertThatThrownBy(() -> identities.getById(8))
                .isInstanceOf(NotFoundException.class).hasMessage("identity with id = 8 not found");
    }

    @Test
    void aDuplicateLoginIsAlreadyExistsNamingTheLogin(DSLContext dsl) {
        IdentityRepository identities = new IdentityRepository(dsl);
        identities.create(NewIdentity.of("alice"));

        assertThatThrownBy(() -> identities.create(new NewIdentity("alice", "Alice again", null, null)))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.entity()).isEqualTo("identity");
                    assertThat(e.field()).isEqualTo("login");
                    assertThat(e.value()).isEqualTo("alice");
                });
    }

    @Test
    void invalidInputIsRejectedBeforeAnySqlRuns() {
        assertThatThrownBy(() -> NewIdentity.of(null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("identity.login");
        assertThatThrownBy(() -> RowUpdate.of(IDENTITY).set(IDENTITY.ATTRIBUTES, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("identity.attributes");
    }

    @Test
    void listsByLogin(DSLContext dsl) {
        IdentityRepository identities = new IdentityRepository(dsl);
        for (String login : new String[] {"carol", "alice", "bob"}) {
            identities.create(NewIdentity.of(login));
        }

        assertThat(identities.list()).extracting(Identity::login).containsExactly("alice", "bob", "carol");
    }

    @Test
    void updatesOnlyTheGivenColumnsAndCanClearNullableOnes(DSLContext dsl) {
        IdentityRepository identities = new IdentityRepository(dsl);
        Identity created = identities.create(new NewIdentity("alice", "Alice", "$argon2id$hash", json("{\"team\":\"ops\"}")));

        Identity renamed = identities.update(created.id(), RowUpdate.of(IDENTITY).set(IDENTITY.DISPLAY_NAME, "Alice A."));
        assertThat(renamed.displayName()).isEqualTo("Alice A.");
        assertThat(renamed.passwordHash()).isEqualTo("$argon2id$hash");
        assertThat(renamed.attributes()).isEqualTo(json("{\"team\":\"ops\"}"));
        assertThat(renamed.updated()).isAfterOrEqualTo(created.updated());

        Identity cleared = identities.update(created.id(), RowUpdate.of(IDENTITY)
                .set(IDENTITY.DISPLAY_NAME, null).set(IDENTITY.PASSWORD_HASH, null).set(IDENTITY.ATTRIBUTES, json("{}")));
        assertThat(cleared.displayName()).isNull();
        assertThat(cleared.passwordHash()).isNull();
        assertThat(cleared.attributes()).isEqualTo(json("{}"));
        assertThat(cleared.login()).isEqualTo("alice");
        assertThat(identities.update(created.id(), RowUpdate.of(IDENTITY))).isEqualTo(cleared);
    }

    @Test
    void updatingOrDeletingAMissingIdentity(DSLContext dsl) {
        IdentityRepository identities = new IdentityRepository(dsl);

        assertThatThrownBy(() -> identities.update(4, RowUpdate.of(IDENTITY).set(IDENTITY.DISPLAY_NAME, "x")))
                .isInstanceOf(NotFoundException.class).hasMessage("identity with id = 4 not found");
        assertThatThrownBy(() -> identities.update(4, RowUpdate.of(IDENTITY))).isInstanceOf(NotFoundException.class);
        assertThat(identities.delete(4)).isFalse();
    }

    @Test
    void deletingAnIdentityRemovesItsAssignmentsAndClearsItAsExecutor(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        IdentityRepository identities = new IdentityRepository(dsl);
        Identity alice = identities.create(NewIdentity.of("alice"));
        long permset = dsl.insertInto(PERMISSION_SET).set(PERMISSION_SET.REF, "core.admins")
                .returning(PERMISSION_SET.ID).fetchSingle().getId();
        dsl.insertInto(PERMISSION_ASSIGNMENT).set(PERMISSION_ASSIGNMENT.IDENTITY, alice.id())
                .set(PERMISSION_ASSIGNMENT.PERMSET, permset).execute();
        ExecutionRecord execution = fixtures.execution(fixtures.action(fixtures.pack("core"), "echo"));
        dsl.update(EXECUTION).set(EXECUTION.EXECUTOR, alice.id()).where(EXECUTION.ID.eq(execution.getId())).execute();

        assertThat(identities.delete(alice.id())).isTrue();

        assertThat(identities.findById(alice.id())).isEmpty();
        assertThat(dsl.fetchCount(PERMISSION_ASSIGNMENT)).isZero();
        assertThat(dsl.fetchValue(EXECUTION.EXECUTOR, EXECUTION.ID.eq(execution.getId()))).isNull();
    }

    @Test
    void anIdentityThatOwnsKeysCannotBeDeleted(DSLContext dsl) {
        IdentityRepository identities = new IdentityRepository(dsl);
        Identity alice = identities.create(NewIdentity.of("alice"));
        dsl.insertInto(KEY).set(KEY.REF, "alice.token").set(KEY.OWNER_TYPE, OwnerTypeEnum.identity)
                .set(KEY.OWNER_IDENTITY, alice.id()).set(KEY.NAME, "token").set(KEY.ENCRYPTED, false)
                .set(KEY.VALUE, "secret").execute();

        assertThatThrownBy(() -> identities.delete(alice.id()))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("identity");
                    assertThat(e.otherTable()).isEqualTo("key");
                });
        assertThat(identities.findById(alice.id())).isPresent();
    }
}
