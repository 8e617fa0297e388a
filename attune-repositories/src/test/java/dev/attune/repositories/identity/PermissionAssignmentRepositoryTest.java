package dev.attune.repositories.identity;

import static dev.attune.repositories.schema.Tables.PERMISSION_ASSIGNMENT;
import static dev.attune.repositories.schema.Tables.PERMISSION_SET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.schema.tables.pojos.PermissionAssignment;
import dev.attune.junit.IsolatedSchemaTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

@IsolatedSchemaTest
class PermissionAssignmentRepositoryTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 20, 12, 0, 0, 0, ZoneOffset.UTC);

    private static long permissionSet(DSLContext dsl, String ref) {
        return dsl.insertInto(PERMISSION_SET).set(PERMISSION_SET.REF, ref).returning(PERMISSION_SET.ID).fetchSingle().getId();
    }

    private static void setCreated(DSLContext dsl, PermissionAssignment assignment, OffsetDateTime created) {
        dsl.update(PERMISSION_ASSIGNMENT).set(PERMISSION_ASSIGNMENT.CREATED, created)
                .where(PERMISSION_ASSIGNMENT.ID.eq(assignment.id())).execute();
    }

    @Test
    void createsAnAssignmentAndFindsItById(DSLContext dsl) {
        long alice = new Fixtures(dsl).identity("alice").getId();
        long admins = permissionSet(dsl, "core.admins");
        PermissionAssignmentRepository assignments = new PermissionAssignmentRepository(dsl);

        PermissionAssignment created = assignments.create(new NewPermissionAssignment(alice, admins));

        assertThat(created.id()).isPositive();
        assertThat(created.identity()).isEqualTo(alice);
        assertThat(created.permset()).isEqualTo(admins);
        assertThat(created.created()).isNotNull();
        assertThat(assignments.findById(created.id())).contains(created);
        assertThat(assignments.getById(created.id())).isEqualTo(created);
    }

    @Test
    void aMissingAssignmentIsNotFound(DSLContext dsl) {
        PermissionAssignmentRepository assignments = new PermissionAssignmentRepository(dsl);

        assertThat(assignments.findById(1)).isEmpty();
        assertThatThrownBy(() -> assignments.getById(1))
                .isInstanceOf(NotFoundException.class).hasMessage("permission_assignment with id = 1 not found");
    }

    @Test
    void assigningTheSameSetTwiceIsAlreadyExists(DSLContext dsl) {
        long alice = new Fixtures(dsl).identity("alice").getId();
        long admins = permissionSet(dsl, "core.admins");
        PermissionAssignmentRepository assignments = new PermissionAssignmentRepository(dsl);
        assignments.create(new NewPermissionAssignment(alice, admins));

        assertThatThrownBy(() -> assignments.create(new NewPermissionAssignment(alice, admins)))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.entity()).isEqualTo("permission_assignment");
                    assertThat(e.field()).isEqualTo("identity, permset");
                    assertThat(e.value()).isEqualTo(alice + ", " + admins);
                });
    }

    @Test
    void aMissingIdentityOrPermissionSetIsAReferenceViolation(DSLContext dsl) {
        long alice = new Fixtures(dsl).identity("alice").getId();
        long admins = permissionSet(dsl, "core.admins");
        PermissionAssignmentRepository assignments = new PermissionAssignmentRepository(dsl);

        assertThatThrownBy(() -> assignments.create(new NewPermissionAssignment(alice + 100, admins)))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("identity"));
        assertThatThrownBy(() -> assignments.create(new NewPermissionAssignment(alice, admins + 100)))
                .isInstanceOfSatisfying(ReferenceViolationException.class,
                        e -> assertThat(e.otherTable()).isEqualTo("permission_set"));
    }

    @Test
    void listsAndFindsByIdentityNewestFirstThenByIdDescending(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        long alice = fixtures.identity("alice").getId();
        long bob = fixtures.identity("bob").getId();
        long admins = permissionSet(dsl, "core.admins");
        long viewers = permissionSet(dsl, "core.viewers");
        long operators = permissionSet(dsl, "core.operators");
        PermissionAssignmentRepository assignments = new PermissionAssignmentRepository(dsl);
        PermissionAssignment aliceAdmins = assignments.create(new NewPermissionAssignment(alice, admins));
        PermissionAssignment aliceViewers = assignments.create(new NewPermissionAssignment(alice, viewers));
        PermissionAssignment aliceOperators = assignments.create(new NewPermissionAssignment(alice, operators));
        PermissionAssignment bobViewers = assignments.create(new NewPermissionAssignment(bob, viewers));
        setCreated(dsl, aliceAdmins, T0.plusDays(1));
        setCreated(dsl, aliceViewers, T0); // same created as the next one: the higher id comes first
        setCreated(dsl, aliceOperators, T0);
        setCreated(dsl, bobViewers, T0.plusDays(2));

        assertThat(assignments.findByIdentity(alice)).extracting(PermissionAssignment::id)
                .containsExactly(aliceAdmins.id(), aliceOperators.id(), aliceViewers.id());
        assertThat(assignments.findByIdentity(bob)).extracting(PermissionAssignment::id).containsExactly(bobViewers.id());
        assertThat(assignments.findByIdentity(bob + 100)).isEmpty();
        assertThat(assignments.list()).extracting(PermissionAssignment::id)
                .containsExactly(bobViewers.id(), aliceAdmins.id(), aliceOperators.id(), aliceViewers.id());
    }

    @Test
    void deletesAnAssignment(DSLContext dsl) {
        long alice = new Fixtures(dsl).identity("alice").getId();
        long admins = permissionSet(dsl, "core.admins");
        PermissionAssignmentRepository assignments = new PermissionAssignmentRepository(dsl);
        PermissionAssignment created = assignments.create(new NewPermissionAssignment(alice, admins));

        assertThat(assignments.delete(created.id())).isTrue();
        assertThat(assignments.delete(created.id())).isFalse();
        assertThat(assignments.findById(created.id())).isEmpty();
        assertThat(assignments.create(new NewPermissionAssignment(alice, admins)).id()).isNotEqualTo(created.id());
    }
}
