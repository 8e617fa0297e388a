package dev.attune.repositories.action;

import static dev.attune.repositories.schema.Tables.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attune.junit.IsolatedSchemaTest;
import dev.attune.repositories.AlreadyExistsException;
import dev.attune.repositories.Fixtures;
import dev.attune.repositories.NotFoundException;
import dev.attune.repositories.ReferenceViolationException;
import dev.attune.repositories.RowUpdate;
import dev.attune.repositories.ValidationException;
import dev.attune.repositories.schema.enums.PolicyMethodEnum;
import dev.attune.repositories.schema.tables.pojos.Policy;
import dev.attune.repositories.schema.tables.records.ActionRecord;
import dev.attune.repositories.schema.tables.records.PackRecord;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

@IsolatedSchemaTest
class PolicyRepositoryTest {

    private static NewPolicy policy(ActionRecord action, String ref) {
        return NewPolicy.forAction(ref, action.getId(), action.getRef(), PolicyMethodEnum.enqueue, 5, "limit " + ref);
    }

    /**
     * Regression test for Attune's Jan-2026 PolicyRepository, whose every query named a table {@code policies} that
     * does not exist (the table is {@code policy}), so every call failed at runtime.
     */
    @Test
    void usesTheTablePolicyNotAttunesNonexistentPolicies(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        ActionRecord action = fixtures.action(fixtures.pack("core"), "echo");
        PolicyRepository policies = new PolicyRepository(dsl);

        Policy created = policies.create(policy(action, "core.limit"));

        // The row is in `policy`, and there is no `policies` relation the repository could have used instead.
        assertThat(dsl.fetchValue(DSL.select(POLICY.REF).from(POLICY).where(POLICY.ID.eq(created.id()))))
                .isEqualTo("core.limit");
        assertThat(dsl.fetchValue(DSL.field("to_regclass('policies')::text", String.class))).isNull();
        // ... and every kind of statement works against it.
        assertThat(policies.getById(created.id())).isEqualTo(created);
        assertThat(policies.list()).containsExactly(created);
        assertThat(policies.update(created.id(), RowUpdate.of(POLICY).set(POLICY.THRESHOLD, 9)).threshold()).isEqualTo(9);
        assertThat(policies.delete(created.id())).isTrue();
        assertThat(dsl.fetchCount(POLICY)).isZero();
    }

    @Test
    void createsAPolicyWithDefaultsAndFindsItByIdAndRef(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        ActionRecord action = fixtures.action(core, "echo");
        PolicyRepository policies = new PolicyRepository(dsl);

        Policy created = policies.create(new NewPolicy("core.concurrency", core.getId(), "core", action.getId(),
                action.getRef(), List.of("host"), PolicyMethodEnum.cancel, 2, "Concurrency", "At most two", List.of("ops")));
        Policy minimal = policies.create(new NewPolicy("core.bare", null, null, null, null, null,
                PolicyMethodEnum.enqueue, 1, "Bare", null, null));

        assertThat(created.id()).isPositive();
        assertThat(created.pack()).isEqualTo(core.getId());
        assertThat(created.action()).isEqualTo(action.getId());
        assertThat(created.parameters()).containsExactly("host");
        assertThat(created.method()).isEqualTo(PolicyMethodEnum.cancel);
        assertThat(created.threshold()).isEqualTo(2);
        assertThat(created.tags()).containsExactly("ops");
        assertThat(minimal.parameters()).isEmpty();
        assertThat(minimal.tags()).isEmpty();
        assertThat(minimal.action()).isNull();
        assertThat(policies.findById(created.id())).contains(created);
        assertThat(policies.getById(created.id())).isEqualTo(created);
        assertThat(policies.findByRef("core.concurrency")).contains(created);
        assertThat(policies.getByRef("core.concurrency")).isEqualTo(created);
    }

    @Test
    void aMissingPolicyIsNotFoundByIdOrRef(DSLContext dsl) {
        PolicyRepository policies = new PolicyRepository(dsl);

        assertThat(policies.findById(42)).isEmpty();
        assertThat(policies.findByRef("core.nope")).isEmpty();
        assertThatThrownBy(() -> policies.getById(42))
                .isInstanceOf(NotFoundException.class).hasMessage("policy with id = 42 not found");
        assertThatThrownBy(() -> policies.getByRef("core.nope"))
                .isInstanceOf(NotFoundException.class).hasMessage("policy with ref = core.nope not found");
    }

    @Test
    void aDuplicateRefIsAlreadyExistsNamingTheRef(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        ActionRecord action = fixtures.action(fixtures.pack("core"), "echo");
        PolicyRepository policies = new PolicyRepository(dsl);
        policies.create(policy(action, "core.limit"));

        assertThatThrownBy(() -> policies.create(policy(action, "core.limit")))
                .isInstanceOfSatisfying(AlreadyExistsException.class, e -> {
                    assertThat(e.entity()).isEqualTo("policy");
                    assertThat(e.field()).isEqualTo("ref");
                    assertThat(e.value()).isEqualTo("core.limit");
                });
    }

    @Test
    void aNonPositiveThresholdIsRejectedBeforeAnySqlRuns() {
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> NewPolicy.forAction("core.limit", 1, "core.echo", PolicyMethodEnum.enqueue, bad, "x"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("threshold");
                        assertThat(e.getMessage()).contains("policy.threshold").contains("greater than 0");
                    });
            // no connection: the update must be refused before any SQL runs
            PolicyRepository unconnected = new PolicyRepository(DSL.using(SQLDialect.POSTGRES));
            assertThatThrownBy(() -> unconnected.update(1, RowUpdate.of(POLICY).set(POLICY.THRESHOLD, bad)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("policy.threshold");
        }
    }

