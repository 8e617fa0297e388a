package dev.attune.repositories.key;

import static dev.attune.repositories.schema.Tables.ACTION;
import static dev.attune.repositories.schema.Tables.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.internal.DatabaseErrors;
import dev.attune.repositories.schema.enums.OwnerTypeEnum;
import dev.attune.repositories.schema.tables.pojos.Key;
import dev.attune.repositories.schema.tables.records.ActionRecord;
import dev.attune.repositories.schema.tables.records.IdentityRecord;
import dev.attune.repositories.schema.tables.records.PackRecord;
import dev.attune.repositories.schema.tables.records.RuntimeRecord;
import dev.attune.repositories.schema.tables.records.SensorRecord;
import dev.attune.repositories.schema.tables.records.TriggerRecord;
import java.util.Arrays;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

@IsolatedSchemaTest
class KeyRepositoryTest {

    @Test
    void createsASystemKeyWhoseOwnerTheDatabaseSetsToSystem(DSLContext dsl) {
        KeyRepository keys = new KeyRepository(dsl);

        Key created = keys.create(NewKey.system("api_url", "api_url", "https://example.org"));

        assertThat(created.id()).isPositive();
        assertThat(created.ownerType()).isEqualTo(OwnerTypeEnum.system);
        assertThat(created.owner()).isEqualTo("system");
        assertThat(created.name()).isEqualTo("api_url");
        assertThat(created.value()).isEqualTo("https://example.org");
        assertThat(created.encrypted()).isFalse();
        assertThat(created.encryptionKeyHash()).isNull();
        assertThat(keys.findById(created.id())).contains(created);
        assertThat(keys.getById(created.id())).isEqualTo(created);
        assertThat(keys.findByRef("api_url")).contains(created);
    }

    @Test
    void theOwnerOfAnOwnedKeyIsTheOwnersIdAsText(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        IdentityRecord alice = fixtures.identity("alice");
        PackRecord core = fixtures.pack("core");
        ActionRecord echo = fixtures.action(core, "echo");
        RuntimeRecord python = fixtures.runtime(core, "python");
        TriggerRecord timer = fixtures.trigger(core, "timer");
        SensorRecord ticker = fixtures.sensor(core, "ticker", python, timer);
        KeyRepository keys = new KeyRepository(dsl);

        Key identityKey = keys.create(NewKey.ofIdentity("alice.token", alice.getId(), "token", "t"));
        Key packKey = keys.create(NewKey.ofPack("core.token", core.getId(), "core", "token", "t"));
        Key actionKey = keys.create(NewKey.ofAction("echo.token", echo.getId(), echo.getRef(), "token", "t"));
        Key sensorKey = keys.create(NewKey.ofSensor("ticker.token", ticker.getId(), ticker.getRef(), "token", "t")
                .encryptedWith("sha256:abc"));

        assertThat(identityKey.owner()).isEqualTo(String.valueOf(alice.getId()));
        assertThat(identityKey.ownerIdentity()).isEqualTo(alice.getId());
        assertThat(packKey.owner()).isEqualTo(String.valueOf(core.getId()));
        assertThat(packKey.ownerPackRef()).isEqualTo("core");
        assertThat(actionKey.owner()).isEqualTo(String.valueOf(echo.getId()));
        assertThat(actionKey.ownerActionRef()).isEqualTo("core.echo");
        assertThat(sensorKey.owner()).isEqualTo(String.valueOf(ticker.getId()));
        assertThat(sensorKey.ownerSensorRef()).isEqualTo("core.ticker");
        assertThat(sensorKey.encrypted()).isTrue();
        assertThat(sensorKey.encryptionKeyHash()).isEqualTo("sha256:abc");
    }

    @Test
    void aMissingKeyIsNotFound(DSLContext dsl) {
        KeyRepository keys = new KeyRepository(dsl);

        assertThat(keys.findById(42)).isEmpty();
        assertThat(keys.findByRef("nope")).isEmpty();
        assertThatThrownBy(() -> keys.getById(42))
                .isInstanceOf(NotFoundException.class).hasMessage("key with id = 42 not found");
    }