    @Test
    void badRefsAndMissingRequiredValuesAreRejectedBeforeAnySqlRuns() {
        for (String bad : Arrays.asList("Core.limit", "core", "a.b.c", "", null)) {
            assertThatThrownBy(() -> NewPolicy.forAction(bad, 1, "core.echo", PolicyMethodEnum.enqueue, 1, "x"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("policy.ref");
        }
        assertThatThrownBy(() -> NewPolicy.forAction("core.limit", 1, "core.echo", null, 1, "x"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("policy.method");
        assertThatThrownBy(() -> NewPolicy.forAction("core.limit", 1, "core.echo", PolicyMethodEnum.cancel, 1, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("policy.name");
        assertThatThrownBy(() -> RowUpdate.of(POLICY).set(POLICY.NAME, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RowUpdate.of(POLICY).set(POLICY.METHOD, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RowUpdate.of(POLICY).set(POLICY.TAGS, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> RowUpdate.of(POLICY).set(POLICY.PARAMETERS, null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void aMissingActionIsAReferenceViolation(DSLContext dsl) {
        assertThatThrownBy(() -> new PolicyRepository(dsl).create(
                NewPolicy.forAction("core.limit", 999, "core.echo", PolicyMethodEnum.enqueue, 1, "x")))
                .isInstanceOfSatisfying(ReferenceViolationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("policy");
                    assertThat(e.field()).isEqualTo("action");
                    assertThat(e.otherTable()).isEqualTo("action");
                });
    }

    @Test
    void listsByRefAndFindsByActionAndTag(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        PackRecord core = fixtures.pack("core");
        ActionRecord echo = fixtures.action(core, "echo");
        ActionRecord sleep = fixtures.action(core, "sleep");
        PolicyRepository policies = new PolicyRepository(dsl);
        for (String ref : List.of("core.cc", "core.aa")) {
            policies.create(new NewPolicy(ref, null, null, echo.getId(), echo.getRef(), null, PolicyMethodEnum.enqueue,
                    1, ref, null, List.of("ops", "x")));
        }
        policies.create(new NewPolicy("core.bb", null, null, sleep.getId(), sleep.getRef(), null,
                PolicyMethodEnum.cancel, 1, "bb", null, List.of("ops")));

        assertThat(policies.list()).extracting(Policy::ref).containsExactly("core.aa", "core.bb", "core.cc");
        assertThat(policies.findByAction(echo.getId())).extracting(Policy::ref).containsExactly("core.aa", "core.cc");
        assertThat(policies.findByAction(sleep.getId())).extracting(Policy::ref).containsExactly("core.bb");
        assertThat(policies.findByTag("ops")).extracting(Policy::ref).containsExactly("core.aa", "core.bb", "core.cc");
        assertThat(policies.findByTag("x")).extracting(Policy::ref).containsExactly("core.aa", "core.cc");
        assertThat(policies.findByTag("o")).isEmpty();
    }

    @Test
    void updatesOnlyTheGivenColumnsAndCanClearTheDescription(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        ActionRecord action = fixtures.action(fixtures.pack("core"), "echo");
        PolicyRepository policies = new PolicyRepository(dsl);
        Policy created = policies.create(new NewPolicy("core.limit", null, null, action.getId(), action.getRef(),
                List.of("a"), PolicyMethodEnum.enqueue, 3, "Limit", "Three at a time", List.of("t")));

        Policy updated = policies.update(created.id(), RowUpdate.of(POLICY)
                .set(POLICY.METHOD, PolicyMethodEnum.cancel).set(POLICY.THRESHOLD, 4).set(POLICY.NAME, "Limit 4").set(POLICY.DESCRIPTION, null)
                .set(POLICY.PARAMETERS, new String[] {"b", "c"}).set(POLICY.TAGS, new String[] {}));

        assertThat(updated.method()).isEqualTo(PolicyMethodEnum.cancel);
        assertThat(updated.threshold()).isEqualTo(4);
        assertThat(updated.name()).isEqualTo("Limit 4");
        assertThat(updated.description()).isNull();
        assertThat(updated.parameters()).containsExactly("b", "c");
        assertThat(updated.tags()).isEmpty();
        assertThat(updated.action()).isEqualTo(action.getId());
        assertThat(updated.ref()).isEqualTo("core.limit");
        assertThat(policies.update(created.id(), RowUpdate.of(POLICY))).isEqualTo(updated);
    }

    @Test
    void updatingOrDeletingAMissingPolicy(DSLContext dsl) {
        PolicyRepository policies = new PolicyRepository(dsl);

        assertThatThrownBy(() -> policies.update(7, RowUpdate.of(POLICY).set(POLICY.NAME, "x")))
                .isInstanceOf(NotFoundException.class).hasMessage("policy with id = 7 not found");
        assertThatThrownBy(() -> policies.update(7, RowUpdate.of(POLICY))).isInstanceOf(NotFoundException.class);
        assertThat(policies.delete(7)).isFalse();
    }

    @Test
    void deletesAPolicy(DSLContext dsl) {
        Fixtures fixtures = new Fixtures(dsl);
        ActionRecord action = fixtures.action(fixtures.pack("core"), "echo");
        PolicyRepository policies = new PolicyRepository(dsl);
        Policy kept = policies.create(policy(action, "core.keep"));
        Policy gone = policies.create(policy(action, "core.gone"));

        assertThat(policies.delete(gone.id())).isTrue();
        assertThat(policies.findById(gone.id())).isEmpty();
        assertThat(policies.list()).containsExactly(kept);
    }
}