    @Test
    void badRefsAndMissingRequiredValuesAreRejectedBeforeAnySqlRuns() {
        for (String bad : Arrays.asList("Token", "a.b.c", ".token", "core.", "", null)) {
            assertThatThrownBy(() -> NewKey.system(bad, "token", "v"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("key.ref");
        }
        assertThatThrownBy(() -> NewKey.system("token", null, "v"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("key.name");
        assertThatThrownBy(() -> NewKey.system("token", "token", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("key.value");
        assertThatThrownBy(() -> new NewKey("token", null, null, null, null, null, null, null, null, "token", false,
                null, "v"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("key.owner_type");
    }

    @Test
    void aSystemKeyWithOwnerFieldsIsRejectedBeforeAnySqlRuns() {
        assertThatThrownBy(() -> new NewKey("token", OwnerTypeEnum.system, null, 1L, null, null, null, null, null,
                "token", false, null, "v"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("owner_pack");
                    assertThat(e.getMessage()).contains("owner_type system cannot have owner fields set");
                });
        assertThatThrownBy(() -> new NewKey("token", OwnerTypeEnum.system, null, null, null, null, "core.echo", null,
                null, "token", false, null, "v"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("owner_action_ref"));
    }

    @Test
    void anOwnedKeyNeedsExactlyTheOwnerFieldMatchingItsTypeBeforeAnySqlRuns() {
        // The matching id is missing.
        assertThatThrownBy(() -> new NewKey("core.token", OwnerTypeEnum.pack, null, null, "core", null, null, null,
                null, "token", false, null, "v"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("owner_pack");
                    assertThat(e.getMessage()).contains("must be set for owner_type pack");
                });
        // Only another owner's id is given.
        assertThatThrownBy(() -> new NewKey("token", OwnerTypeEnum.identity, null, 5L, null, null, null, null, null,
                "token", false, null, "v"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("owner_identity"));
        // The matching id plus a second owner.
        assertThatThrownBy(() -> new NewKey("token", OwnerTypeEnum.action, 1L, null, null, 2L, null, null, null,
                "token", false, null, "v"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("owner_identity");
                    assertThat(e.getMessage()).contains("must not be set for owner_type action");
                });
        // The matching id plus another owner's ref.
        assertThatThrownBy(() -> new NewKey("token", OwnerTypeEnum.sensor, null, null, "core", null, null, 3L,
                "core.s", "token", false, null, "v"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("owner_pack_ref"));
    }

    @Test
    void theDatabaseTriggerStillRejectsOwnershipViolationsAsValidationErrors(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        IdentityRecord alice = fixtures.identity("alice");
        Key system = new KeyRepository(dsl).create(NewKey.system("token", "token", "v"));

        // A direct update bypasses NewKey's checks; validate_key_owner() refuses it.
        assertThatThrownBy(() -> DatabaseErrors.translate(KeyRepository.ENTITY, () -> dsl.update(KEY)
                .set(KEY.OWNER_PACK, core.getId()).where(KEY.ID.eq(system.id())).execute()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("key");
                    assertThat(e.getMessage()).contains("System owner cannot have specific owner fields set");
                });
        // A direct insert with the wrong owner field for its type.
        assertThatThrownBy(() -> DatabaseErrors.translate(KeyRepository.ENTITY, () -> dsl.insertInto(KEY)
                .set(KEY.REF, "core.token").set(KEY.OWNER_TYPE, OwnerTypeEnum.pack)
                .set(KEY.OWNER_IDENTITY, alice.getId()).set(KEY.NAME, "token")
                .set(KEY.ENCRYPTED, false).set(KEY.VALUE, "v").execute()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("owner_pack");
                    assertThat(e.getMessage()).contains("owner_pack must be set for owner_type pack");
                });
        assertThat(dsl.fetchSingle(KEY, KEY.ID.eq(system.id())).getOwnerPack()).isNull();
    }

    @Test
    void oneKeyNamePerOwner(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        PackRecord linux = fixtures.pack("linux");
        KeyRepository keys = new KeyRepository(dsl);
        keys.create(NewKey.system("token", "token", "v"));
        keys.create(NewKey.ofPack("core.token", core.getId(), "core", "token", "v"));

        // Same name for another owner is fine.
        assertThat(keys.create(NewKey.ofPack("linux.token", linux.getId(), "linux", "token", "v")).owner())
                .isEqualTo(String.valueOf(linux.getId()));
        assertThatThrownBy(() -> keys.create(NewKey.system("token2", "token", "v")))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.entity()).isEqualTo("key");
                    assertThat(e.field()).isEqualTo("owner_type, owner, name");
                    assertThat(e.value()).isEqualTo("system, system, token");
                });
        assertThatThrownBy(() -> keys.create(NewKey.ofPack("core.token2", core.getId(), "core", "token", "v")))
                .isInstanceOfSatisfying(AlreadyExistsException.class,
                        e -> assertThat(e.value()).isEqualTo("pack, " + core.getId() + ", token"));
    }

    @Test
    void aDuplicateRefIsAlreadyExistsNamingTheRef(DSLContext dsl) {
        KeyRepository keys = new KeyRepository(dsl);
        keys.create(NewKey.system("token", "token", "v"));

        assertThatThrownBy(() -> keys.create(NewKey.system("token", "other", "v")))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.field()).isEqualTo("ref");
                    assertThat(e.value()).isEqualTo("token");
                });
    }

    @Test
    void aMissingOwnerIsAReferenceViolation(DSLContext dsl) {
        assertThatThrownBy(() -> new KeyRepository(dsl).create(NewKey.ofPack("gone.token", 999, "gone", "token", "v")))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("owner_pack");
                    assertThat(e.otherTable()).isEqualTo("pack");
                });
    }

    @Test
    void listsByRefAndFindsByOwnerType(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        IdentityRecord alice = fixtures.identity("alice");
        KeyRepository keys = new KeyRepository(dsl);
        keys.create(NewKey.system("zz", "zz", "v"));
        keys.create(NewKey.ofPack("core.bb", core.getId(), "core", "bb", "v"));
        keys.create(NewKey.system("aa", "aa", "v"));
        keys.create(NewKey.ofIdentity("alice.cc", alice.getId(), "cc", "v"));
        keys.create(NewKey.ofPack("core.aa", core.getId(), "core", "aa", "v"));

        assertThat(keys.list()).extracting(Key::ref).containsExactly("aa", "alice.cc", "core.aa", "core.bb", "zz");
        assertThat(keys.findByOwnerType(OwnerTypeEnum.system)).extracting(Key::ref).containsExactly("aa", "zz");
        assertThat(keys.findByOwnerType(OwnerTypeEnum.pack)).extracting(Key::ref).containsExactly("core.aa", "core.bb");
        assertThat(keys.findByOwnerType(OwnerTypeEnum.identity)).extracting(Key::ref).containsExactly("alice.cc");
        assertThat(keys.findByOwnerType(OwnerTypeEnum.sensor)).isEmpty();
    }

    @Test
    void updatesOnlyTheGivenColumnsAndCanClearTheKeyHash(DSLContext dsl) {
        KeyRepository keys = new KeyRepository(dsl);
        Key created = keys.create(NewKey.system("token", "token", "cipher").encryptedWith("h1"));

        Key updated = keys.update(created.id(), RowUpdate.of(KEY).set(KEY.VALUE, "plain").set(KEY.ENCRYPTED, false)
                .set(KEY.ENCRYPTION_KEY_HASH, null));
        assertThat(updated.value()).isEqualTo("plain");
        assertThat(updated.encrypted()).isFalse();
        assertThat(updated.encryptionKeyHash()).isNull();
        assertThat(updated.name()).isEqualTo("token");
        assertThat(updated.owner()).isEqualTo("system");
        assertThat(updated.updated()).isAfterOrEqualTo(created.updated());

        Key renamed = keys.update(created.id(), RowUpdate.of(KEY).set(KEY.NAME, "secret"));
        assertThat(renamed.name()).isEqualTo("secret");
        assertThat(renamed.value()).isEqualTo("plain");
        assertThat(keys.update(created.id(), RowUpdate.of(KEY))).isEqualTo(renamed);
    }

    @Test
    void renamingAKeyOntoAnotherOfTheSameOwnerIsAlreadyExists(DSLContext dsl) {
        KeyRepository keys = new KeyRepository(dsl);
        keys.create(NewKey.system("a", "a", "v"));
        Key b = keys.create(NewKey.system("b", "b", "v"));

        assertThatThrownBy(() -> keys.update(b.id(), RowUpdate.of(KEY).set(KEY.NAME, "a")))
                .isInstanceOfSatisfying(AlreadyExistsException.class,
                        e -> assertThat(e.field()).isEqualTo("owner_type, owner, name"));
        assertThat(keys.getById(b.id()).name()).isEqualTo("b");
    }

    @Test
    void updatingAMissingKeyOrNotNullColumnsToNullFails(DSLContext dsl) {
        KeyRepository keys = new KeyRepository(dsl);

        assertThatThrownBy(() -> keys.update(7, RowUpdate.of(KEY).set(KEY.VALUE, "x")))
                .isInstanceOf(NotFoundException.class).hasMessage("key with id = 7 not found");
        assertThatThrownBy(() -> keys.update(7, RowUpdate.of(KEY))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> RowUpdate.of(KEY).set(KEY.NAME, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("key.name");
        assertThatThrownBy(() -> RowUpdate.of(KEY).set(KEY.VALUE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("key.value");
    }

    @Test
    void deletesAKeyAndKeysGoWithTheirOwningAction(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        ActionRecord echo = fixtures.action(fixtures.pack("core"), "echo");
        KeyRepository keys = new KeyRepository(dsl);
        Key system = keys.create(NewKey.system("token", "token", "v"));
        Key owned = keys.create(NewKey.ofAction("echo.token", echo.getId(), echo.getRef(), "token", "v"));

        assertThat(keys.delete(system.id())).isTrue();
        assertThat(keys.findById(system.id())).isEmpty();
        assertThat(keys.delete(system.id())).isFalse();

        dsl.deleteFrom(ACTION).where(ACTION.ID.eq(echo.getId())).execute();
        assertThat(keys.findById(owned.id())).isEmpty();
    }
}
